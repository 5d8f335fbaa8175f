import XCTest
import IR
@testable import Frontend

/// Every rejected spec: an `InputError` at the offending node's line and column.
final class SpecErrorTests: XCTestCase {
    private func assertError(_ text: String, file: String = "t.yaml", _ line: Int, _ column: Int, _ fragment: String,
                             sourceLine: UInt = #line) {
        do {
            let spec = try SpecReader.read(text: text, file: file)
            XCTFail("expected an error, read \(spec.dictionary.name)", line: sourceLine)
        } catch let error as InputError {
            XCTAssertEqual(error.location?.file, file, line: sourceLine)
            XCTAssertEqual(error.location?.line, line, "\(error)", line: sourceLine)
            XCTAssertEqual(error.location?.column, column, "\(error)", line: sourceLine)
            XCTAssertTrue(error.message.contains(fragment), "'\(error.message)' lacks '\(fragment)'", line: sourceLine)
        } catch {
            XCTFail("unexpected error type \(error)", line: sourceLine)
        }
    }

    /// A one-feature-list dictionary: `features` lines start at line 4.
    private func dict(_ features: String, encoding: String = "mps_rung1") -> String {
        "dictionary:\n  name: D\n  encoding: \(encoding)\n  features:\n" + features
    }

    // MARK: - Syntax

    func testMalformedYAML() {
        assertError("dictionary:\n  name: [D\n  features: []\n", 3, 11, "malformed YAML")
        assertError("dictionary:\n  name: D\n\tfeatures: []\n", 3, 1, "malformed YAML")
    }

    func testMalformedJSON() {
        assertError("{\"dictionary\": {\"name\": \"D\",, \"features\": []}}", file: "t.json", 1, 29, "malformed JSON")
        assertError("{\n  \"dictionary\": {\"name\": \"D\" \"features\": []}\n}", file: "t.json", 2, 30, "malformed JSON")
    }

    func testDuplicateKey() {
        assertError("dictionary: {name: D, name: E, features: []}", 1, 14, "duplicate key 'name'")
    }

    func testEmptyFile() {
        assertError("", 1, 1, "empty spec")
        assertError("# nothing here\n\n", 1, 1, "empty spec")
    }

    func testRootAndSectionTypes() {
        assertError("- a\n- b\n", 1, 1, "spec must be a mapping")
        assertError("experiments: []\n", 1, 1, "spec is missing required key 'dictionary'")
        assertError("dictionary:\n  name: D\n", 2, 3, "dictionary is missing required key 'features'")
        assertError("dictionary: {name: D, features: {a: 1}}", 1, 33, "features must be a list")
    }

    // MARK: - Unknown keys

    func testUnknownTopLevelKey() {
        assertError("dictionary: {name: D, features: []}\nexperiment: []\n", 2, 1,
                    "unknown key 'experiment' in spec; allowed keys: dictionary, experiments, cancellations")
    }

    func testUnknownDictionaryKey() {
        assertError("dictionary:\n  name: D\n  feature: []\n", 3, 3,
                    "unknown key 'feature' in dictionary; allowed keys: name, encoding, clusters, features")
    }

    func testUnknownFeatureKey() {
        assertError(dict("    - {name: a, cluster: c, beta: 0, bta: 1}\n"), 5, 38,
                    "unknown key 'bta' in feature; allowed keys: name, cluster, beta, alpha")
    }

    func testUnknownExperimentKey() {
        let text = dict("    - {name: a, cluster: c, beta: 0}\n")
            + "experiments:\n  - name: E\n    target_pair: [a, a]\n    sweeps: {}\n"
        assertError(text, 9, 5, "unknown key 'sweeps' in experiments[0]; allowed keys: name, target_pair, sweep")
    }

    func testUnknownKeysElsewhere() {
        let f = dict("    - {name: a, cluster: c, beta: 0}\n")
        assertError(f + "cancellations:\n  - target_pair: [a, a]\n    optimize: {method: grid, steps: 3}\n",
                    8, 30, "unknown key 'steps' in cancellations[0]: optimize; allowed keys: method, max_steps")
        assertError(dict("    - {name: a, cluster: c, beta: 0}\n", encoding: "{kind: rung3, depth: 2}"), 3, 27,
                    "unknown key 'depth' in encoding rung3; allowed keys: kind, bond_dim")
        assertError(f + "experiments:\n  - {name: E, target_pair: [a, a], sweep: {a.phi: {linspace: [0, 1, 2], x: 1}}}\n",
                    7, 73, "unknown key 'x'")
    }

    // MARK: - Dictionary validation (§1.2 order)

    func testInvalidDictionaryName() {
        assertError("dictionary:\n  name: 9D\n  features: []\n", 2, 9,
                    "Dictionary name '9D' must match ^[A-Za-z_][A-Za-z0-9_]*$")
        assertError("dictionary:\n  name: \"my dict\"\n  features: []\n", 2, 9, "Dictionary name 'my dict' must match")
    }

    func testEmptySlug() {
        assertError(dict("    - {name: \"__\", cluster: c, beta: 0}\n"), 5, 14, "produces empty slug")
    }

    func testDuplicateFeature() {
        let text = dict("""
            - {name: a, cluster: c, beta: 0}
            - {name: b, cluster: c, beta: 0}
            - {name: a, cluster: c, beta: 0}

        """)
        assertError(text, 7, 14, "duplicate feature name(s): ['a']")
    }

    func testClusterFeatureNameCollision() {
        let text = """
        dictionary:
          name: D
          clusters:
            x: [a]
            a: [b]
          features:
            - {name: a, cluster: x, beta: 0}
            - {name: b, cluster: a, beta: 0}
        """
        assertError(text, 5, 5, "name collision between feature(s) and cluster(s): ['a']; rename either")
        // Without `clusters`, the inferred cluster points at the feature's cluster value.
        assertError(dict("    - {name: a, cluster: x, beta: 0}\n    - {name: b, cluster: a, beta: 0}\n"), 6, 26,
                    "name collision between feature(s) and cluster(s): ['a']")
    }

    func testFeatureInTwoClusters() {
        let text = """
        dictionary:
          name: D
          clusters:
            x: [a, b]
            y: [b]
          features:
            - {name: a, cluster: x, beta: 0}
            - {name: b, cluster: x, beta: 0}
        """
        assertError(text, 5, 9, "feature 'b' listed in two clusters: 'x' and 'y'")
    }

    func testFeatureClusterNotInClusters() {
        let text = """
        dictionary:
          name: D
          clusters:
            x: [a]
          features:
            - {name: a, cluster: x, beta: 0}
            - {name: b, cluster: cats, beta: 0}
        """
        assertError(text, 7, 26, "feature 'b' has cluster 'cats' which is not a key in hierarchy")
    }

    func testFeatureNotListedUnderItsCluster() {
        let text = """
        dictionary:
          name: D
          clusters:
            x: [a]
            y: []
          features:
            - {name: a, cluster: x, beta: 0}
            - {name: b, cluster: y, beta: 0}
        """
        assertError(text, 8, 26, "feature 'b' (cluster='y') is not listed under hierarchy['y']")
    }

    func testHierarchyMemberThatIsNotAFeature() {
        let text = """
        dictionary:
          name: D
          clusters:
            x: [a, zz, yy]
          features:
            - {name: a, cluster: x, beta: 0}
        """
        assertError(text, 4, 12, "hierarchy['x'] references unknown feature(s): ['zz', 'yy']")
    }

    // MARK: - Numbers

    func testNonFiniteNumbers() {
        assertError(dict("    - {name: a, cluster: c, beta: .inf}\n"), 5, 35, "non-finite angle")
        assertError(dict("    - {name: a, cluster: c, beta: -.inf}\n"), 5, 35, "non-finite angle")
        assertError(dict("    - {name: a, cluster: c, beta: .nan}\n"), 5, 35, "non-finite angle")
        assertError(dict("    - {name: a, cluster: c, beta: 0, phi: \"1e999\"}\n"), 5, 43, "non-finite angle")
        assertError(dict("    - {name: a, cluster: c, beta: 0, phi: inf}\n"), 5, 43, "non-finite angle")
        assertError(dict("    - {name: a, cluster: c, beta: 0, phi: \"-nan\"}\n"), 5, 43, "non-finite angle")
        assertError(dict("    - {name: a, cluster: c, beta: 0, phi: \"pi/0\"}\n"), 5, 43, "division by zero")
    }

    func testUnknownAngleStrings() {
        assertError(dict("    - {name: a, cluster: c, beta: foo}\n"), 5, 35, "unknown name 'foo'")
        assertError(dict("    - {name: a, cluster: c, beta: 0, phi: \"1/0\"}\n"), 5, 43, "unrecognized angle expression '1/0'")
        assertError(dict("    - {name: a, cluster: c, beta: \"pi*\"}\n"), 5, 35, "unrecognized angle expression")
        assertError(dict("    - {name: a, cluster: c, beta: \"\"}\n"), 5, 35, "empty angle expression")
    }

    func testWrongTypes() {
        assertError(dict("    - {name: a, cluster: c, beta: [1]}\n"), 5, 35, "beta must be a number, got a list")
        assertError(dict("    - {name: a, cluster: c, beta: true}\n"), 5, 35, "must be a number or an angle string, got boolean")
        assertError(dict("    - {name: a, cluster: c, beta: null}\n"), 5, 35, "got null")
        assertError(dict("    - {name: 12, cluster: c, beta: 0}\n"), 5, 14, "feature name must be a string, got integer 12")
        assertError(dict("    - {name: a, cluster: c}\n"), 5, 7, "feature is missing required key 'beta'")
        assertError(dict("    - [a, c, 0]\n"), 5, 7, "feature must be a mapping, got a list")
    }

    // MARK: - Encodings (§2)

    func testEncodingValidation() {
        let f = "    - {name: a, cluster: c, beta: 0}\n"
        assertError(dict(f, encoding: "hea_rung2"), 3, 13, "requires parameter 'depth'")
        assertError(dict(f, encoding: "rung5"), 3, 13, "requires parameter 'n_amp_qubits'")
        assertError(dict(f, encoding: "rung6"), 3, 13, "unknown encoding 'rung6'")
        assertError(dict(f, encoding: "{kind: hea_rung2}"), 3, 13, "missing required parameter 'depth'")
        assertError(dict(f, encoding: "{depth: 2}"), 3, 13, "encoding is missing required key 'kind'")
        assertError(dict(f, encoding: "{kind: hea_rung2, depth: 0}"), 3, 38,
                    "HEA_Rung2.depth must satisfy depth >= 1; got 0")
        assertError(dict(f, encoding: "{kind: hea_rung2, depth: 2.0}"), 3, 38, "depth must be an integer")
        assertError(dict(f, encoding: "{kind: hea_rung2, depth: 1, entangler: full}"), 3, 52,
                    "HEA_Rung2.entangler must be one of ('ring', 'chain'); got 'full'")
        assertError(dict(f, encoding: "{kind: hea_rung2, depth: 1, rotations: [Ry, Rq]}"), 3, 57,
                    "HEA_Rung2.rotations entries must be in ('Rx', 'Ry', 'Rz'); got 'Rq'")
        // polygram accepts duplicates, but the machine it emits is rejected (docs/divergences.md #9).
        assertError(dict(f, encoding: "{kind: hea_rung2, depth: 1, rotations: [Rz, Rz]}"), 3, 57,
                    "HEA_Rung2.rotations lists Rz twice")
        assertError(dict(f, encoding: "{kind: hea_rung2, depth: 1, rotations: []}"), 3, 52,
                    "HEA_Rung2.rotations must be non-empty")
        assertError(dict(f, encoding: "{kind: hea_rung2, depth: 1, tier_separation_bound: 1.5}"), 3, 64,
                    "HEA_Rung2.tier_separation_bound must lie in [0, 1] or be None; got 1.5")
        assertError(dict(f, encoding: "{kind: hea_rung2, depth: 1, n_qubits: 0}"), 3, 51,
                    "HEA_Rung2.n_qubits must be >= 1; got 0")
        assertError(dict(f, encoding: "{kind: rung5, n_amp_qubits: 0}"), 3, 41,
                    "Rung5.n_amp_qubits must be >= 1 (use MPSRung1 directly for the 3-qubit MPS-only case); got 0")
        assertError(dict(f, encoding: "{kind: rung5, n_amp_qubits: 17}"), 3, 41,
                    "Rung5.n_amp_qubits must be <= 16 (max_features = 8 * 2**16 = 524288); got 17")
        assertError(dict(f, encoding: "{kind: rung3, bond_dim: 3}"), 3, 37,
                    "Rung3.bond_dim must be 2 (rung-1 / χ=2 only in v0); got 3")
    }

    func testEncodingsThatRead() throws {
        let f = "    - {name: a, cluster: c, beta: 0}\n"
        let hea = try SpecReader.read(text: dict(f, encoding: "{kind: hea_rung2, depth: 1, rotations: [Rz, Rx]}"), file: "e")
        XCTAssertEqual(hea.dictionary.encoding, .heaRung2(HEAParameters(depth: 1, rotations: [.Rz, .Rx])))
        let mps = try SpecReader.read(text: dict(f, encoding: "{kind: mps_rung1, phase_knobs: false, bond_dim: 2}"), file: "e")
        XCTAssertEqual(mps.dictionary.encoding, .mpsRung1(phaseKnobs: false))
        let r5 = try SpecReader.read(text: dict("    - {name: a, cluster: c, beta: 0, amp_knobs: [[0, 0]]}\n",
                                                encoding: "{kind: rung5, n_amp_qubits: 1}"), file: "e")
        XCTAssertEqual(r5.dictionary.encoding, .rung5(ampQubits: 1))
    }

    // MARK: - theta and amp_knobs (§1.2 #8–#10)

    func testThetaShape() {
        let hea = "{kind: hea_rung2, depth: 2}"
        assertError(dict("    - {name: a, cluster: c, beta: 0, theta: [[[0, 0, 0]], [[0, 0, 0]]]}\n", encoding: hea), 5, 45,
                    "feature 'a': theta has shape (2, 1, 3), expected (2, 2, 3) for encoding=HEA_Rung2(depth=2, "
                    + "entangler='ring', rotations=('Ry', 'Rz'), tier_separation_bound=0.025, n_qubits=3)")
        assertError(dict("    - {name: a, cluster: c, beta: 0, theta: [0.5]}\n", encoding: hea), 5, 45,
                    "theta has shape (1,), expected (2, 2, 3)")
        assertError(dict("    - {name: a, cluster: c, beta: 0, theta: [[[0, 0, 0], [0, 0]], [[0, 0, 0], [0, 0, 0]]]}\n",
                         encoding: hea), 5, 58, "theta is not a rectangular nested list")
        assertError(dict("    - {name: a, cluster: c, beta: 0, theta: [[[0, x, 0]]]}\n", encoding: hea), 5, 51,
                    "unknown name 'x'")
        assertError(dict("    - {name: a, cluster: c, beta: 0, theta: [[[0]]]}\n"), 5, 45,
                    "theta is only used by hea_rung2 encodings")
    }

    func testAmpKnobs() {
        let r5 = "{kind: rung5, n_amp_qubits: 2}"
        assertError(dict("    - {name: a, cluster: c, beta: 0, amp_knobs: [[0, 0]]}\n", encoding: r5), 5, 49,
                    "feature 'a': amp_knobs has length 1, expected 2 for encoding=Rung5(bond_dim=2, n_amp_qubits=2); pad with")
        assertError(dict("    - {name: a, cluster: c, beta: 0}\n", encoding: r5), 5, 7,
                    "feature 'a': amp_knobs has length 0, expected 2")
        assertError(dict("    - {name: a, cluster: c, beta: 0, amp_knobs: [[0, 0], [0, 0, 1]]}\n", encoding: r5), 5, 58,
                    "feature 'a': amp_knobs[1] must be a 2-tuple of (theta, psi); got [0.0, 0.0, 1.0]")
        assertError(dict("    - {name: a, cluster: c, beta: 0, amp_knobs: [[0, 0], 7]}\n", encoding: r5), 5, 58,
                    "amp_knobs[1] must be a 2-tuple of (theta, psi); got integer 7")
        assertError(dict("    - {name: a, cluster: c, beta: 0, amp_knobs: [[0, 0]]}\n"), 5, 49,
                    "amp_knobs is only used by rung5 encodings")
    }

    // MARK: - Experiments and cancellations

    private let twoFeatures = """
    dictionary:
      name: D
      features:
        - {name: a, cluster: x, beta: 0}
        - {name: b, cluster: y, beta: 0}
    experiments:

    """

    func testBadSweepKeys() {
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], sweep: {a.theta: [0]}}\n", 7, 44,
                    "knob path 'a.theta' does not match expected grammar")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], sweep: {x.phi: [0]}}\n", 7, 44,
                    "sweep key 'x.phi' references unknown feature 'x'")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], sweep: {\"a.theta[0,0,0]\": [0]}}\n", 7, 44,
                    "sweep key 'a.theta[0,0,0]': .theta[...] paths are HEA-only; this Dictionary uses "
                    + "encoding=MPSRung1(bond_dim=2, phase_knobs=True)")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], sweep: {\"a.amp_knobs[0].psi\": [0]}}\n", 7, 44,
                    "sweep key 'a.amp_knobs[0].psi': .amp_knobs[...] paths require a Rung5 encoding")
    }

    func testBadSweepValues() {
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], sweep: {a.phi: []}}\n", 7, 51, "has no values")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], sweep: {a.phi: 3}}\n", 7, 51,
                    "must be a list of values or {linspace: [start, stop, num]}")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], sweep: {a.phi: {linspace: [0, 1]}}}\n", 7, 62,
                    "linspace takes [start, stop, num]")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], sweep: {a.phi: {linspace: [0, 1, 2.5]}}}\n", 7, 69,
                    "linspace num must be an integer")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], sweep: {a.phi: {linspace: [0, 1, 0]}}}\n", 7, 69,
                    "linspace num must be >= 1")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], sweep: {a.phi: [0, .nan]}}\n", 7, 55,
                    "non-finite angle")
    }

    func testExperimentChecks() {
        assertError(twoFeatures + "  - {name: E, target_pair: [a, zz]}\n", 7, 32,
                    "target_pair feature 'zz' not declared in dictionary")
        assertError(twoFeatures + "  - {name: E, target_pair: [a]}\n", 7, 28, "target_pair must name exactly 2 features")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], measures: [overlap, entropy]}\n", 7, 56,
                    "unknown measure 'entropy'; supported: ('overlap', 'gram_matrix', 'schmidt_rank')")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], assertions: [foo]}\n", 7, 49,
                    "unknown assertion 'foo'; supported: ('hierarchical_ordering_preserved', "
                    + "'target_pair_destructive_at_endpoint', 'concept_gram_tier_separation_bound_holds')")
        assertError(twoFeatures + "  - {name: E, target_pair: [a, b], assertions: [concept_gram_tier_separation_bound_holds]}\n",
                    7, 49, "assertion 'concept_gram_tier_separation_bound_holds' requires the dictionary's encoding to "
                    + "declare a non-None tier_separation_bound; got encoding=MPSRung1(bond_dim=2, phase_knobs=True)")
        assertError(twoFeatures + "  - {target_pair: [a, b]}\n", 7, 5, "experiments[0] is missing required key 'name'")
    }

    func testCancellationChecks() {
        let base = twoFeatures.replacingOccurrences(of: "experiments:", with: "cancellations:")
        assertError(base + "  - {target_pair: [a, c]}\n", 7, 23, "target_pair feature 'c' not declared in dictionary")
        assertError(base + "  - {target_pair: [a, b], tolerance: 1.5}\n", 7, 38, "tolerance must lie in [0, 1]; got 1.5")
        assertError(base + "  - {target_pair: [a, b], optimize: {method: bogus}}\n", 7, 46,
                    "unknown method 'bogus'; supported: ('grid', 'scipy')")
        assertError(base + "  - {target_pair: [a, b], optimize: {max_steps: 0}}\n", 7, 49, "max_steps must be >= 1")
        assertError(base + "  - {target_pair: [a, b], preserve_tiers: 1}\n", 7, 43, "preserve_tiers must be true or false")
    }
}
