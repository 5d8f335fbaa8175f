import Foundation
import IR
import XCTest
@testable import Analysis

/// `from_sae_lens` against ../shared/reference/pipeline/outputs/from_sae_lens
/// (cases A–K, errors.json, kmeans_labels.json). Floats to 1e-12; PCA knobs
/// also accepted mirrored around their range midpoint (SVD sign, spec §0.4).
class FromSAELensTestCase: XCTestCase {
    static let pipeline = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference/pipeline").standardized
    static let tolerance = 1e-12

    static func input(_ name: String) -> String { pipeline.appendingPathComponent("inputs/\(name)").path }
    static func reference(_ name: String) throws -> [String: Any] {
        let url = pipeline.appendingPathComponent("outputs/from_sae_lens/\(name)")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    static func toy(stripLabels: Bool = false) throws -> [SAEFeatureRecord] {
        var records = try ToySAE.load(path: input("toy_sae.json"))
        if stripLabels { for i in records.indices { records[i].label = nil } }
        return records
    }
    static func synth() throws -> [SAEFeatureRecord] { try SAELoader.load(path: input("synth_sae_64x16.safetensors")) }
    static let sel8 = [1, 5, 20, 27, 2, 8, 16, 23]
    static let sel16 = [1, 5, 20, 27, 2, 8, 16, 23, 4, 11, 13, 14, 3, 12, 17, 19]

    static func options(_ configure: (inout FromSAELensOptions) -> Void) -> FromSAELensOptions {
        var o = FromSAELensOptions()
        configure(&o)
        return o
    }

    func close(_ a: Double?, _ b: Any?, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let expected = b as? Double else {
            if b == nil || b is NSNull {
                XCTAssertTrue(a == nil || a!.isNaN, "\(what): expected null, got \(String(describing: a))", file: file, line: line)
            } else {
                XCTFail("\(what): unexpected reference \(String(describing: b))", file: file, line: line)
            }
            return
        }
        guard let a else { return XCTFail("\(what): nil, expected \(expected)", file: file, line: line) }
        XCTAssertEqual(a, expected, accuracy: Self.tolerance, what, file: file, line: line)
    }

    /// Compares the SelectionReport fields.
    func checkReport(_ r: SelectionReport, _ ref: [String: Any], _ tag: String) {
        let sr = ref["selection_report"] as! [String: Any]
        XCTAssertEqual(r.nInputFeatures, sr["n_input_features"] as? Int, tag)
        XCTAssertEqual(r.nSelected, sr["n_selected"] as? Int, tag)
        let clusters = sr["cluster_assignments"] as! [String: String]
        XCTAssertEqual(r.clusterAssignments.count, clusters.count, tag)
        for a in r.clusterAssignments { XCTAssertEqual(a.cluster, clusters[a.feature], "\(tag) cluster of \(a.feature)") }
        XCTAssertEqual(r.clusterMethod, sr["cluster_method"] as? String, tag)
        close(r.betaVarianceExplained, sr["beta_variance_explained"], "\(tag) var explained")
        let recon = sr["reconstruction_error"] as! [String: Double]
        for (a, e) in zip(r.clusterAssignments, r.reconstructionError) { close(e, recon[a.feature], "\(tag) recon \(a.feature)") }
        close(r.tierPreservation, sr["tier_preservation"], "\(tag) tier")
        close(r.geometricFidelity, sr["geometric_fidelity"], "\(tag) fidelity")
        XCTAssertEqual(r.gammaMethod, sr["gamma_method"] as? String, tag)
        XCTAssertEqual(r.warnings, sr["warnings"] as? [String], tag)
        XCTAssertEqual(r.profile, sr["profile"] as? String, tag)
        XCTAssertEqual(r.nBlocks, sr["n_blocks"] as? Int, tag)
        close(r.meanBlockSize, sr["mean_block_size"], "\(tag) mean block size")
        XCTAssertEqual(r.nCrossBlockEdges, sr["n_cross_block_edges"] as? Int, tag)
    }

    /// Knob comparison; PCA knobs may be mirrored (x → lo + hi − x). Returns the mirrored count.
    @discardableResult
    func checkFeatures(_ d: FeatureDictionary, _ ref: [String: Any], _ tag: String) -> Int {
        XCTAssertEqual(d.name, ref["name"] as? String, tag)
        XCTAssertEqual(FromSAELens.className(d.encoding), ref["encoding"] as? String, tag)
        let refFeatures = ref["features"] as! [[String: Any]]
        XCTAssertEqual(d.features.count, refFeatures.count, tag)
        var mirrored = 0
        let knobs: [(String, KeyPath<Feature, Double>, Double)] = [
            ("beta", \.beta, 0), ("alpha", \.alpha, 2 * .pi), ("gamma", \.gamma, 0), ("phi", \.phi, 2 * .pi),
            ("theta_amp", \.thetaAmp, .pi / 2), ("psi_aux", \.psiAux, 2 * .pi),
            ("theta_amp_b", \.thetaAmpB, .pi / 2), ("psi_amp_b", \.psiAmpB, 2 * .pi),
        ]
        for (f, rf) in zip(d.features, refFeatures) {
            XCTAssertEqual(f.name, rf["name"] as? String, tag)
            XCTAssertEqual(f.cluster, rf["cluster"] as? String, tag)
            for (key, path, loPlusHi) in knobs {
                let mine = f[keyPath: path], theirs = rf[key] as! Double
                if abs(mine - theirs) <= Self.tolerance { continue }
                if abs(loPlusHi - mine - theirs) <= Self.tolerance { mirrored += 1; continue }
                XCTFail("\(tag) \(f.name).\(key): \(mine) vs \(theirs)")
            }
            let amps = rf["amp_knobs"] as? [[Double]] ?? []
            XCTAssertEqual(f.ampKnobs.count, amps.count, "\(tag) amp_knobs")
        }
        return mirrored
    }

    func checkGram(_ g: DictionaryGram, real: Any?, imag: Any?, abs2: Any?, _ tag: String) {
        for (mine, key, theirs) in [(g.real, "real", real), (g.imag, "imag", imag), (g.abs2, "abs2", abs2)] {
            guard let t = theirs as? [[Double]] else { continue }
            XCTAssertEqual(mine.count, t.count, tag)
            var worst = 0.0
            for (a, b) in zip(mine, t) { for (x, y) in zip(a, b) { worst = max(worst, abs(x - y)) } }
            XCTAssertLessThanOrEqual(worst, Self.tolerance, "\(tag) gram_\(key) max |Δ| = \(worst)")
        }
    }

    func runFlatCase(_ file: String, records: [SAEFeatureRecord], ids: [Int], options: FromSAELensOptions) throws {
        let ref = try Self.reference(file)
        XCTAssertEqual(ids, ref["feature_ids"] as? [Int], file)
        let (result, report) = try FromSAELens.run(records: records, featureIDs: ids, options: options)
        checkReport(report, ref, file)
        guard let d = result.flat else { return XCTFail("\(file): expected a flat Dictionary") }
        let refDict = ref["dictionary"] as! [String: Any]
        let mirrored = checkFeatures(d, refDict, file)
        XCTAssertEqual(mirrored, 0, "\(file): knobs matched only up to the SVD sign mirror")
        let hierarchy = refDict["hierarchy"] as! [String: [String]]
        XCTAssertEqual(d.hierarchy.count, hierarchy.count, file)
        for c in d.hierarchy { XCTAssertEqual(c.members, hierarchy[c.name], file) }
        checkGram(try DictionaryGram.compute(d), real: ref["gram_real"], imag: ref["gram_imag"], abs2: ref["gram_abs2"], file)
    }

}

final class FromSAELensReferenceTests: FromSAELensTestCase {
    func testCaseA_fromLabels() throws {
        try runFlatCase("A_toy_0-7_from_labels.json", records: Self.toy(), ids: Array(0..<8), options: .init())
    }

    func testCaseB_kmeansClusteredProfile() throws {
        try runFlatCase("B_toy_0-7_kmeans_clustered_profile.json", records: Self.toy(stripLabels: true), ids: Array(0..<8),
                        options: .init())
    }

    func testCaseC_kmeansExplicitMPSRung1() throws {
        try runFlatCase("C_toy_0-7_kmeans_explicit_MPSRung1.json", records: Self.toy(stripLabels: true), ids: Array(0..<8),
                        options: Self.options { $0.encoding = .mpsRung1(phaseKnobs: true) })
    }

    func testCaseD_userClusters() throws {
        let user = [0: "a", 1: "a", 4: "b", 5: "b", 8: "c", 9: "c", 12: "a", 13: "d"]
        try runFlatCase("D_toy_user_clusters.json", records: Self.toy(), ids: [0, 1, 4, 5, 8, 9, 12, 13],
                        options: Self.options { $0.clusterAssignments = user })
    }

    func testCaseE_k4NoGamma() throws {
        try runFlatCase("E_toy_k4_nogamma.json", records: Self.toy(stripLabels: true), ids: [0, 2, 4, 6, 8, 10, 12, 14],
                        options: Self.options { $0.nClusters = 4; $0.assignGamma = false })
    }

    func testCaseF_synth8Clustered() throws {
        try runFlatCase("F_synth8_clustered_profile.json", records: Self.synth(), ids: Self.sel8, options: .init())
    }

    func testCaseG_synth8UniformSphere() throws {
        try runFlatCase("G_synth8_uniform_sphere_MPSRung1.json", records: Self.synth(), ids: Self.sel8,
                        options: Self.options { $0.profileName = "uniform-sphere"; $0.encoding = .mpsRung1(phaseKnobs: true) })
    }

    func testCaseH_synth16Rung3() throws {
        try runFlatCase("H_synth16_Rung3_amp_phase.json", records: Self.synth(), ids: Self.sel16,
                        options: Self.options { $0.encoding = .rung3 })
    }

    func testCaseI_synth16Rung4() throws {
        try runFlatCase("I_synth16_Rung4_amp_phase.json", records: Self.synth(), ids: Self.sel16,
                        options: Self.options { $0.encoding = .rung4 })
    }

    func testErrorsJSON() throws {
        let url = Self.pipeline.appendingPathComponent("outputs/from_sae_lens/errors.json")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: String]
        let toy = try Self.toy()
        func text(_ ids: [Int], _ o: FromSAELensOptions = .init()) -> String {
            do {
                _ = try FromSAELens.run(records: toy, featureIDs: ids, options: o)
                return "no error"
            } catch let e as PolygramError {
                return e.pythonText
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(text([]), expected["empty"])
        XCTAssertEqual(text([0, 99]), expected["missing"])
        XCTAssertEqual(text(Array(0..<9), Self.options { $0.clustered = false }), expected["cap_strict"])
        XCTAssertEqual(text(Array(0..<4), Self.options { $0.profileName = "nope" }), expected["bad_profile"])
        XCTAssertEqual(text([0, 1], Self.options { $0.clusterAssignments = [0: "a"] }), expected["cluster_assign_missing"])
    }

    func testKMeansLabels() throws {
        let url = Self.pipeline.appendingPathComponent("outputs/from_sae_lens/kmeans_labels.json")
        let cases = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: [String: Any]]
        let toy = try Self.toy().map(\.projection)
        let synth = try Self.synth().map(\.projection)
        XCTAssertEqual(cases.count, 5)
        for (name, c) in cases {
            let points: [[Double]]
            if name.hasPrefix("toy16") {
                points = toy
            } else if name.hasPrefix("synth64unit") {
                points = synth.map { p in p.map { $0 / DenseMath.norm(p) } }
            } else if name.hasPrefix("synth64") {
                points = synth
            } else {
                XCTFail("unknown k-means case \(name)")
                continue
            }
            let labels = KMeans.labels(points: ProjectionRows(points), k: c["k"] as! Int, seed: UInt64(c["seed"] as! Int))
            XCTAssertEqual(labels, c["labels"] as? [Int], name)
        }
    }

    func testProfileRegistry() throws {
        XCTAssertEqual(ProfileRegistry.available.prefix(2), ["clustered", "uniform-sphere"])
        XCTAssertThrowsError(try ProfileRegistry.register(ProfileRegistry.get("clustered")))
    }

    func testAutoPromotionAndCapAcrossEncodings() throws {
        let synth = try Self.synth()
        let ids = Array(0..<17)
        XCTAssertThrowsError(try FromSAELens.run(records: synth, featureIDs: ids,
                                                 options: Self.options { $0.encoding = .rung3; $0.clustered = false })) { e in
            XCTAssertTrue((e as! PolygramError).message.hasPrefix("selected 17 features, but the Rung3 encoding caps a Dictionary at 16"))
        }
        let (result, report) = try FromSAELens.run(records: synth, featureIDs: ids, options: Self.options { $0.encoding = .rung3 })
        XCTAssertNotNil(result.clustered)
        XCTAssertEqual(report.warnings.first,
                       "auto-promoted to clustered: N=17 exceeds Rung3.max_features=16. Pass clustered=False for the strict ValueError.")
    }
}

final class FromSAELensLearnedTests: FromSAELensTestCase {
    func testCaseL_learnedGreedy() throws {
        let file = "L_synth8_learned_axis_greedy.json"
        let ref = try Self.reference(file)
        let (result, report) = try FromSAELens.run(
            records: Self.synth(), featureIDs: Self.sel8,
            options: Self.options { $0.encoding = .mpsRung1(phaseKnobs: true); $0.learnAxisAssignment = true })
        checkReport(report, ref, file)
        let d = try XCTUnwrap(result.flat)
        checkFeatures(d, ref["dictionary"] as! [String: Any], file)
        checkGram(try DictionaryGram.compute(d), real: ref["gram_real"], imag: ref["gram_imag"], abs2: ref["gram_abs2"], file)
        let la = (ref["selection_report"] as! [String: Any])["learned_axis_assignment"] as! [String: Any]
        let mine = try XCTUnwrap(report.learnedAxisAssignment)
        let axes = la["axis_assignment"] as! [String: Int]
        XCTAssertEqual(mine.axisAssignment.count, axes.count)
        for (k, a) in mine.axisAssignment { XCTAssertEqual(a, axes[k], k) }
        close(mine.objectiveValue, la["objective_value"], "objective_value")
        close(mine.objectiveBaseline, la["objective_baseline"], "objective_baseline")
        close(mine.trainingObjectiveValue, la["training_objective_value"], "training_objective_value")
        XCTAssertEqual(mine.objectiveName, la["objective_name"] as? String)
        XCTAssertEqual(mine.solver, la["solver"] as? String)
    }
}
