import Foundation
import IR
import Simulate

/// Tier chains written in verification rules, e.g.
/// `same-cluster 0.8851 > cross-cluster 0.6816 > 0.5931`: each value must be
/// an off-diagonal overlap of the Gram at the precision written, and the chain
/// must be strictly decreasing.
enum DeclaredTierValues {
    struct Chain { var values: [(value: Double, decimals: Int, text: String)] }

    static func check(_ machine: Machine, _ gram: GramMatrix) -> [Diagnostic] {
        var overlaps: [Double] = []
        for i in 0..<gram.size { for j in (i + 1)..<gram.size { overlaps.append(gram.overlap(i, j)) } }
        var found: [Diagnostic] = []
        for rule in machine.verificationRules {
            for chain in chains(in: rule.text) {
                for entry in chain.values {
                    let tolerance = 0.5 * pow(10, -Double(entry.decimals)) + 1e-12
                    if !overlaps.contains(where: { abs($0 - entry.value) <= tolerance }) {
                        let nearest = overlaps.min { abs($0 - entry.value) < abs($1 - entry.value) }
                        found.append(Diagnostic("TIER_VALUE_MISMATCH", .error,
                            "declared tier value \(entry.text) matches no off-diagonal overlap of the concept Gram"
                                + (nearest.map { " (nearest \(String(format: "%.\(entry.decimals + 2)f", $0)))" } ?? ""),
                            at: rule.location))
                    }
                }
                for (a, b) in zip(chain.values, chain.values.dropFirst()) where !(a.value > b.value) {
                    found.append(Diagnostic("TIER_VALUE_MISMATCH", .error,
                        "declared tier chain is not decreasing: \(a.text) > \(b.text)", at: rule.location))
                }
            }
        }
        return found
    }

    /// Maximal runs of decimals separated by exactly one `>` (kets such as
    /// `|000>` and `->` arrows removed first) and no other decimal.
    static func chains(in text: String) -> [Chain] {
        let cleaned = text.replacingOccurrences(of: "\\|[^|>\\s]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "->", with: "  ").replacingOccurrences(of: ">=", with: "  ")
        guard let regex = try? NSRegularExpression(pattern: "(?<![\\w.])(\\d+\\.(\\d+))(?![\\w.])") else { return [] }
        let ns = cleaned as NSString
        let numbers = regex.matches(in: cleaned, range: NSRange(location: 0, length: ns.length))
        var chains: [Chain] = []
        var current: [(Double, Int, String)] = []
        var previousEnd = 0
        for match in numbers {
            let textValue = ns.substring(with: match.range(at: 1))
            let decimals = match.range(at: 2).length
            let between = ns.substring(with: NSRange(location: previousEnd, length: match.range.location - previousEnd))
            if !current.isEmpty, between.filter({ $0 == ">" }).count == 1 {
                current.append((Double(textValue)!, decimals, textValue))
            } else {
                if current.count >= 2 { chains.append(Chain(values: current.map { ($0.0, $0.1, $0.2) })) }
                current = [(Double(textValue)!, decimals, textValue)]
            }
            previousEnd = match.range.location + match.range.length
        }
        if current.count >= 2 { chains.append(Chain(values: current.map { ($0.0, $0.1, $0.2) })) }
        return chains
    }
}
