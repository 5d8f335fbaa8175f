import Foundation
import IR

/// A sharing or separation graph over a prediction's features (polygram-core.md §6.4).
public struct FeatureGraph: Hashable, Sendable {
    public enum Kind: String, Sendable { case sharing, separation }

    public struct Edge: Hashable, Sendable {
        public var source: String
        public var target: String
        public var weight: Double
        public var floor: Double
        public var gap: Double
        public var isCrossCluster: Bool
        public var reason: String
    }

    public var kind: Kind
    public var nodes: [String]
    public var edges: [Edge]
    /// Connected components over kept edges, singletons included.
    public var clusters: [[String]]
    public var selectionMethod: String
    public var threshold: Double
    /// `allow_cross_cluster` (sharing) or `include_within_cluster` (separation).
    public var flag: Bool

    /// polygram's `FLOOR_BLOCK`.
    public static let floorBlock = 0.5

    public static func sharing(_ prediction: CancellationPrediction, selectionMethod: String,
                               threshold: Double = 0.5, allowCrossCluster: Bool = false) -> FeatureGraph {
        var edges: [Edge] = []
        for p in prediction.pairs {
            let weight: Double
            if p.isCrossCluster && !allowCrossCluster {
                weight = 0
            } else if p.structuralFloor > floorBlock {
                weight = 0
            } else {
                weight = clip(p.cancellationGap / max(p.currentOverlap, 1e-12))
            }
            if weight > 0 && weight >= threshold {
                edges.append(Edge(source: p.featureA, target: p.featureB, weight: weight, floor: p.structuralFloor,
                                  gap: p.cancellationGap, isCrossCluster: p.isCrossCluster, reason: "phase_headroom"))
            }
        }
        return make(.sharing, prediction, edges, selectionMethod, threshold, allowCrossCluster)
    }

    public static func separation(_ prediction: CancellationPrediction, selectionMethod: String,
                                  threshold: Double = 0.2, includeWithinCluster: Bool = false) -> FeatureGraph {
        var edges: [Edge] = []
        for p in prediction.pairs {
            let weight = !p.isCrossCluster && !includeWithinCluster ? 0 : clip(p.structuralFloor)
            if weight > 0 && weight >= threshold {
                edges.append(Edge(source: p.featureA, target: p.featureB, weight: weight, floor: p.structuralFloor,
                                  gap: p.cancellationGap, isCrossCluster: p.isCrossCluster,
                                  reason: p.isCrossCluster ? "irreducible_cross_cluster" : "irreducible_within_cluster"))
            }
        }
        return make(.separation, prediction, edges, selectionMethod, threshold, includeWithinCluster)
    }

    private static func clip(_ x: Double) -> Double { min(max(x, 0), 1) }

    private static func make(_ kind: Kind, _ prediction: CancellationPrediction, _ kept: [Edge],
                             _ method: String, _ threshold: Double, _ flag: Bool) -> FeatureGraph {
        let edges = kept.sorted { a, b in
            if a.weight != b.weight { return a.weight > b.weight }
            if a.source != b.source { return codePointLess(a.source, b.source) }
            return codePointLess(a.target, b.target)
        }
        let nodes = prediction.featureSensitivity.map(\.feature)
        // Union-find over kept edges.
        var parent = Dictionary(uniqueKeysWithValues: nodes.map { ($0, $0) })
        func root(_ x: String) -> String {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        for e in edges {
            let a = root(e.source), b = root(e.target)
            if a != b { parent[a] = b }
        }
        var groups: [String: [String]] = [:]
        for node in nodes { groups[root(node), default: []].append(node) }
        let clusters = groups.values.map { $0.sorted(by: codePointLess) }.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            return codePointLess(a[0], b[0])
        }
        return FeatureGraph(kind: kind, nodes: nodes, edges: edges, clusters: clusters, selectionMethod: method,
                            threshold: threshold, flag: flag)
    }

    /// Python string order (code points).
    static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    public var formula: String { kind == .sharing ? AnalysisText.sharingFormula : AnalysisText.separationFormula }

    /// `FeatureGraph.to_json()`: compact, keys sorted at every level, ASCII-escaped, floats in Python repr.
    public func jsonText() -> String {
        let edgeObjects: [PyJSON] = edges.map { e in
            .object([("floor", .float(e.floor)), ("gap", .float(e.gap)), ("is_cross_cluster", .bool(e.isCrossCluster)),
                     ("reason", .string(e.reason)), ("source", .string(e.source)), ("target", .string(e.target)),
                     ("weight", .float(e.weight))])
        }
        var metadata: [(String, PyJSON)] = [
            (kind == .sharing ? "allow_cross_cluster" : "include_within_cluster", .bool(flag)),
            ("formula", .string(formula)), ("kind", .string(kind.rawValue)),
            ("selection_method", .string(selectionMethod)), ("threshold", .float(threshold)),
            ("total_features", .int(nodes.count)),
        ]
        metadata.sort { FeatureGraph.codePointLess($0.0, $1.0) }
        let root = PyJSON.object([
            ("clusters", .array(clusters.map { .array($0.map(PyJSON.string)) })),
            ("edges", .array(edgeObjects)),
            ("kind", .string(kind.rawValue)),
            ("metadata", .object(metadata)),
            ("nodes", .array(nodes.map(PyJSON.string))),
        ])
        return root.compact()
    }

    /// `render_feature_graph_section`.
    public func markdownSection() -> String {
        var lines = ["## \(kind == .sharing ? "Sharing" : "Separation") graph", "",
                     "- threshold: \(AnalysisReport.format(threshold, "%.4f"))",
                     "- kept edges: \(edges.count)",
                     "- components: \(clusters.count)", "",
                     "### Edges", "",
                     "| source | target | weight | floor | gap | cross_cluster | reason |",
                     "|--------|--------|-------:|------:|----:|:-------------:|--------|"]
        if edges.isEmpty { lines.append("| _(none)_ | | | | | | |") }
        for e in edges {
            lines.append("| \(e.source) | \(e.target) | " + [e.weight, e.floor, e.gap].map { AnalysisReport.format($0, "%.4f") }
                .joinedText(" | ") + " | \(e.isCrossCluster ? "yes" : "no") | \(e.reason) |")
        }
        lines += ["", "### Components", ""]
        if clusters.isEmpty { lines.append("- _(none)_") }
        lines += clusters.map { "- { \($0.joinedText(", ")) }" }
        lines += ["", "### Formula", "", "```", formula, "```", ""]
        return lines.joinedText("\n")
    }
}

/// Python `json.dumps(obj, sort_keys=True, separators=(",", ":"))` for the
/// values a FeatureGraph holds (objects are emitted in the order given).
enum PyJSON {
    case string(String)
    case float(Double)
    case int(Int)
    case bool(Bool)
    case array([PyJSON])
    case object([(String, PyJSON)])

    func compact() -> String {
        var out = ""
        write(&out)
        return out
    }

    private func write(_ out: inout String) {
        switch self {
        case .string(let s): out += JSONString.quote(s, asciiOnly: true)
        case .float(let x):
            if x.isNaN { out += "NaN" } else if x.isInfinite { out += x < 0 ? "-Infinity" : "Infinity" } else { out += PythonFloat.repr(x) }
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(&out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                out += JSONString.quote(key, asciiOnly: true)
                out += ":"
                value.write(&out)
            }
            out += "}"
        }
    }
}
