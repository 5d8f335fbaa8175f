import Foundation
import XCTest
@testable import Verify

/// Verify's hand-written scanners against the ICU regexes they replaced, on
/// edge cases and a few thousand deterministic random token strings (the
/// context-update grammar is covered in FrontendTests.PatternScannerTests).
/// Deliberate, Unicode-only differences: `\d` and `\w` are ASCII.
final class VerifyPatternScannerTests: XCTestCase {
    static let space = [" ", "  ", "\t", "\n", "\r\n", "\u{0B}"]

    func testKetSums() {
        let edge = [
            "(|00> + |11>)/√2", "(|00> + |10>)/√2", "|01>-|10>/2", "( |0> - |1> ) / √ 2", "(|0> + |1>)/√3",
            "(|0> + |1>)√2", "(|0> + |1>)/√2 and (|01> + |10>)/2", "((|0> + |1>))/2", "|0> + |1> + |11>)/2",
            "(|> + |1>)/2", "(|0> +|1>)/ 2", "(|0>\n+\n|1>\n)\n/\n√2", "(|a> + |b>)/√2", "", "|0>",
        ]
        let tokens = ["(", ")", "|", ">", "0", "1", "01", "10", "+", "-", "/", "√", "2", "√2", "x"] + Self.space
        let seeds = ["(|00> + |11>)/√2", "|01>-|10>/2", "(|000> - |111>) / √2 and (|0>+|1>)/2"]
        let regex = try! NSRegularExpression(pattern: #"\(?\s*\|(\d+)>\s*[+\-]\s*\|(\d+)>\s*\)?\s*/\s*√?2"#)
        assertSame("ketSums", samples(edge, tokens, seeds), {
            let found = EntanglementPattern.ketSums(in: $0).flatMap { [$0.0, $0.1] }
            return found.isEmpty ? nil : found
        }, { text in
            let ns = text as NSString
            let found = regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).flatMap {
                [ns.substring(with: $0.range(at: 1)), ns.substring(with: $0.range(at: 2))]
            }
            return found.isEmpty ? nil : found
        })
    }

    func testEntanglementKeywords() {
        let edge = ["a Bell pair", "GHZ", "Epr", "ENTANGLED", "entang", "bel l", "ghz", "xeprx", "", "ſ", "Ｂell"]
        let tokens = ["bell", "BELL", "Bel", "l", "ghz", "GhZ", "g", "hz", "epr", "EPR", "ep", "entangl", "Entangled",
                      "entang", "x", " ", "é", "İ", "ß", "K", "ſ"]
        let regex = try! NSRegularExpression(pattern: "bell|ghz|epr|entangl", options: .caseInsensitive)
        assertSame("mentionsEntanglement", samples(edge, tokens, []), {
            EntanglementPattern.mentionsEntanglement($0) ? [] : nil
        }, { text in
            regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) == nil ? nil : []
        }, { text in
            text.range(of: "bell|ghz|epr|entangl", options: [.regularExpression, .caseInsensitive]) == nil ? nil : []
        })
    }

    func testRemovingKets() {
        let edge = ["P(|000>) per query", "|0>|1>", "||0>", "|0 >", "|>", "|a|b>", "->", "|\n>", "x > y", "", "|0>>"]
        let tokens = ["|", ">", "0", "1", "a", "->", ">=", "|0>", "||", "x"] + Self.space
        assertSame("removingKets", samples(edge, tokens, ["P(|000>) -> 0.5 > |01> > 0.3"]), {
            let cleaned = DeclaredTierValues.removingKets($0)
            return cleaned == $0 ? nil : [cleaned]
        }, { text in
            let cleaned = text.replacingOccurrences(of: "\\|[^|>\\s]*>", with: " ", options: .regularExpression)
            return cleaned == text ? nil : [cleaned]
        })
    }

    func testDecimals() {
        let edge = ["0.5", "a0.5", "0.5a", ".0.5", "0.5.", "1.2.3", "10.25 > 3.5", "_1.5", "1.", ".5", "1..5", "x 2.50 y",
                    "1.5e3", "", "-0.5", "0.5>0.25"]
        let tokens = ["0", "1", "12", ".", "5", "a", "_", ">", "|", "x", "-", "e"] + Self.space
        let regex = try! NSRegularExpression(pattern: "(?<![\\w.])(\\d+\\.(\\d+))(?![\\w.])")
        assertSame("decimals", samples(edge, tokens, ["0.8851 > 0.6816 > 0.5931", "a 1.5 b"]), { text in
            let chars = Array(text)
            let found = DeclaredTierValues.decimals(in: chars).flatMap { [String(chars[$0.range]), String($0.decimals)] }
            return found.isEmpty ? nil : found
        }, { text in
            let ns = text as NSString
            let found = regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).flatMap {
                [ns.substring(with: $0.range(at: 1)), String($0.range(at: 2).length)]
            }
            return found.isEmpty ? nil : found
        })
    }

    func testChainsMatchTheRegexImplementation() {
        let edge = [
            "P(|000>) per query (1.000 self, 0.882 sub-mate) -> 0.5 and 0.882 > 0.753 > 0.593; cos(0.5)",
            "same-cluster 0.8851 > cross-cluster 0.6816 > 0.5931", "0.5 >= 0.4 > 0.3", "0.5 -> 0.4 > 0.3",
            "0.5 > > 0.4", "0.5 |0> 0.4", "0.5 > |1> 0.4 > 0.3", "",
        ]
        let tokens = ["0.5", "0.88", "1.000", ">", " > ", "->", ">=", "|000>", "|0>", "0.", ".5", "1", "and", ";", "(",
                      ")", "-", "|", "x"] + Self.space
        let seeds = ["0.8851 > 0.6816 > 0.5931", "a 0.9 > b 0.5 -> 0.3 > 0.2", "|01> 0.75 >= 0.5 > 0.25"]
        func describe(_ chains: [DeclaredTierValues.Chain]) -> [String?]? {
            chains.isEmpty ? nil : chains.map { $0.values.map { "\($0.value)/\($0.decimals)/\($0.text)" }.joined(separator: " ") }
        }
        assertSame("chains", samples(edge, tokens, seeds), { describe(DeclaredTierValues.chains(in: $0)) },
                   { describe(Self.regexChains(in: $0)) })
    }

    /// `DeclaredTierValues.chains` as it was written with regexes.
    static func regexChains(in text: String) -> [DeclaredTierValues.Chain] {
        let cleaned = text.replacingOccurrences(of: "\\|[^|>\\s]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "->", with: "  ").replacingOccurrences(of: ">=", with: "  ")
        guard let regex = try? NSRegularExpression(pattern: "(?<![\\w.])(\\d+\\.(\\d+))(?![\\w.])") else { return [] }
        let ns = cleaned as NSString
        let numbers = regex.matches(in: cleaned, range: NSRange(location: 0, length: ns.length))
        var chains: [DeclaredTierValues.Chain] = []
        var current: [(Double, Int, String)] = []
        var previousEnd = 0
        for match in numbers {
            let textValue = ns.substring(with: match.range(at: 1))
            let decimals = match.range(at: 2).length
            let between = ns.substring(with: NSRange(location: previousEnd, length: match.range.location - previousEnd))
            if !current.isEmpty, between.filter({ $0 == ">" }).count == 1 {
                current.append((Double(textValue)!, decimals, textValue))
            } else {
                if current.count >= 2 { chains.append(.init(values: current.map { ($0.0, $0.1, $0.2) })) }
                current = [(Double(textValue)!, decimals, textValue)]
            }
            previousEnd = match.range.location + match.range.length
        }
        if current.count >= 2 { chains.append(.init(values: current.map { ($0.0, $0.1, $0.2) })) }
        return chains
    }

    // MARK: - Harness

    /// `edgeCases`, then 3000 deterministic strings: token concatenations and
    /// `seeds` with one to three random token edits.
    private func samples(_ edgeCases: [String], _ tokens: [String], _ seeds: [String]) -> [String] {
        var random = SplitMix64(seed: 0x5eed)
        func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(random.next() % UInt64(n)) }
        var result = edgeCases
        for n in 0..<3000 {
            if n % 2 == 0 || seeds.isEmpty {
                result.append((0..<below(14)).map { _ in tokens[below(tokens.count)] }.joined())
            } else {
                var chars = Array(seeds[below(seeds.count)])
                for _ in 0...below(3) {
                    let at = below(chars.count + 1)
                    if below(2) == 0, at < chars.count { chars.remove(at: at) }
                    else { chars.insert(contentsOf: Array(tokens[below(tokens.count)]), at: at) }
                }
                result.append(String(chars))
            }
        }
        return result
    }

    private func assertSame(_ name: String, _ samples: [String], _ scanner: (String) -> [String?]?,
                            _ oracles: ((String) -> [String?]?)..., line: UInt = #line) {
        var failures = 0, matched = 0
        for text in samples {
            let mine = scanner(text)
            if mine != nil { matched += 1 }
            for oracle in oracles where oracle(text) != mine {
                failures += 1
                if failures <= 8 {
                    XCTFail("\(name): \(text.debugDescription): scanner \(String(describing: mine)), "
                                + "regex \(String(describing: oracle(text)))", line: line)
                }
            }
        }
        XCTAssertEqual(failures, 0, "\(name): \(failures) differences", line: line)
        XCTAssertGreaterThan(matched, 20, "\(name): too few matching samples", line: line)
        XCTAssertGreaterThan(samples.count - matched, 20, "\(name): too few rejected samples", line: line)
    }
}
