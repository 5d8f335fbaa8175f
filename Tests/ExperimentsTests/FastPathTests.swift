import XCTest
import Frontend
import IR
@testable import Experiments

/// The per-feature-state paths (`KnobSweep`, the cancellation grid on
/// `KnobGridStates`) give the whole-dictionary paths' results: sweeps on MPS,
/// HEA, Rung3, Rung4 and Rung5 dictionaries (θ, φ and amp keys, several axes
/// on one feature), grids with per-feature, cluster-shared and HEA θ knobs.
final class FastPathTests: XCTestCase {
    static let specs = [
        """
        dictionary:
          name: HeaThree
          encoding: {kind: hea_rung2, depth: 2, entangler: ring, rotations: [Ry, Rz], n_qubits: 3, tier_separation_bound: 0.02}
          clusters:
            dogs: [poodle, beagle, pug]
            birds: [hawk, sparrow, owl]
          features:
            - {name: poodle, cluster: dogs, beta: -0.5, alpha: 0.1, gamma: 0.05}
            - {name: beagle, cluster: dogs, beta: -0.45, phi: 0.3}
            - {name: pug, cluster: dogs, beta: -0.6, theta: [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[0.7, 0.8, 0.9], [1.0, 1.1, 1.2]]]}
            - {name: hawk, cluster: birds, beta: 0.5}
            - {name: sparrow, cluster: birds, beta: 0.55, gamma: -0.2}
            - {name: owl, cluster: birds, beta: 0.4, alpha: -0.3, phi: 1.1}
        experiments:
          - name: ThetaPhi
            target_pair: [poodle, hawk]
            sweep:
              "hawk.theta[1,0,1]": {linspace: ["-pi", pi, 9]}
              poodle.phi: {linspace: [0, "2*pi", 7]}
            assertions: [hierarchical_ordering_preserved, concept_gram_tier_separation_bound_holds, target_pair_destructive_at_endpoint]
          - name: SameFeatureTwice
            target_pair: [pug, owl]
            sweep:
              "pug.theta[0,0,1]": {linspace: [-1, 1, 5]}
              pug.phi: {linspace: [0, 3, 4]}
              "owl.theta[1,1,2]": [0.0, 0.5, 1.5]
            assertions: [hierarchical_ordering_preserved]
        cancellations:
          - target_pair: [poodle, hawk]
            preserve_tiers: true
            optimize: {method: grid, max_steps: 12}
            knobs: ["dogs.theta[0,0,1]", hawk.phi]
          - target_pair: [beagle, owl]
            preserve_tiers: false
            optimize: {method: grid, max_steps: 6}
            knobs: [beagle.phi, "owl.theta[1,0,2]", birds.phi]
          - target_pair: [pug, sparrow]
            optimize: {method: grid, max_steps: 9}
        """,
        """
        dictionary:
          name: MpsCluster
          encoding: mps_rung1
          clusters:
            dogs: [poodle, beagle, pug]
            birds: [hawk, sparrow]
            fish: [trout]
          features:
            - {name: poodle, cluster: dogs, beta: -0.5}
            - {name: beagle, cluster: dogs, beta: -0.5, alpha: 0.2, phi: 0.4}
            - {name: pug, cluster: dogs, beta: -0.3, gamma: 0.1}
            - {name: hawk, cluster: birds, beta: 0.5}
            - {name: sparrow, cluster: birds, beta: 0.5, alpha: -0.1}
            - {name: trout, cluster: fish, beta: 0.0, alpha: 0.7}
        experiments:
          - name: Grid2
            target_pair: [poodle, hawk]
            sweep:
              poodle.phi: {linspace: [0, "2*pi", 11]}
              hawk.phi: {linspace: [0, "2*pi", 10]}
            assertions: [hierarchical_ordering_preserved, target_pair_destructive_at_endpoint]
          - name: Three
            target_pair: [trout, sparrow]
            sweep:
              trout.phi: [0.0, 1.0]
              sparrow.phi: {linspace: [0, pi, 3]}
              pug.phi: {linspace: [0, 1, 4]}
            assertions: [hierarchical_ordering_preserved]
          - name: NoAxes
            target_pair: [trout, sparrow]
            sweep: {}
            assertions: [target_pair_destructive_at_endpoint]
        cancellations:
          - target_pair: [poodle, hawk]
            optimize: {method: grid, max_steps: 20}
            knobs: [dogs.phi, birds.phi]
          - target_pair: [beagle, sparrow]
            optimize: {method: grid, max_steps: 15}
            knobs: [dogs.phi, sparrow.phi]
          - target_pair: [pug, trout]
            preserve_tiers: false
            optimize: {method: grid, max_steps: 5}
            knobs: [pug.phi, trout.phi, fish.phi, beagle.phi]
          - target_pair: [hawk, poodle]
            optimize: {method: grid, max_steps: 30}
        """,
        """
        dictionary:
          name: RungThree
          encoding: rung3
          clusters:
            dogs: [poodle, beagle]
            birds: [hawk, sparrow]
          features:
            - {name: poodle, cluster: dogs, beta: -0.5, theta_amp: 0.3, psi_aux: 0.2}
            - {name: beagle, cluster: dogs, beta: -0.5}
            - {name: hawk, cluster: birds, beta: 0.5, theta_amp: 1.0}
            - {name: sparrow, cluster: birds, beta: 0.5, psi_aux: 1.0}
        experiments:
          - name: Amp
            target_pair: [poodle, hawk]
            sweep:
              hawk.theta_amp: {linspace: [0, "pi/2", 6]}
              hawk.psi_aux: {linspace: [0, "2*pi", 5]}
              poodle.phi: [0.0, 2.0]
            assertions: [hierarchical_ordering_preserved, target_pair_destructive_at_endpoint]
        """,
        """
        dictionary:
          name: RungFour
          encoding: rung4
          features:
            - {name: a1, cluster: a, beta: -0.5, theta_amp: 0.3, psi_amp_b: 0.4}
            - {name: a2, cluster: a, beta: -0.4, theta_amp_b: 0.2}
            - {name: b1, cluster: b, beta: 0.5}
        experiments:
          - name: Both
            target_pair: [a1, b1]
            sweep:
              b1.theta_amp_b: {linspace: [0, "pi/2", 4]}
              b1.psi_amp_b: {linspace: [0, "2*pi", 5]}
            assertions: [hierarchical_ordering_preserved]
        """,
        """
        dictionary:
          name: RungFive
          encoding: {kind: rung5, n_amp_qubits: 2}
          features:
            - {name: a1, cluster: a, beta: -0.5, amp_knobs: [[0.3, 0.1], [0.2, 0.4]]}
            - {name: a2, cluster: a, beta: -0.4, amp_knobs: [[0.0, 0.0], [0.0, 0.0]]}
            - {name: b1, cluster: b, beta: 0.5, amp_knobs: [[0.7, 0.0], [0.1, 0.3]]}
            - {name: b2, cluster: b, beta: 0.45, amp_knobs: [[1.0, 0.0], [0.5, 2.0]]}
        experiments:
          - name: Knobs
            target_pair: [a2, b1]
            sweep:
              "a2.amp_knobs[1].theta": {linspace: [0, "pi/2", 5]}
              "b1.amp_knobs[0].psi": {linspace: [0, "2*pi", 6]}
            assertions: [hierarchical_ordering_preserved]
        """,
    ]

    func spec(_ text: String) throws -> Spec { try SpecReader.read(text: text, file: "fast-path.yaml") }

    func assertClose(_ a: [Double], _ b: [Double], _ what: String) {
        XCTAssertEqual(a.count, b.count, what)
        for (x, y) in zip(a, b) {
            if x.isNaN || y.isNaN { XCTAssertTrue(x.isNaN && y.isNaN, what); continue }
            XCTAssertEqual(x, y, accuracy: 1e-13, what)
        }
    }

    func testSweepsMatchWholeDictionaryPath() throws {
        var checked = 0
        for text in Self.specs + [try String(contentsOfFile: ReferenceExperimentTests.cases
            .appendingPathComponent("animals_mps_rung1/spec.yaml").path, encoding: .utf8)] {
            let s = try spec(text)
            for experiment in s.experiments {
                let what = "\(s.dictionary.name)/\(experiment.name)"
                guard let fast = try KnobSweep.run(experiment, on: s.dictionary) else { XCTFail("\(what): no fast path"); continue }
                let general = try ExperimentRunner.runByDictionary(experiment, on: s.dictionary)
                assertClose(fast.overlaps, general.overlaps, "\(what) overlaps")
                assertClose(fast.tierSibling, general.tierSibling, "\(what) sibling")
                assertClose(fast.tierCrossCluster, general.tierCrossCluster, "\(what) cross")
                assertClose(fast.tierSeparation ?? [], general.tierSeparation ?? [], "\(what) separation")
                XCTAssertEqual(fast.tierSelf, general.tierSelf, what)
                XCTAssertEqual(fast.assertions.map(\.0), general.assertions.map(\.0), what)
                XCTAssertEqual(fast.assertions.map(\.1), general.assertions.map(\.1), what)
                XCTAssertEqual(fast.summary, general.summary, what)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 10)
    }

    func testGridsMatchWholeDictionaryPath() throws {
        var checked = 0
        for text in Self.specs.prefix(2) + [try String(contentsOfFile: ReferenceExperimentTests.cases
            .appendingPathComponent("animals_mps_rung1/spec.yaml").path, encoding: .utf8)] {
            let s = try spec(text)
            for cancellation in s.cancellations {
                let p = try CancellationProblem(cancellation, s.dictionary, options: CancellationOptions(spec: cancellation))
                let axes = p.paths.map { path -> [Double] in
                    let (lo, hi) = CancellationProblem.bounds(path.kind)
                    return numpyLinspace(lo, hi, p.spec.optimize.maxSteps)
                }
                let total = axes.reduce(1) { n, _ in n * p.spec.optimize.maxSteps }
                let fast = try CancellationRunner.grid(p)
                let general = try CancellationRunner.gridByDictionary(p, axes: axes, total: total)
                let what = "\(s.dictionary.name) \(cancellation.targetPair)"
                // The same states and inner products: the same bits.
                XCTAssertEqual(fast.trajectory, general.trajectory, what)
                XCTAssertEqual(fast.feasibleMask, general.feasibleMask, what)
                XCTAssertEqual(fast.resultJSON, general.resultJSON, what)
                XCTAssertEqual(fast.summary, general.summary, what)
                XCTAssertEqual(fast.trajectoryCSV, general.trajectoryCSV, what)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 8)
    }

    func testUntouchedFeaturesKeepOneState() throws {
        let s = try spec(Self.specs[1])
        let path = try KnobPath.parse("dogs.phi")
        let axis = KnobGridStates.Axis(kind: path.kind, values: [0, 1, 2], targets: try path.targets(in: s.dictionary))
        let states = try XCTUnwrap(try KnobGridStates(s.dictionary, axes: [axis]))
        states.move(to: [0])
        let hawk = try states.state(3)
        for k in 1...2 {
            states.move(to: [k])
            XCTAssertEqual(try states.state(3), hawk, "an unwritten feature keeps its one state")
            XCTAssertTrue(states.moved(0) && states.moved(1) && states.moved(2) && !states.moved(3))
        }
    }
}
