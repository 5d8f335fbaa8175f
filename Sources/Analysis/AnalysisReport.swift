import Foundation
import IR

extension SelectionReport {
    /// The report `triage_dictionary` synthesises for a hand-built dictionary.
    public static func forDictionary(_ dictionary: FeatureDictionary) -> SelectionReport {
        SelectionReport(nInputFeatures: dictionary.features.count, nSelected: dictionary.features.count,
                        clusterAssignments: dictionary.features.map { .init(feature: $0.name, cluster: $0.cluster) },
                        clusterMethod: "dictionary", betaVarianceExplained: 1.0, tierPreservation: nil,
                        gammaMethod: "zero", warnings: [])
    }
}

/// `render_report` (polygram-core.md §6.3).
public enum AnalysisReport {
    /// The markdown report. `sourcePath` is printed as given; `featureIDs` as a Python list.
    ///
    /// Deliberate difference: when some pair's floor differs from what
    /// polygram 0.15.0 would print (only possible with nonzero φ, never on the
    /// `analyze` path), a paragraph saying so follows the fixed caveat.
    public static func render(_ prediction: CancellationPrediction, selection: SelectionReport,
                              sourcePath: String? = nil, featureIDs: [Int]? = nil) -> String {
        var lines: [String] = ["# Polygram analysis — \(prediction.dictionaryName)", ""]
        if let sourcePath { lines.append("- SAE source: `\(sourcePath)`") }
        if let featureIDs { lines.append("- Selected feature_ids: [\(featureIDs.map(String.init).joinedText(", "))]") }
        lines.append("- Cluster method: `\(selection.clusterMethod)`")
        lines.append("- β variance explained: \(format(selection.betaVarianceExplained, "%.4f"))")
        if let tier = selection.tierPreservation {
            lines.append("- Projection→Polygram tier correlation: \(format(tier, "%.4f"))")
        }
        lines += ["", "## Caveats", "", AnalysisText.caveat, ""]
        let corrected = prediction.pairsWithCorrectedFloor
        if !corrected.isEmpty {
            lines += [floorCorrectionNote(corrected, total: prediction.pairs.count), ""]
        }
        lines += ["## Pair predictions", "",
                  "| pair | tier | current | floor | gap | M | V |",
                  "|------|------|--------:|------:|----:|--:|--:|"]
        for p in stableSortedDescending(prediction.pairs, by: \.cancellationGap) {
            lines.append("| \(p.featureA) ↔ \(p.featureB) | \(p.isCrossCluster ? "cross" : "intra") | "
                + [p.currentOverlap, p.structuralFloor, p.cancellationGap, p.M].map { format($0, "%.4f") }.joinedText(" | ")
                + " | \(format(p.V, "%+.4f")) |")
        }
        lines += ["", "## Per-feature sensitivity (mean |V_ij|)", "",
                  "| feature | cluster | sensitivity |",
                  "|---------|---------|------------:|"]
        for s in stableSortedDescending(prediction.featureSensitivity, by: \.value) {
            lines.append("| \(s.feature) | \(s.cluster) | \(format(s.value, "%.4f")) |")
        }
        lines += ["", "## Choosing knobs", "", AnalysisText.choosingKnobs, "",
                  "## Encoding suitability", "",
                  "**Score: \(format(prediction.encodingSuitabilityScore, "%.4f"))**  (range [0, 1])", "",
                  "```", AnalysisText.suitabilityFormula, "```", ""]
        if !selection.warnings.isEmpty {
            lines += ["## Warnings", ""]
            lines += selection.warnings.map { "- \($0)" }
            lines.append("")
        }
        return lines.joinedText("\n")
    }

    static func floorCorrectionNote(_ corrected: [PairPrediction], total: Int) -> String {
        let examples = corrected.prefix(3).map {
            "\($0.featureA) ↔ \($0.featureB) \(format($0.structuralFloor, "%.4f")) (polygram 0.15.0: \(format($0.referenceFloor, "%.4f")))"
        }.joinedText("; ")
        return "**Floor correction (polygramc).** Some features have φ ≠ 0. The floor above is `M − |V|` from the "
            + "overlaps at δ = φ_b − φ_a = 0 and δ = π, so it is invariant under uniform-φ shifts; polygram 0.15.0 "
            + "instead sets φ_b := π absolute, which misstates the floor, M and V of \(corrected.count) of \(total) "
            + "pair(s) here: \(examples)."
    }

    /// Python `format(x, spec)` for the specs the report uses (C printf rounding; `nan`/`inf` spelled Python's way).
    static func format(_ value: Double, _ spec: String) -> String {
        if value.isNaN { return spec.containsText("+") ? "+nan" : "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : (spec.containsText("+") ? "+inf" : "inf") }
        return Printf.double(value, spec)
    }
}
