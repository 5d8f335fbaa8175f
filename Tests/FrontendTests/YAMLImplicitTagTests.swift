import XCTest
import Yams
@testable import Frontend

/// `YAMLImplicitTag` must tag every plain scalar exactly as Yams's default
/// (regex-based) resolver does.
final class YAMLImplicitTagTests: XCTestCase {
    func yams(_ text: String) -> Tag.Name { Resolver.default.resolveTag(of: Node(text)) }

    func testHandPickedScalars() {
        let cases = ["", "~", "null", "Null", "NULL", "nULL", "yes", "Yes", "YES", "yEs", "no", "on", "OFF", "true", "False",
                     "0", "00", "07", "08", "09", "0o7", "0o8", "0o", "0b", "0b101", "0b102", "0x", "0x1F", "0xg", "-0x1f",
                     "+12", "-0", "1_000", "_1", "1:20", "1:60", "1:5:9", "190:20:30", "0:20", "1:2.5", "1:20.", "+1:2:3.",
                     "1.", "1.5", "-1.5e3", "1e5", "1e", "1e+", "1.5E-7", ".5", ".5e3", ".5e+3", "-.5", ".", "..", "._",
                     ".inf", "-.Inf", "+.INF", ".iNf", ".nan", "-.nan", ".NaN", "<<", "=", "==", "<", "2001-12-14",
                     "2001-1-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43Z",
                     "2001-12-14T21:59:43 Z", "2001-12-14T21:59:43 ", "2001-12-14T1:59:43", "2001-12-14T21:5:43",
                     "2001-12-14T21:59:43.", "2001-12-14T21:59:43+05:0", "2001-12-1", "201-12-14", "pi", "2*pi",
                     "-pi/2", "0.125", "1e-300", "123abc", "12 34", "1__", "0x_", "0b_", "0o_", "+", "-", "+.", "1_:2"]
        for text in cases {
            XCTAssertEqual(YAMLImplicitTag.of(text), yams(text), "'\(text)'")
        }
    }

    func testRandomScalarsFromTheRulesAlphabet() {
        let pieces = ["0", "1", "5", "6", "7", "8", "9", "_", ".", ":", "-", "+", "e", "E", "b", "o", "x", "a", "F",
                      "inf", "nan", "Inf", "NaN", "T", "t", " ", "Z", "yes", "null", "~", "<<", "=", "2001-", "12-",
                      "14", "21:59:43"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var tags: [Tag.Name: Int] = [:]
        for _ in 0..<20_000 {
            let text = (0..<(1 + next(6))).map { _ in pieces[next(pieces.count)] }.joined()
            let expected = yams(text)
            tags[expected, default: 0] += 1
            XCTAssertEqual(YAMLImplicitTag.of(text), expected, "'\(text)'")
        }
        // Timestamps need structure: random field widths, separators and zones.
        func digits(_ range: ClosedRange<Int>) -> String {
            String((0..<(range.lowerBound + next(range.count))).map { _ in Character(String(next(10))) })
        }
        let separators = ["T", "t", " ", "  ", "\t", "x", ""], zones = ["", "Z", " Z", "+5", "-05:00", "+05:0", " -5", "z"]
        for _ in 0..<5_000 {
            var text = digits(3...5) + "-" + digits(1...3) + "-" + digits(1...3)
            if next(3) > 0 {
                text += separators[next(separators.count)] + digits(1...3) + ":" + digits(1...3) + ":" + digits(1...3)
                if next(2) == 0 { text += "." + digits(0...2) }
                text += zones[next(zones.count)]
            }
            let expected = yams(text)
            tags[expected, default: 0] += 1
            XCTAssertEqual(YAMLImplicitTag.of(text), expected, "'\(text)'")
        }
        // The generators must reach every rule, or the comparison proves little.
        for tag in [Tag.Name.int, .float, .bool, .null, .str, .timestamp] {
            XCTAssertGreaterThan(tags[tag] ?? 0, 5, "\(tag.rawValue)")
        }
    }
}
