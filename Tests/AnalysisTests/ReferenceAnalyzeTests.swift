import Foundation
import IR
import XCTest
@testable import Analysis

/// Every `polygram analyze` case of ../shared/reference/pipeline/outputs/analyze
/// and the `analysis` / `cli_analyze_example` cases of polygram-core-cases.json:
/// markdown byte-equal, graph JSON numbers to 1e-12 (and byte-equal text).
final class ReferenceAnalyzeTests: XCTestCase {
    static let shared = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference").standardized
    static let pipeline = shared.appendingPathComponent("pipeline")
    static let toySAE = pipeline.appendingPathComponent("inputs/toy_sae.json").path

    struct Case {
        var output: String
        var sae: String          // relative to pipeline/, as printed in the report
        var ids: [Int]
        var gamma = false
        var nClusters: Int?
        var sharing: String?     // expected sharing graph file
        var separation: String?
    }

    static let cases: [Case] = [
        Case(output: "toy_0-7", sae: "inputs/toy_sae.json", ids: Array(0...7),
             sharing: "toy_0-7.sharing.json", separation: "toy_0-7.separation.json"),
        Case(output: "toy_cross_gamma", sae: "inputs/toy_sae.json", ids: [0, 1, 4, 5, 8, 9, 12, 13], gamma: true),
        Case(output: "toy_4_k3_gamma", sae: "inputs/toy_sae.json", ids: [0, 4, 8, 12], gamma: true, nClusters: 3),
        Case(output: "synth_sel8_gamma", sae: "outputs/sae-import/synth_sel8.json", ids: [1, 5, 20, 27, 2, 8, 16, 23],
             gamma: true, sharing: "synth_sel8.sharing.json"),
        Case(output: "synth_sel8_nogamma", sae: "outputs/sae-import/synth_sel8.json", ids: [1, 5, 20, 27, 2, 8, 16, 23],
             sharing: "synth_sel8.sharing.json"),
    ]

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    func testEveryPipelineAnalyzeCase() throws {
        for c in Self.cases {
            let path = Self.pipeline.appendingPathComponent(c.sae).path
            let records = try ToySAE.load(path: path)
            let request = AnalyzeRequest(saePath: c.sae, featureIDs: c.ids, assignGamma: c.gamma, nClusters: c.nClusters,
                                         sharingThreshold: c.sharing == nil ? nil : 0.5,
                                         separationThreshold: c.separation == nil ? nil : 0.2)
            let result = try Analyzer.run(request, records: records)
            let expected = try text(Self.pipeline.appendingPathComponent("outputs/analyze/\(c.output).md"))
            assertSameText(result.reportMarkdown, expected, c.output)
            if let name = c.sharing {
                let want = try text(Self.pipeline.appendingPathComponent("outputs/analyze/\(name)"))
                try assertSameJSON(result.sharingGraph!.jsonText(), want, "\(c.output) sharing")
            }
            if let name = c.separation {
                let want = try text(Self.pipeline.appendingPathComponent("outputs/analyze/\(name)"))
                try assertSameJSON(result.separationGraph!.jsonText(), want, "\(c.output) separation")
            }
        }
    }

    /// polygram-core-cases.json `analysis`: full-precision pairs, sensitivity,
    /// score, SelectionReport stats, four graph variants and the report.
    func testCoreCasesAnalysis() throws {
        let root = try coreCases()
        let analyses = try XCTUnwrap(root["analysis"] as? [[String: Any]])
        XCTAssertEqual(analyses.count, 2)
        let records = try ToySAE.load(path: Self.toySAE)
        for a in analyses {
            let ids = try XCTUnwrap(a["feature_ids"] as? [Int])
            let gamma = ((a["from_sae_lens_kwargs"] as? [String: Any])?["assign_gamma"] as? Bool) ?? false
            let result = try Analyzer.run(AnalyzeRequest(saePath: "toy_sae.json", featureIDs: ids, assignGamma: gamma),
                                          records: records)
            let label = "analysis \(ids)"
            // Dictionary knobs.
            let features = try XCTUnwrap((a["dictionary"] as? [String: Any])?["features"] as? [[String: Any]])
            XCTAssertEqual(features.count, result.dictionary.features.count, label)
            for (want, got) in zip(features, result.dictionary.features) {
                XCTAssertEqual(want["name"] as? String, got.name, label)
                XCTAssertEqual(want["cluster"] as? String, got.cluster, label)
                for (key, value) in [("alpha", got.alpha), ("beta", got.beta), ("gamma", got.gamma), ("phi", got.phi)] {
                    assertClose(value, try XCTUnwrap(want[key] as? Double), "\(label) \(got.name).\(key)")
                }
            }
            assertClose(result.selection.betaVarianceExplained, try XCTUnwrap(a["beta_variance_explained"] as? Double), label)
            assertClose(try XCTUnwrap(result.selection.tierPreservation), try XCTUnwrap(a["tier_preservation"] as? Double), label)
            let pairs = try XCTUnwrap(a["pairs"] as? [[String: Any]])
            try assertPairs(result.prediction.pairs, pairs, label)
            let sensitivity = try XCTUnwrap(a["feature_sensitivity"] as? [String: Double])
            XCTAssertEqual(sensitivity.count, result.prediction.featureSensitivity.count)
            for s in result.prediction.featureSensitivity {
                assertClose(s.value, try XCTUnwrap(sensitivity[s.feature]), "\(label) sensitivity \(s.feature)")
            }
            assertClose(result.prediction.encodingSuitabilityScore, try XCTUnwrap(a["encoding_suitability_score"] as? Double), label)
            let p = result.prediction, method = result.selection.clusterMethod
            let graphs: [(String, FeatureGraph)] = [
                ("sharing_graph_threshold_0.1_json", .sharing(p, selectionMethod: method, threshold: 0.1)),
                ("separation_graph_default_json", .separation(p, selectionMethod: method)),
                ("separation_graph_t0.5_within_json", .separation(p, selectionMethod: method, threshold: 0.5, includeWithinCluster: true)),
                ("sharing_graph_t0_crosscluster_json", .sharing(p, selectionMethod: method, threshold: 0, allowCrossCluster: true)),
            ]
            for (key, graph) in graphs {
                try assertSameJSON(graph.jsonText(), try XCTUnwrap(a[key] as? String), "\(label) \(key)")
            }
            assertSameText(result.reportMarkdown, try XCTUnwrap(a["report_md"] as? String), label)
        }

        let cli = try XCTUnwrap(root["cli_analyze_example"] as? [String: Any])
        let result = try Analyzer.run(AnalyzeRequest(saePath: "../toy_sae.json", featureIDs: [0, 1, 4, 5],
                                                     sharingThreshold: 0.5, separationThreshold: 0.2), records: records)
        assertSameText(result.reportMarkdown, try XCTUnwrap(cli["report_md"] as? String), "cli_analyze_example")
        try assertSameJSON(result.sharingGraph!.jsonText(), try XCTUnwrap(cli["sharing_json"] as? String), "cli sharing")
        try assertSameJSON(result.separationGraph!.jsonText(), try XCTUnwrap(cli["separation_json"] as? String), "cli separation")
    }

    // MARK: helpers

    func coreCases() throws -> [String: Any] {
        // Python's json (bare NaN allowed), read with the loader's parser.
        let text = try String(contentsOf: Self.shared.appendingPathComponent("polygram-core-cases.json"), encoding: .utf8)
        return try XCTUnwrap(plain(try JSONText.parse(text, file: "polygram-core-cases.json")) as? [String: Any])
    }

    func plain(_ node: JSONNode) -> Any {
        switch node.value {
        case .null: return NSNull()
        case .bool(let b): return b
        case .number(let t): return JSONNode.isInteger(t) ? (Int(t) as Any? ?? Double(t)!) : Double(t)!
        case .string(let s): return s
        case .array(let items): return items.map(plain)
        case .object(let members):
            var out: [String: Any] = [:]
            for m in members { out[m.key] = plain(m.value) }
            return out
        }
    }

    func assertPairs(_ got: [PairPrediction], _ want: [[String: Any]], _ label: String,
                     file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(got.count, want.count, label, file: file, line: line)
        for (g, w) in zip(got, want) {
            let name = "\(label) \(g.featureA)↔\(g.featureB)"
            XCTAssertEqual(w["a"] as? String, g.featureA, name, file: file, line: line)
            XCTAssertEqual(w["b"] as? String, g.featureB, name, file: file, line: line)
            if let ca = w["cluster_a"] as? String { XCTAssertEqual(ca, g.clusterA, name, file: file, line: line) }
            for (key, value) in [("current_overlap", g.currentOverlap), ("m_pi", g.overlapAtPi), ("M", g.M), ("V", g.V),
                                 ("structural_floor", g.structuralFloor), ("cancellation_gap", g.cancellationGap)] {
                assertClose(value, try XCTUnwrap(w[key] as? Double, name), "\(name) \(key)", file: file, line: line)
            }
        }
    }

    func assertClose(_ got: Double, _ want: Double, _ label: String, tolerance: Double = 1e-12,
                     file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(abs(got - want) <= tolerance, "\(label): \(got) vs \(want)", file: file, line: line)
    }

    func assertSameText(_ got: String, _ want: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        guard got != want else { return }
        let g = got.components(separatedBy: "\n"), w = want.components(separatedBy: "\n")
        let first = zip(g, w).enumerated().first { $0.element.0 != $0.element.1 }
        XCTFail("\(label): text differs; first difference at line \((first?.offset ?? min(g.count, w.count)) + 1):\n"
                + "got:  \(first?.element.0 ?? "<\(g.count) lines>")\nwant: \(first?.element.1 ?? "<\(w.count) lines>")",
                file: file, line: line)
    }

    /// Same structure, strings and bools; numbers within 1e-12; and, since
    /// the overlaps reproduce numpy's summation order, byte-identical text.
    func assertSameJSON(_ got: String, _ want: String, _ label: String,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let g = try JSONText.parse(got, file: "got"), w = try JSONText.parse(want, file: "want")
        if let problem = jsonDifference(g, w, path: "$") {
            XCTFail("\(label): \(problem)", file: file, line: line)
        }
        XCTAssertEqual(got, want, "\(label): JSON text not byte-identical", file: file, line: line)
    }

    func jsonDifference(_ g: JSONNode, _ w: JSONNode, path: String) -> String? {
        switch (g.value, w.value) {
        case let (.object(gm), .object(wm)):
            guard gm.map(\.key) == wm.map(\.key) else { return "\(path): keys \(gm.map(\.key)) vs \(wm.map(\.key))" }
            for (a, b) in zip(gm, wm) {
                if let d = jsonDifference(a.value, b.value, path: "\(path).\(a.key)") { return d }
            }
            return nil
        case let (.array(ga), .array(wa)):
            guard ga.count == wa.count else { return "\(path): \(ga.count) vs \(wa.count) items" }
            for i in 0..<ga.count {
                if let d = jsonDifference(ga[i], wa[i], path: "\(path)[\(i)]") { return d }
            }
            return nil
        case let (.string(a), .string(b)):
            return a == b ? nil : "\(path): \(a) vs \(b)"
        case let (.bool(a), .bool(b)):
            return a == b ? nil : "\(path): \(a) vs \(b)"
        case let (.number(a), .number(b)):
            guard JSONNode.isInteger(a) == JSONNode.isInteger(b), let x = Double(a), let y = Double(b) else {
                return "\(path): \(a) vs \(b)"
            }
            return abs(x - y) <= 1e-12 ? nil : "\(path): \(a) vs \(b)"
        case (.null, .null):
            return nil
        default:
            return "\(path): \(g.kindName) vs \(w.kindName)"
        }
    }
}
