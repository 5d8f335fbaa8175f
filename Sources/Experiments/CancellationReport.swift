import Foundation
import IR

/// The text artefacts of a cancellation (polygram-core.md §5.8 and the
/// reference's `result.json`, ../shared/reference/README.md).
extension CancellationResult {
    /// The reference's note on tied optima, carried in every `result.json`.
    public static let tieNote = "optimized_knobs may legitimately differ between implementations when the minimum is tied "
        + "(polygram-core.md section 0.5); compare overlaps."

    /// `result.json`: the reference's keys in its order; Python `json.dumps(indent=1, ensure_ascii=False)` layout.
    public var resultJSON: String {
        func number(_ x: Double?) -> JSONValue { x.map { .number(PythonFloat.repr($0)) } ?? .null }
        let object: JSONValue = .object([
            ("target_pair", .array(spec.targetPair.map(JSONValue.string))),
            ("method", .string(method)),
            ("knobs", .array(knobs.map(JSONValue.string))),
            ("tolerance", number(spec.tolerance)),
            ("preserve_tiers", .bool(spec.preserveTiers)),
            ("max_steps", .number(String(spec.optimize.maxSteps))),
            ("before_overlap", number(beforeOverlap)),
            ("after_overlap", number(afterOverlap)),
            ("structural_floor", number(structuralFloor)),
            ("cancellation_efficiency", number(efficiency)),
            ("at_structural_floor", .bool(atStructuralFloor)),
            ("tolerance_met", .bool(toleranceMet)),
            ("feasible_count", .number(String(feasibleCount))),
            ("evaluations", .number(String(evaluations))),
            ("optimized_knobs", .object(optimizedKnobs.map { ($0.0, number($0.1)) })),
            ("dictionary_at_optimum", .string(dictionaryAtOptimum.name)),
            ("warnings", .array(warnings.map(JSONValue.string))),
            ("note", .string(Self.tieNote)),
        ])
        return object.render(indent: 0) + "\n"
    }

    /// `{D}_trajectory.csv`: knob paths, `overlap`, `feasible`; numbers `{:.6f}`, feasible 1/0.
    public var trajectoryCSV: String {
        var bytes = Array(((knobs + ["overlap", "feasible"]).joinedText(",") + "\n").utf8)
        bytes.reserveCapacity(bytes.count + trajectory.count * 12 * (trajectory.width + 1))
        for (row, feasible) in zip(trajectory, feasibleMask) {
            for x in row {
                FixedDecimal.append(x, places: 6, to: &bytes)
                bytes.append(UInt8(ascii: ","))
            }
            bytes.append(feasible ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "\n"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `{D}_summary.md` as `materialize` writes it.
    public var summary: String {
        let pair = spec.targetPair
        let f6 = { (x: Double) in FixedDecimal.format(x, places: 6) }
        var lines = [
            "# \(dictionaryAtOptimum.name)", "",
            "- target pair: `\(pair[0])` × `\(pair[1])`",
            "- method: `\(method)`",
            "- knobs: " + knobs.map { "`\($0)`" }.joinedText(", "),
            "- tolerance_met: \(toleranceMet ? "True" : "False") (after_overlap < tolerance)",
            "- feasible evaluations: \(feasibleCount) of \(evaluations)", "",
            "## Optimum", "",
        ]
        for (knob, value) in optimizedKnobs { lines.append("- `\(knob)` = \(f6(value))") }
        if knobs == ["\(pair[0]).phi", "\(pair[1]).phi"] {
            lines += ["", "  - \(pair[0]) = \(f6(optimizedValues[0]))", "  - \(pair[1]) = \(f6(optimizedValues[1]))"]
        }
        lines += ["", "## Overlap", "",
                  "- before: \(f6(beforeOverlap))",
                  "- after:  \(f6(afterOverlap))",
                  "- delta:  \(FixedDecimal.signed(afterOverlap - beforeOverlap, places: 6))", "",
                  "## Structural floor", "",
                  "- structural_floor: \(structuralFloor.map(f6) ?? "undefined for this configuration")",
                  "- cancellation_efficiency: \(efficiency.map { FixedDecimal.format($0, places: 4) } ?? "n/a")",
                  "- interpretation: \(interpretation)"]
        if structuralFloor == nil {
            lines += ["", "## Caveat"]
            for paragraph in caveats { lines += ["", paragraph] }
        }
        return lines.joinedText("\n") + "\n"
    }

    /// polygram's interpretation line, except at the structural floor: polygram
    /// forces the efficiency to 0.0 there and so calls the search
    /// "underutilized" (polygram-core.md §8 #5); we say what happened.
    public var interpretation: String {
        guard structuralFloor != nil else {
            return "structural floor is encoding-bound; not yet defined for this configuration"
        }
        if atStructuralFloor { return Self.atFloorInterpretation }
        if let floor = structuralFloor, afterOverlap < floor - 1e-9 { return Self.belowFloorInterpretation }
        guard let efficiency else { return "no cancellation gap available" }
        return efficiency >= 0.99 ? "phase search exhausted — encoding-bound" : "phase search underutilized"
    }

    /// Our interpretation when before, floor and after coincide (divergence from polygram).
    public static let atFloorInterpretation = "already at the structural floor — encoding-bound"

    /// Ours when a Rung3/4 amp branch beats the MPS floor (divergence from polygram).
    public static let belowFloorInterpretation = "below the MPS structural floor — the amplitude branch adds cancellation"

    /// The caveat paragraphs polygram writes when the floor is undefined (§5.8).
    var caveats: [String] {
        let clusters = Set(dictionaryAtOptimum.hierarchy.map(\.name))
        let isCluster = knobs.map { clusters.contains(String($0.prefix { $0 != "." })) }
        let hasTheta = knobs.contains { $0.containsText(".theta[") }
        let multi = "**Note:** the reported `after` is the best value found by `\(method)`, not a guaranteed lower bound. "
            + "Cross-term interactions among knobs can drive the true achievable overlap below this value"
            + (hasTheta ? ", and θ knobs can break cluster invariants — verify `concept_gram_tier_separation` on the optimum" : "")
            + "."
        if !isCluster.isEmpty, isCluster.allSatisfy({ $0 }) {
            if case .mpsRung1 = dictionaryAtOptimum.encoding, !hasTheta { return [Self.mpsClusterNote] }
            return [Self.heaClusterNote]
        }
        if isCluster.contains(true) { return [multi, Self.mixedNote] }
        return [multi]
    }

    static let mpsClusterNote = "**Note:** every knob is a cluster-shared `<cluster>.phi` path on `MPSRung1`. The final-Rz "
        + "factorization makes the same outer rotation appear on every sibling branch, and the unitarity cancellation "
        + "`<U_C a | U_C b> = <a|U_C†U_C|b> = <a|b>` preserves within-cluster Gram entries bit-for-bit (to numeric "
        + "round-off) when sibling pre-mutation `phi` values agree."
    static let heaClusterNote = "**Note:** every knob is a cluster-shared path. On HEA encodings (or any cluster-shared θ), "
        + "this is a search-space dimensionality reduction — one axis per cluster instead of one per feature — which "
        + "bounds optimizer leverage on each sibling but does NOT guarantee bit-for-bit Gram preservation. Within-cluster "
        + "Gram entries MAY drift on diverse-sibling fixtures. Verify `concept_gram_tier_separation` on the materialized "
        + "optimum to confirm tier ordering."
    static let mixedNote = "**Note:** this knob list mixes per-feature and cluster-shared paths. The within-cluster Gram "
        + "invariant that pure cluster-shared lists enjoy does NOT apply here — per-feature mutations on one branch break "
        + "the matched unitarity."
}

/// Just enough JSON to write Python's `json.dumps(obj, indent=1, ensure_ascii=False)`.
enum JSONValue {
    case null, bool(Bool), number(String), string(String)
    case array([JSONValue]), object([(String, JSONValue)])

    func render(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent + 1), close = String(repeating: " ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let text): return text
        case .string(let s): return JSONString.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.render(indent: indent + 1) }.joinedText(",\n") + "\n\(close)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { pad + JSONString.quote($0.0) + ": " + $0.1.render(indent: indent + 1) }
                .joinedText(",\n") + "\n\(close)}"
        }
    }
}
