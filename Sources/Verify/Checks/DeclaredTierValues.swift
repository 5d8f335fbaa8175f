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
                                + (nearest.map { " (nearest \(Printf.double($0, "%.\(entry.decimals + 2)f")))" } ?? ""),
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
        // Every value needs a digit, a `.` and a digit in a row (as bytes too); most rules have none.
        var bytes = text
        let hasDecimal = bytes.withUTF8 { b in
            b.count >= 3
                && (1..<(b.count - 1)).contains { b[$0] == UInt8(ascii: ".") && isDigit(b[$0 - 1]) && isDigit(b[$0 + 1]) }
        }
        guard hasDecimal else { return [] }
        return text.isPlainASCII ? chains(in: ASCIIByte.units(text)) : chains(in: Character.units(text))
    }

    private static func chains<U: TextUnit>(in text: [U]) -> [Chain] {
        // Replacing a ket by a space changes no other Character (neither joins its neighbours).
        let cleaned = blanking(">=", in: blanking("->", in: removingKets(text)))
        var chains: [Chain] = []
        var current: [(Double, Int, String)] = []
        var previousEnd = 0
        for match in decimals(in: cleaned) {
            let textValue = U.string(cleaned[match.range])
            let between = cleaned[previousEnd..<match.range.lowerBound]
            if !current.isEmpty, between.filter({ $0 == ">" }).count == 1 {
                current.append((Double(textValue)!, match.decimals, textValue))
            } else {
                if current.count >= 2 { chains.append(Chain(values: current.map { ($0.0, $0.1, $0.2) })) }
                current = [(Double(textValue)!, match.decimals, textValue)]
            }
            previousEnd = match.range.upperBound
        }
        if current.count >= 2 { chains.append(Chain(values: current.map { ($0.0, $0.1, $0.2) })) }
        return chains
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// `text` with every match of `\|[^|>\s]*>` (a ket) replaced by one space.
    static func removingKets(_ text: String) -> String {
        text.isPlainASCII ? ASCIIByte.string(removingKets(ASCIIByte.units(text)))
                          : Character.string(removingKets(Character.units(text)))
    }

    static func removingKets<U: TextUnit>(_ chars: [U]) -> [U] {
        var result: [U] = []
        var i = 0
        while i < chars.count {
            var j = i + 1
            if chars[i] == "|" {
                while j < chars.count, chars[j] != "|", chars[j] != ">", !chars[j].isWhitespace { j += 1 }
                if j < chars.count, chars[j] == ">" {
                    result.append(" ")
                    i = j + 1
                    continue
                }
            }
            result.append(chars[i])
            i += 1
        }
        return result
    }

    /// `chars` with every occurrence of the two-character `pair` (leftmost
    /// first, non-overlapping) replaced by two spaces.
    static func blanking<U: TextUnit>(_ pair: String, in chars: [U]) -> [U] {
        let (first, second) = (U.units(pair).first!, U.units(pair).last!)
        var result = chars
        var i = 0
        while i + 1 < result.count {
            if result[i] == first, result[i + 1] == second {
                result[i] = " "
                result[i + 1] = " "
                i += 2
            } else {
                i += 1
            }
        }
        return result
    }

    /// Every match of `(?<![\w.])(\d+\.(\d+))(?![\w.])` (leftmost first, non-overlapping):
    /// the character range of group 1 and the length of group 2.
    static func decimals<U: TextUnit>(in chars: [U]) -> [(range: Range<Int>, decimals: Int)] {
        func isWordOrDot(_ c: U) -> Bool { c == "." || TextScanner.isWord(c) }
        var found: [(range: Range<Int>, decimals: Int)] = []
        var s = TextScanner(characters: chars)
        var start = 0
        while start < chars.count {
            s.position = start
            if start == 0 || !isWordOrDot(chars[start - 1]), s.digits() != nil, s.literal("."),
               let fraction = s.digits(), s.current.map(isWordOrDot) != true {
                found.append((start..<s.position, fraction.count))
                start = s.position
            } else {
                start += 1
            }
        }
        return found
    }
}
