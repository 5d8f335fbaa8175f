import XCTest
import Frontend
import IR
@testable import Experiments

/// Validation of cancellations (polygram-core.md §5.1): each bad input is an
/// `InputError` at the cancellation's position in the spec.
final class CancellationInputTests: XCTestCase {
    static let animals = ReferenceExperimentTests.cases.appendingPathComponent("animals_mps_rung1/spec.yaml")

    func spec() throws -> Spec { try SpecReader.read(path: Self.animals.path) }

    func assertRejected(_ c: CancellationSpec, on d: FeatureDictionary, knobs: [String]? = nil,
                        containing text: String, line: UInt = #line) throws {
        do {
            _ = try CancellationRunner.run(c, on: d, options: CancellationOptions(knobs: knobs))
            XCTFail("accepted", line: line)
        } catch let error as InputError {
            XCTAssertTrue(error.message.contains(text), error.message, line: line)
            XCTAssertEqual(error.location, c.location, line: line)
            XCTAssertNotNil(error.location, line: line)
        }
    }

    func testUnknownKnobPaths() throws {
        let s = try spec(), c = s.cancellations[0]
        try assertRejected(c, on: s.dictionary, knobs: ["zz.phi", "bird_hawk.phi"],
                           containing: "knob path 'zz.phi': identifier 'zz' not declared (features=['dog_poodle'")
        try assertRejected(c, on: s.dictionary, knobs: ["dog_poodle"], containing: "does not match expected grammar")
        try assertRejected(c, on: s.dictionary, knobs: ["dog_poodle.theta[0,0,0]"], containing: "paths are HEA-only")
        try assertRejected(c, on: s.dictionary, knobs: ["dog_poodle.theta_amp"], containing: "require a Rung3 or Rung4")
    }

    func testTooManyGridKnobs() throws {
        let s = try spec()
        try assertRejected(s.cancellations[0], on: s.dictionary,
                           knobs: ["dog_poodle.phi", "dog_beagle.phi", "bird_hawk.phi", "bird_sparrow.phi", "dogs.phi"],
                           containing: "grid backend supports at most 4 knobs (got 5)")
    }

    func testBadTargetPairs() throws {
        let s = try spec()
        var c = s.cancellations[0]
        c.targetPair = ["dog_poodle", "dog_poodle"]
        try assertRejected(c, on: s.dictionary, containing: "two different features")
        c.targetPair = ["dog_poodle", "cat"]
        try assertRejected(c, on: s.dictionary, containing: "target_pair feature 'cat' not declared in dictionary")
        c.targetPair = ["dog_poodle"]
        try assertRejected(c, on: s.dictionary, containing: "exactly two features")
    }

    func testBadStepsAndTolerance() throws {
        let s = try spec()
        var c = s.cancellations[0]
        c.optimize.maxSteps = 0
        try assertRejected(c, on: s.dictionary, containing: "max_steps must be >= 1; got 0")
        c = s.cancellations[0]
        c.tolerance = 1.5
        try assertRejected(c, on: s.dictionary, containing: "tolerance must lie in [0, 1]; got 1.5")
        c.tolerance = -0.1
        try assertRejected(c, on: s.dictionary, containing: "got -0.1")
    }

    func testDifferentialEvolutionBackendsAreRejected() throws {
        let s = try spec()
        var c = s.cancellations[0]
        c.optimize.method = .scipy
        try assertRejected(c, on: s.dictionary, containing: "differential-evolution")
        var d = s.dictionary
        d.encoding = .rung5(ampQubits: 1)
        try assertRejected(s.cancellations[0], on: d, containing: "differential evolution")
    }

    /// Fix of polygram's "order matters" floor rule: [B.phi, A.phi] has the same floor.
    func testFloorIndependentOfKnobOrder() throws {
        let s = try spec()
        var c = s.cancellations[0]
        c.optimize.maxSteps = 5
        let forward = try CancellationRunner.run(c, on: s.dictionary)
        let reversed = try CancellationRunner.run(c, on: s.dictionary, options: CancellationOptions(knobs: ["bird_hawk.phi", "dog_poodle.phi"]))
        XCTAssertNotNil(forward.structuralFloor)
        XCTAssertEqual(forward.structuralFloor, reversed.structuralFloor)
        XCTAssertFalse(reversed.summary.contains("## Caveat"))
        let cluster = try CancellationRunner.run(c, on: s.dictionary, options: CancellationOptions(knobs: ["dogs.phi", "birds.phi"]))
        XCTAssertNil(cluster.structuralFloor)
        XCTAssertTrue(cluster.summary.contains(CancellationResult.mpsClusterNote))
    }
}

/// The spec keys that reach polygram's other `Cancellation` arguments.
final class CancellationSpecKeyTests: XCTestCase {
    func spec(_ cancellation: String) throws -> Spec {
        try SpecReader.read(text: """
        dictionary:
          name: Animals
          encoding: mps_rung1
          features:
            - {name: dog_poodle, cluster: dogs, beta: -0.5}
            - {name: dog_beagle, cluster: dogs, beta: -0.5}
            - {name: bird_hawk, cluster: birds, beta: 0.5}
        cancellations:
          - \(cancellation)
        """, file: "c.yaml")
    }

    func testFiveGridKnobsFromTheSpecAreRefused() throws {
        let s = try spec("{target_pair: [dog_poodle, bird_hawk], knobs: [dog_poodle.phi, bird_hawk.phi, dog_beagle.phi, dogs.phi, birds.phi]}")
        XCTAssertEqual(s.cancellations[0].knobs?.count, 5)
        XCTAssertThrowsError(try CancellationRunner.run(s.cancellations[0], on: s.dictionary)) { error in
            XCTAssertTrue("\(error)".contains("at most 4 knobs"), "\(error)")
            XCTAssertEqual((error as? InputError)?.location?.line, 9)
        }
    }

    func testClusterSharedKnobFromTheSpecRuns() throws {
        let s = try spec("{target_pair: [dog_poodle, bird_hawk], knobs: [dogs.phi], optimize: {method: grid, max_steps: 5}}")
        let result = try CancellationRunner.run(s.cancellations[0], on: s.dictionary)
        XCTAssertEqual(result.knobs, ["dogs.phi"])
        XCTAssertEqual(result.evaluations, 5)
    }

    func testGridOuterAndMinAmpOverlapAreValidated() {
        XCTAssertThrowsError(try spec("{target_pair: [dog_poodle, bird_hawk], grid_outer: [5]}"))
        XCTAssertThrowsError(try spec("{target_pair: [dog_poodle, bird_hawk], grid_outer: [0, 3]}"))
        XCTAssertThrowsError(try spec("{target_pair: [dog_poodle, bird_hawk], min_amp_overlap: 1.5}"))
    }
}
