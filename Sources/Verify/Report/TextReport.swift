import Foundation
import IR
import Simulate

/// The human-readable report: one block per machine, diagnostics as
/// `file:line:col: severity: CODE: message`, then the concept Gram.
public enum TextReport {
    public static func render(_ files: [FileReport], strict: Bool) -> String {
        var out = ""
        for file in files {
            for machine in file.machines {
                let verdict = machine.isValid(strict: strict) ? "VALID" : "INVALID"
                out += "\(file.path): machine \(machine.name): \(verdict)\n"
                for d in JSONReport.ordered(machine.diagnostics, strict: strict) {
                    let position = d.location.map { "\($0.file):\($0.line):\($0.column)" } ?? file.path
                    out += "  \(position): \(d.severity.rawValue): \(d.code): \(d.message)\n"
                    if let suggestion = d.suggestion { out += "      -> \(suggestion)\n" }
                }
                if let gram = machine.gram { out += gramTable(gram, labels: machine.conceptLabels) }
                if let separation = machine.tierSeparation {
                    out += "  tier separation: \(FixedDecimal.format(separation, places: 6))\n"
                }
            }
        }
        return out
    }

    /// |⟨c_i|c_j⟩|² with 4 decimals, rows and columns labelled.
    static func gramTable(_ gram: GramMatrix, labels: [String]) -> String {
        let width = max(6, labels.map(\.count).max() ?? 0)
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
        var out = "  concept Gram |<c_i|c_j>|^2:\n"
        out += "    " + pad("", width) + labels.map { " " + pad($0, max(6, $0.count)) }.joinedText() + "\n"
        for i in 0..<gram.size {
            out += "    " + pad(labels[i], width)
            for j in 0..<gram.size { out += " " + pad(FixedDecimal.format(gram.overlap(i, j), places: 4), max(6, labels[j].count)) }
            out += "\n"
        }
        return out
    }
}
