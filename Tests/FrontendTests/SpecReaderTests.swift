import Foundation
import XCTest
import IR
@testable import Frontend

/// The reference cases' `spec.yaml` files, read and checked against their
/// `expected/facts.json` and against values known from the spec texts.
final class SpecReaderTests: XCTestCase {
    /// `/work/shared/reference/cases`, found from this file: package root is
    /// two levels above `Tests/FrontendTests`, the shared tree is its sibling.
    static var casesDirectory: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/reference/cases").standardized
    }

    static func caseSpec(_ name: String) throws -> Spec {
        try SpecReader.read(path: casesDirectory.appendingPathComponent("\(name)/spec.yaml").path)
    }

    func testEveryReferenceCaseMatchesFacts() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.casesDirectory.path)
            .filter { !$0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(names.count, 12)
        for name in names {
            let spec = try Self.caseSpec(name)
            let factsURL = Self.casesDirectory.appendingPathComponent("\(name)/expected/facts.json")
            let facts = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: factsURL)) as? [String: Any])
            let d = spec.dictionary
            XCTAssertEqual(d.name, facts["dictionary"] as? String, name)
            XCTAssertEqual(d.features.count, facts["n_features"] as? Int, name)
            XCTAssertEqual(d.hierarchy.count, facts["n_clusters"] as? Int, name)
            XCTAssertEqual(d.encoding.pythonRepr, facts["encoding"] as? String, name)
            XCTAssertEqual(d.encoding.maxFeatures, facts["max_features"] as? Int, name)
            XCTAssertEqual(try d.features.map { try slug($0.name) }, facts["slugs"] as? [String], name)
            XCTAssertEqual(spec.file, Self.casesDirectory.appendingPathComponent("\(name)/spec.yaml").path)
            XCTAssertNotNil(d.location, name)
            for f in d.features { XCTAssertNotNil(f.location, name) }
            for c in d.hierarchy { XCTAssertNotNil(c.location, name) }
            // Hierarchy members are exactly the features, each once.
            XCTAssertEqual(d.hierarchy.flatMap(\.members).sorted(), d.features.map(\.name).sorted(), name)
            // gram.json labels are the feature names in order.
            let gramURL = Self.casesDirectory.appendingPathComponent("\(name)/expected/gram.json")
            let gram = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: gramURL)) as? [String: Any])
            XCTAssertEqual(d.features.map(\.name), gram["labels"] as? [String], name)
        }
    }

    func testAnimalsMPS() throws {
        let spec = try Self.caseSpec("animals_mps_rung1")
        let d = spec.dictionary
        XCTAssertEqual(d.encoding, .mpsRung1(phaseKnobs: true))
        XCTAssertEqual(d.features.map(\.name), ["dog_poodle", "dog_beagle", "bird_hawk", "bird_sparrow"])
        XCTAssertEqual(d.features.map(\.beta), [-0.5, -0.5, 0.5, 0.5])
        for f in d.features {
            XCTAssertEqual(f.alpha, 0); XCTAssertEqual(f.gamma, 0); XCTAssertEqual(f.phi, 0)
            XCTAssertNil(f.theta)
            XCTAssertEqual(f.thetaAmp, Feature.defaultThetaAmp)
            XCTAssertEqual(f.ampKnobs, [])
        }
        XCTAssertEqual(d.hierarchy.map(\.name), ["dogs", "birds"])
        XCTAssertEqual(d.hierarchy.map(\.members), [["dog_poodle", "dog_beagle"], ["bird_hawk", "bird_sparrow"]])
        XCTAssertEqual(d.location?.line, 3)
        XCTAssertEqual(d.features[0].location, SourceLocation(file: spec.file, line: 9, column: 7))
        XCTAssertEqual(d.hierarchy[1].location, SourceLocation(file: spec.file, line: 7, column: 5))

        XCTAssertEqual(spec.experiments.count, 2)
        let e = spec.experiments[0]
        XCTAssertEqual(e.name, "AnimalsInterference")
        XCTAssertEqual(e.targetPair, ["dog_poodle", "bird_hawk"])
        XCTAssertEqual(e.measures, [.overlap, .gramMatrix, .schmidtRank])
        XCTAssertEqual(e.assertions, [.hierarchicalOrderingPreserved])
        XCTAssertEqual(e.seed, 0)
        XCTAssertEqual(e.sweep.count, 1)
        XCTAssertEqual(e.sweep[0].path, KnobPath(identifier: "bird_hawk", kind: .phi))
        XCTAssertEqual(e.sweep[0].key, "bird_hawk.phi")
        // python3 -c 'import numpy as np, math; print([repr(float(x)) for x in np.linspace(0, math.pi, 40)])'
        XCTAssertEqual(e.sweep[0].values, Self.linspace0Pi40)
        let grid = spec.experiments[1]
        XCTAssertEqual(grid.sweep.map(\.key), ["dog_poodle.phi", "bird_hawk.phi"])
        XCTAssertEqual(grid.sweep[0].values, Self.linspace02Pi24)
        XCTAssertEqual(grid.sweep[1].values, Self.linspace02Pi24)
        XCTAssertEqual(grid.assertions, [.hierarchicalOrderingPreserved, .targetPairDestructiveAtEndpoint])

        XCTAssertEqual(spec.cancellations,
                       [CancellationSpec(targetPair: ["dog_poodle", "bird_hawk"], tolerance: 0.05, preserveTiers: true,
                                         optimize: OptimizeSpec(method: .grid, maxSteps: 50),
                                         location: spec.cancellations.first?.location)])
    }

    func testAnimalsHEA() throws {
        let spec = try Self.caseSpec("animals_hea_rung2")
        let d = spec.dictionary
        XCTAssertEqual(d.encoding, .heaRung2(HEAParameters(depth: 2)))
        XCTAssertEqual(d.features[0].alpha, 0.1)
        XCTAssertEqual(d.features[0].gamma, 0.05)
        XCTAssertEqual(d.features[0].phi, 0.3)
        XCTAssertEqual(d.features[2].phi, 1.0471975511965976)
        XCTAssertEqual(d.features[3].theta, [[[0.2, 0.45, -0.1], [0.0, 0.3, 0.0]], [[0.0, 0.7, 0.0], [0.1, 0.0, -0.2]]])
        XCTAssertNil(d.features[0].theta)
        let e = try XCTUnwrap(spec.experiments.first)
        XCTAssertEqual(e.sweep[0].path, KnobPath(identifier: "bird_hawk", kind: .theta(rotation: 1, layer: 0, qubit: 1)))
        XCTAssertEqual(e.sweep[0].key, "bird_hawk.theta[1,0,1]")
        // python3: np.linspace(-math.pi, math.pi, 21)
        XCTAssertEqual(e.sweep[0].values, Self.linspaceMinusPiPi21)
        XCTAssertEqual(e.measures, [.overlap])
        XCTAssertEqual(e.assertions, [.hierarchicalOrderingPreserved, .conceptGramTierSeparationBoundHolds,
                                      .targetPairDestructiveAtEndpoint])
        XCTAssertEqual(spec.cancellations.first?.optimize, OptimizeSpec(method: .grid, maxSteps: 30))
        XCTAssertEqual(spec.cancellations.first?.targetPair, ["dog_beagle", "bird_hawk"])
    }

    func testAnimalsHEANoBound() throws {
        let d = try Self.caseSpec("animals_hea_nobound").dictionary
        XCTAssertEqual(d.encoding, .heaRung2(HEAParameters(depth: 1, entangler: .chain, rotations: [.Rx, .Ry, .Rz],
                                                           tierSeparationBound: nil, qubitCount: 4)))
        XCTAssertEqual(d.features[2].phi, 1.5707963267948966)   // "pi/2"
        XCTAssertEqual(d.features[3].alpha, -0.25)
    }

    func testAmpCases() throws {
        let r3 = try Self.caseSpec("animals_rung3").dictionary
        XCTAssertEqual(r3.encoding, .rung3)
        XCTAssertEqual(r3.features[0].thetaAmp, 0.7853981633974483)
        XCTAssertEqual(r3.features[0].phi, 0.3)
        XCTAssertEqual(r3.features[1].thetaAmp, 0.5)
        XCTAssertEqual(r3.features[1].psiAux, 1.25)
        XCTAssertEqual(r3.features[2].psiAux, 3.141592653589793)   // bare `pi`

        let r4 = try Self.caseSpec("animals_rung4").dictionary
        XCTAssertEqual(r4.encoding, .rung4)
        let beagle = r4.features[1]
        XCTAssertEqual([beagle.thetaAmp, beagle.psiAux, beagle.thetaAmpB, beagle.psiAmpB], [0.2, 0.4, 0.6, 0.8])
        XCTAssertEqual(r4.features[0].thetaAmp, 0.0)
        XCTAssertEqual(r4.features[3].thetaAmp, Feature.defaultThetaAmp)

        let r5 = try Self.caseSpec("animals_rung5_k2").dictionary
        XCTAssertEqual(r5.encoding, .rung5(ampQubits: 2))
        XCTAssertEqual(r5.features[1].ampKnobs, [AmpKnob(theta: 0.1, psi: 0.2), AmpKnob(theta: 0.3, psi: 1e-05)])
        XCTAssertEqual(r5.features[3].ampKnobs, [AmpKnob(theta: 0.7853981633974483, psi: 0), AmpKnob(theta: 1, psi: -2)])
    }

    func testRandomCases() throws {
        let spec = try Self.caseSpec("random_00_mps")
        let d = spec.dictionary
        // No clusters key: hierarchy inferred in order of first appearance.
        XCTAssertEqual(d.hierarchy.map(\.name), ["c1_pine", "c2_bolt", "c0_red"])
        XCTAssertEqual(d.hierarchy[0].members, ["bird_0", "bolt_1", "blue_2"])
        XCTAssertEqual(d.features[4].alpha, -16.0)
        XCTAssertEqual(d.features[5].phi, -1.0e-07)
        XCTAssertEqual(d.features[2].gamma, 13.288395540048)
        let e = try XCTUnwrap(spec.experiments.first)
        XCTAssertEqual(e.measures, ExperimentSpec.defaultMeasures)
        XCTAssertEqual(e.sweep[0].values, [-0.23141982457794485, -0.65, -1.0e-07, 2.190643646955351, -11.28,
                                           -1.8242502014117157, -0.9336005702805807, -0.10234292905729125,
                                           -2.4921421642754273])
        let c = try XCTUnwrap(spec.cancellations.first)
        XCTAssertEqual(c.tolerance, 0.2)
        XCTAssertFalse(c.preserveTiers)
        XCTAssertEqual(c.optimize.maxSteps, 21)

        let hea = try Self.caseSpec("random_01_hea")
        XCTAssertEqual(hea.dictionary.features[0].theta?[0][0], [-9.0, 1.0e-07])
        XCTAssertEqual(hea.experiments[0].assertions, [])
        XCTAssertEqual(hea.experiments[0].sweep.map(\.values.count), [7, 5])

        let r4 = try Self.caseSpec("random_04_r4").dictionary
        let gear5 = r4.features[5]
        XCTAssertEqual(gear5.phi, 0)
        XCTAssertEqual(gear5.phi.sign, .minus)           // `-0.0` keeps its sign
        XCTAssertEqual(gear5.thetaAmp.sign, .minus)
        XCTAssertEqual(r4.features[10].psiAmpB, -8.0)

        let r5 = try Self.caseSpec("random_05_r5").dictionary
        XCTAssertEqual(r5.features.allSatisfy { $0.ampKnobs.count == 3 }, true)
        XCTAssertEqual(r5.features[0].ampKnobs[0].psi, 13.808)
    }

    func testJSONSpec() throws {
        let json = """
        {
          "dictionary": {
            "name": "AnimalsJSON",
            "encoding": {
              "kind": "hea_rung2",
              "depth": 2
            },
            "features": [
              {
                "name": "a",
                "cluster": "x",
                "beta": -0.5
              },
              {"name": "b", "cluster": "y", "beta": 0.5, "phi": "pi/2", "alpha": 3}
            ]
          },
          "experiments": [
            {
              "name": "E",
              "target_pair": ["a", "b"],
              "sweep": {"b.phi": {"linspace": [0, "pi", 5]}}
            }
          ]
        }
        """
        let spec = try SpecReader.read(text: json, file: "s.json")
        XCTAssertEqual(spec.dictionary.encoding, .heaRung2(HEAParameters(depth: 2)))
        XCTAssertEqual(spec.dictionary.features.map(\.beta), [-0.5, 0.5])
        XCTAssertEqual(spec.dictionary.features[1].phi, Double.pi / 2)
        XCTAssertEqual(spec.dictionary.features[1].alpha, 3.0)
        XCTAssertEqual(spec.dictionary.features[1].location, SourceLocation(file: "s.json", line: 14, column: 7))
        XCTAssertEqual(spec.dictionary.hierarchy.map(\.members), [["a"], ["b"]])
        // python3: np.linspace(0, math.pi, 5)
        XCTAssertEqual(spec.experiments[0].sweep[0].values,
                       [0.0, 0.7853981633974483, 1.5707963267948966, 2.356194490192345, 3.141592653589793])
    }

    func testCompactAndTabIndentedJSON() throws {
        let compact = #"{"dictionary":{"name":"D","features":[{"name":"a","cluster":"c","beta":1E-3,"phi":-0.0}]}}"#
        let spec = try SpecReader.read(text: compact, file: "c.json")
        XCTAssertEqual(spec.dictionary.features[0].beta, 1e-3)
        XCTAssertEqual(spec.dictionary.features[0].phi.sign, .minus)
        let tabbed = "{\n\t\"dictionary\": {\n\t\t\"name\": \"D\",\n\t\t\"features\": [\n"
            + "\t\t\t{\"name\": \"a\", \"cluster\": \"c\", \"beta\": 2}\n\t\t]\n\t}\n}\n"
        let t = try SpecReader.read(text: tabbed, file: "t.json")
        XCTAssertEqual(t.dictionary.features[0].beta, 2.0)
        XCTAssertEqual(t.dictionary.features[0].location, SourceLocation(file: "t.json", line: 5, column: 4))
    }

    func testAngleStringsAndNumbers() throws {
        let cases: [(String, Double)] = [
            ("pi", Double.pi), ("\"π\"", Double.pi), ("\"-pi/2\"", -Double.pi / 2), ("\"2*pi\"", 2 * Double.pi),
            ("\"-3*pi/4\"", -3 * Double.pi / 4), ("\"0.5\"", 0.5), ("1.0e-07", 1.0e-07), ("1e-05", 1e-05),
            ("-16", -16.0), ("0", 0.0), ("-0", 0.0), ("0.1", 0.1), ("'1e-4'", 1e-4), ("1_000", 1000.0),
            ("12345678901234567890", 12345678901234567890.0), ("0.30000000000000004", 0.30000000000000004),
        ]
        for (text, expected) in cases {
            let yaml = "dictionary: {name: D, features: [{name: a, cluster: c, beta: \(text)}]}"
            let spec = try SpecReader.read(text: yaml, file: "n.yaml")
            XCTAssertEqual(spec.dictionary.features[0].beta, expected, text)
            XCTAssertEqual(spec.dictionary.features[0].beta.sign, expected.sign, text)
        }
    }

    func testOptionalSectionsAndDefaults() throws {
        let yaml = """
        dictionary:
          name: D
          encoding: {kind: rung5, n_amp_qubits: 1}
          features:
            - {name: a, cluster: c, beta: 0, amp_knobs: [[0, 0]]}
        experiments:
          - name: E
            target_pair: [a, a]
            sweep:
              a.amp_knobs[0].psi: [0, 1]
        cancellations:
          - target_pair: [a, a]
            optimize: {method: scipy}
        """
        let spec = try SpecReader.read(text: yaml, file: "d.yaml")
        XCTAssertEqual(spec.experiments[0].measures, [.overlap, .gramMatrix])
        XCTAssertEqual(spec.experiments[0].sweep[0].path, KnobPath(identifier: "a", kind: .ampKnobPsi(index: 0)))
        let c = spec.cancellations[0]
        XCTAssertEqual(c.tolerance, 0.05)
        XCTAssertTrue(c.preserveTiers)
        XCTAssertEqual(c.optimize, OptimizeSpec(method: .scipy, maxSteps: 50))
        XCTAssertEqual(c.location, SourceLocation(file: "d.yaml", line: 12, column: 5))

        let empty = try SpecReader.read(text: "dictionary: {name: D, features: []}\nexperiments:\n", file: "e.yaml")
        XCTAssertEqual(empty.dictionary.features, [])
        XCTAssertEqual(empty.dictionary.encoding, .mpsRung1(phaseKnobs: true))
        XCTAssertEqual(empty.experiments, [])
    }

    func testReadMissingFile() {
        XCTAssertThrowsError(try SpecReader.read(path: "/nonexistent/spec.yaml")) { error in
            XCTAssertEqual((error as? InputError)?.file, "/nonexistent/spec.yaml")
        }
    }

    // python3 -c 'import numpy as np, math; print(", ".join(repr(float(x)) for x in np.linspace(0, math.pi, 40)))'
    static let linspace0Pi40: [Double] = [
        0.0, 0.08055365778435367, 0.16110731556870733, 0.241660973353061, 0.32221463113741466, 0.4027682889217683,
        0.483321946706122, 0.5638756044904757, 0.6444292622748293, 0.724982920059183, 0.8055365778435366,
        0.8860902356278904, 0.966643893412244, 1.0471975511965976, 1.1277512089809514, 1.208304866765305,
        1.2888585245496587, 1.3694121823340124, 1.449965840118366, 1.5305194979027197, 1.6110731556870732,
        1.691626813471427, 1.7721804712557807, 1.8527341290401342, 1.933287786824488, 2.0138414446088415,
        2.0943951023931953, 2.174948760177549, 2.2555024179619028, 2.3360560757462565, 2.41660973353061,
        2.4971633913149636, 2.5777170490993173, 2.658270706883671, 2.738824364668025, 2.819378022452378,
        2.899931680236732, 2.9804853380210856, 3.0610389958054394, 3.141592653589793,
    ]
    // python3: np.linspace(0, 2*math.pi, 24)
    static let linspace02Pi24: [Double] = [
        0.0, 0.2731819698773733, 0.5463639397547466, 0.8195459096321199, 1.0927278795094932, 1.3659098493868664,
        1.6390918192642399, 1.9122737891416133, 2.1854557590189865, 2.4586377288963597, 2.731819698773733,
        3.0050016686511065, 3.2781836385284797, 3.551365608405853, 3.8245475782832266, 4.0977295481606,
        4.370911518037973, 4.644093487915346, 4.917275457792719, 5.1904574276700925, 5.463639397547466,
        5.73682136742484, 6.010003337302213, 6.283185307179586,
    ]
    // python3: np.linspace(-math.pi, math.pi, 21)
    static let linspaceMinusPiPi21: [Double] = [
        -3.141592653589793, -2.827433388230814, -2.5132741228718345, -2.199114857512855, -1.8849555921538759,
        -1.5707963267948966, -1.2566370614359172, -0.9424777960769379, -0.6283185307179586, -0.3141592653589793,
        0.0, 0.3141592653589793, 0.6283185307179586, 0.9424777960769379, 1.2566370614359172, 1.5707963267948966,
        1.8849555921538759, 2.199114857512855, 2.5132741228718345, 2.827433388230814, 3.141592653589793,
    ]
}

/// numpy.linspace parity and knob-path grammar.
final class SpecLinspaceAndKnobPathTests: XCTestCase {
    func testLinspaceMatchesNumpy() {
        XCTAssertEqual(numpyLinspace(0, Double.pi, 40), SpecReaderTests.linspace0Pi40)
        XCTAssertEqual(numpyLinspace(-Double.pi, Double.pi, 21), SpecReaderTests.linspaceMinusPiPi21)
        // python3: np.linspace(-math.pi, math.pi, 7)
        XCTAssertEqual(numpyLinspace(-Double.pi, Double.pi, 7),
                       [-3.141592653589793, -2.0943951023931957, -1.0471975511965979, 0.0, 1.0471975511965974,
                        2.094395102393195, 3.141592653589793])
        // python3: np.linspace(0.1, 0.7, 7)
        XCTAssertEqual(numpyLinspace(0.1, 0.7, 7), [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
        // python3: np.linspace(1.0, 1.0, 3) (step == 0 branch)
        XCTAssertEqual(numpyLinspace(1, 1, 3), [1.0, 1.0, 1.0])
        // python3: np.linspace(0, 1e-320, 4) (subnormal steps)
        // (subnormal literals go through Double(String) to avoid the compiler's underflow warning)
        let sub = { (t: String) in Double(t)! }
        XCTAssertEqual(numpyLinspace(0, sub("1e-320"), 4), [0.0, sub("3.335e-321"), sub("6.67e-321"), sub("1e-320")])
        // python3: np.linspace(2.5, -1.0, 1)
        XCTAssertEqual(numpyLinspace(2.5, -1, 1), [2.5])
        XCTAssertEqual(numpyLinspace(0, 1, 0), [])
    }

    func testKnobPathGrammar() throws {
        let valid: [(String, KnobPath.Kind)] = [
            ("a.phi", .phi), ("a.amp_knobs[2].theta", .ampKnobTheta(index: 2)), ("a.amp_knobs[0].psi", .ampKnobPsi(index: 0)),
            ("a.theta_amp_b", .thetaAmpB), ("a.theta_amp", .thetaAmp), ("a.psi_amp_b", .psiAmpB), ("a.psi_aux", .psiAux),
            ("a.theta[1,0,12]", .theta(rotation: 1, layer: 0, qubit: 12)),
        ]
        for (text, kind) in valid {
            let path = try KnobPath.parse(text)
            XCTAssertEqual(path, KnobPath(identifier: "a", kind: kind), text)
            XCTAssertEqual(path.description, text)
        }
        XCTAssertEqual(try KnobPath.parse("_B9.phi").identifier, "_B9")
        for bad in ["a", "a.theta", "a.theta[0, 0, 1]", " a.phi", "a.phi ", "9a.phi", "a.b.phi", "a.amp_knobs[x].psi",
                    "a.theta[0,0]", "a.amp_knobs[0]", "a.Phi", "a-b.phi", ""] {
            XCTAssertThrowsError(try KnobPath.parse(bad), bad) { error in
                XCTAssertEqual((error as? KnobPathError)?.message,
                               "knob path '\(bad)' does not match expected grammar '<feature>.phi', '<feature>.theta_amp', "
                               + "'<feature>.psi_aux', '<feature>.theta[r,d,q]', or '<feature>.amp_knobs[i].{theta,psi}'")
            }
        }
    }

    func testKnobPathResolution() throws {
        let spec = try SpecReaderTests.caseSpec("animals_hea_rung2")
        let d = spec.dictionary
        XCTAssertEqual(try KnobPath.parse("bird_hawk.phi").targets(in: d), [2])
        XCTAssertEqual(try KnobPath.parse("dogs.phi").targets(in: d), [0, 1])
        XCTAssertThrowsError(try KnobPath.parse("cats.phi").targets(in: d)) { error in
            XCTAssertEqual((error as? KnobPathError)?.message,
                           "knob path 'cats.phi': identifier 'cats' matches neither a feature name (have ['dog_poodle', "
                           + "'dog_beagle', 'bird_hawk', 'bird_sparrow']) nor a cluster name (have ['birds', 'dogs'])")
        }
        XCTAssertNoThrow(try KnobPath.parse("a.theta[1,1,2]").checkEncoding(d.encoding))
        XCTAssertThrowsError(try KnobPath.parse("a.theta[2,0,0]").checkEncoding(d.encoding)) { error in
            XCTAssertEqual((error as? KnobPathError)?.message,
                           "knob path 'a.theta[2,0,0]': slot (2, 0, 0) is outside theta_shape=(2, 2, 3) for "
                           + "encoding=HEA_Rung2(depth=2, entangler='ring', rotations=('Ry', 'Rz'), "
                           + "tier_separation_bound=0.025, n_qubits=3)")
        }
        XCTAssertThrowsError(try KnobPath.parse("a.theta[0,0,0]").checkEncoding(.rung3)) { error in
            XCTAssertEqual((error as? KnobPathError)?.message,
                           "knob path 'a.theta[0,0,0]': .theta[...] paths are HEA-only; this Dictionary uses "
                           + "encoding=Rung3(bond_dim=2)")
        }
        XCTAssertThrowsError(try KnobPath.parse("a.amp_knobs[2].psi").checkEncoding(.rung5(ampQubits: 2))) { error in
            XCTAssertEqual((error as? KnobPathError)?.message,
                           "knob path 'a.amp_knobs[2].psi': amp index 2 is outside [0, 2) for "
                           + "encoding=Rung5(bond_dim=2, n_amp_qubits=2)")
        }
        XCTAssertThrowsError(try KnobPath.parse("a.amp_knobs[0].psi").checkEncoding(.mpsRung1(phaseKnobs: true)))
        XCTAssertNoThrow(try KnobPath.parse("a.theta_amp").checkEncoding(.mpsRung1(phaseKnobs: true)))
        XCTAssertThrowsError(try KnobPath.parse("a.theta[99999999999999999999,0,0]").checkEncoding(d.encoding))
    }
}
