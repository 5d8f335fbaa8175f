import Foundation
import XCTest

/// Differential testing of the hand-written scanners against the regexes they
/// replaced: the regexes live here only, as oracles. A result is the capture
/// list (nil for a group that did not take part), or nil without a match.
enum PatternOracle {
    typealias Result = [String?]?

    enum Mode { case whole, prefix, first }

    /// A Swift `Regex` oracle.
    static func swift(_ pattern: String, _ mode: Mode, ignoresCase: Bool = false,
                      dotMatchesNewlines: Bool = false) -> (String) -> Result {
        var regex = try! Regex(pattern)
        if ignoresCase { regex = regex.ignoresCase() }
        if dotMatchesNewlines { regex = regex.dotMatchesNewlines() }
        return { text in
            let match: Regex<AnyRegexOutput>.Match?
            switch mode {
            case .whole: match = try! regex.wholeMatch(in: text)
            case .prefix: match = try! regex.prefixMatch(in: text)
            case .first: match = try! regex.firstMatch(in: text)
            }
            guard let match else { return nil }
            return (1..<match.output.count).map { match.output[$0].substring.map(String.init) }
        }
    }

    /// An ICU (`NSRegularExpression`) oracle, first match.
    static func icu(_ pattern: String, _ options: NSRegularExpression.Options = []) -> (String) -> Result {
        let regex = try! NSRegularExpression(pattern: pattern, options: options)
        return { text in
            let ns = text as NSString
            guard let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else {
                return nil
            }
            return (1..<match.numberOfRanges).map {
                let r = match.range(at: $0)
                return r.location == NSNotFound ? nil : ns.substring(with: r)
            }
        }
    }

    /// `[]` when `matched`, nil otherwise (a pattern without groups).
    static func flag(_ matched: Bool) -> Result { matched ? [] : nil }

    /// `edgeCases`, then `count` deterministic random strings: half are
    /// concatenations of `tokens`, half are `seeds` with one to three random
    /// edits (a character deleted, replaced by a token, or a token inserted).
    static func samples(_ edgeCases: [String], tokens: [String], seeds: [String], count: Int = 3000,
                        seed: UInt64 = 0x5eed) -> [String] {
        var random = SplitMix64(seed: seed)
        var result = edgeCases
        for n in 0..<count {
            if n % 2 == 0 || seeds.isEmpty {
                let length = random.below(12)
                let start = seeds.isEmpty || random.below(2) == 0 ? "" : String(seeds[random.below(seeds.count)].prefix(random.below(12)))
                result.append(start + (0..<length).map { _ in tokens[random.below(tokens.count)] }.joined())
            } else {
                var chars = Array(seeds[random.below(seeds.count)])
                for _ in 0...random.below(3) {
                    let at = random.below(chars.count + 1)
                    switch random.below(3) {
                    case 0 where at < chars.count: chars.remove(at: at)
                    case 1 where at < chars.count: chars.replaceSubrange(at...at, with: Array(tokens[random.below(tokens.count)]))
                    default: chars.insert(contentsOf: Array(tokens[random.below(tokens.count)]), at: at)
                    }
                }
                result.append(String(chars))
            }
        }
        return result
    }

    /// Fails for every sample where `scanner` and `oracle` disagree (reporting
    /// the first few); returns how many samples matched.
    @discardableResult
    static func assertSame(_ name: String, _ samples: [String], _ scanner: (String) -> Result,
                           _ oracles: ((String) -> Result)..., file: StaticString = #filePath, line: UInt = #line) -> Int {
        var failures = 0, matched = 0
        for text in samples {
            let mine = scanner(text)
            if mine != nil { matched += 1 }
            for oracle in oracles {
                let expected = oracle(text)
                guard mine != expected else { continue }
                failures += 1
                if failures <= 8 {
                    XCTFail("\(name): \(text.debugDescription): scanner \(String(describing: mine)), "
                                + "regex \(String(describing: expected))", file: file, line: line)
                }
            }
        }
        XCTAssertEqual(failures, 0, "\(name): \(failures) differences", file: file, line: line)
        // The samples must exercise both outcomes.
        XCTAssertGreaterThan(matched, 20, "\(name): too few matching samples", file: file, line: line)
        XCTAssertGreaterThan(samples.count - matched, 20, "\(name): too few rejected samples", file: file, line: line)
        return matched
    }
}

extension SplitMix64 {
    /// A uniform integer in `0..<n` (0 when `n <= 1`).
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}
