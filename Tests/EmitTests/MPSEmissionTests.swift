import XCTest
import IR
@testable import Emit

final class MPSEmissionTests: XCTestCase {
    static let referenceCases = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference/cases").standardized

    func animals(_ encoding: Encoding) -> FeatureDictionary {
        let features = [
            Feature(name: "dog_poodle", cluster: "dogs", beta: -0.5),
            Feature(name: "dog_beagle", cluster: "dogs", beta: -0.5),
            Feature(name: "bird_hawk", cluster: "birds", beta: 0.5),
            Feature(name: "bird_sparrow", cluster: "birds", beta: 0.5),
        ]
        return FeatureDictionary(name: "AnimalsInterference", features: features,
                                 hierarchy: FeatureDictionary.hierarchy(inferredFrom: features), encoding: encoding)
    }

    func testAnimalsMPSRung1IsByteIdenticalToTheReference() throws {
        let expected = try String(contentsOf: Self.referenceCases
            .appendingPathComponent("animals_mps_rung1/expected/AnimalsInterference.q.orca.md"), encoding: .utf8)
        let text = try MachineWriter.render(try Lowering.machine(for: animals(.mpsRung1(phaseKnobs: true))))
        XCTAssertEqual(text, expected)
    }

    func testProvenanceHeaderUsesSourceDateEpoch() throws {
        let info = try Provenance.current(for: animals(.mpsRung1(phaseKnobs: true)), directory: "/",
                                          environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertEqual(info.generated, "2023-11-14T22:13:20Z")
        let header = try MachineWriter.provenance(info)
        XCTAssertTrue(header.hasPrefix("<!--\n  Polygram-generated artifact. Do not hand-edit.\n  source dictionary: AnimalsInterference\n"))
        XCTAssertTrue(header.contains("  features:          4 in 2 clusters\n  generated:         2023-11-14T22:13:20Z\n"))
        XCTAssertTrue(header.hasSuffix("-->\n"))
    }

    func testMalformedSourceDateEpochIsRejected() {
        XCTAssertThrowsError(try Provenance.current(for: animals(.mpsRung1(phaseKnobs: true)), directory: "/",
                                                    environment: ["SOURCE_DATE_EPOCH": "yesterday"]))
    }
}

final class HEAEmissionTests: XCTestCase {
    /// animals_hea_nobound: depth 1, chain, [Rx, Ry, Rz], 4 qubits, no bound.
    func testAnimalsHEAWithoutBoundIsByteIdenticalToTheReference() throws {
        let features = [
            Feature(name: "dog_poodle", cluster: "dogs", beta: -0.5, alpha: 0.1, gamma: 0.05, phi: 0.3),
            Feature(name: "dog_beagle", cluster: "dogs", beta: -0.5),
            Feature(name: "bird_hawk", cluster: "birds", beta: 0.5, phi: Double.pi / 2),
            Feature(name: "bird_sparrow", cluster: "birds", beta: 0.5, alpha: -0.25),
        ]
        let encoding = Encoding.heaRung2(HEAParameters(depth: 1, entangler: .chain, rotations: [.Rx, .Ry, .Rz],
                                                       tierSeparationBound: nil, qubitCount: 4))
        let dictionary = FeatureDictionary(name: "AnimalsHEANoBound", features: features,
                                           hierarchy: FeatureDictionary.hierarchy(inferredFrom: features), encoding: encoding)
        let expected = try String(contentsOf: MPSEmissionTests.referenceCases
            .appendingPathComponent("animals_hea_nobound/expected/AnimalsHEANoBound.q.orca.md"), encoding: .utf8)
        XCTAssertEqual(try MachineWriter.render(try Lowering.machine(for: dictionary)), expected)
    }

    /// polygram-core.md §2.3 examples (α=0.2, β=0.5, γ=−0.1, φ=0.7, depth 2).
    func testDefaultThetaOddCorners() throws {
        let f = Feature(name: "a", cluster: "c", beta: 0.5, alpha: 0.2, gamma: -0.1, phi: 0.7)
        func theta(_ rotations: [GateKind], _ n: Int) throws -> [[[Double]]] {
            let d = FeatureDictionary(name: "D", features: [f], hierarchy: [.init(name: "c", members: ["a"])],
                                      encoding: .heaRung2(HEAParameters(depth: 2, rotations: rotations, qubitCount: n)))
            return try Lowering.machine(for: d).theta[0].tensor
        }
        XCTAssertEqual(try theta([.Ry, .Rz], 3), [[[0.2, 0.5, -0.1], [0, 0, 0]], [[0, 0.7, 0], [0, 0, 0]]])
        XCTAssertEqual(try theta([.Rz], 3), [[[0.2, 0.7, -0.1], [0, 0, 0]]])
        XCTAssertEqual(try theta([.Rz], 1), [[[0.7], [0.0]]])
        XCTAssertEqual(try theta([.Ry], 3), [[[0.2, 0.5, -0.1], [0, 0, 0]]])
        XCTAssertEqual(try theta([.Ry, .Rz], 1), [[[0.2], [0.0]], [[0.0], [0.0]]])
    }
}
