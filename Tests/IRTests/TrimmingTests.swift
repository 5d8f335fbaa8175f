import Foundation
import XCTest
import IR

/// `trimmingSpaces` and `trimmingSpacesAndNewlines` are Foundation's
/// `trimmingCharacters(in: .whitespaces / .whitespacesAndNewlines)`, on ASCII
/// and on any Unicode text.
final class TrimmingTests: XCTestCase {
    func testMatchesFoundation() {
        // Every space and line separator, the ASCII controls, look-alikes that are not whitespace, and ordinary text.
        var pool: [Unicode.Scalar] = (0x00...0x20).map { Unicode.Scalar($0)! } + [
            "\u{7F}", "\u{85}", "\u{A0}", "\u{1680}", "\u{180E}", "\u{200B}", "\u{202F}", "\u{205F}", "\u{2028}",
            "\u{2029}", "\u{3000}", "\u{FEFF}", "\u{301}", "a", "≈", "é", "日", "😀", ".", "-",
        ]
        pool += (0x2000...0x200A).map { Unicode.Scalar($0)! }
        var generator = SystemRandomNumberGenerator()
        var texts = pool.map { String(Character($0)) }
        for _ in 0..<3_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...8, using: &generator) { s.append(pool.randomElement(using: &generator)!) }
            texts.append(String(s))
        }
        for text in texts {
            let scalars = text.unicodeScalars.map { String($0.value, radix: 16) }
            XCTAssertEqual(text.trimmingSpaces, text.trimmingCharacters(in: .whitespaces), "\(scalars)")
            XCTAssertEqual(text.trimmingSpacesAndNewlines, text.trimmingCharacters(in: .whitespacesAndNewlines), "\(scalars)")
            XCTAssertEqual(Substring(text).trimmingSpaces, text.trimmingCharacters(in: .whitespaces), "\(scalars)")
        }
    }

    /// The two sets are Foundation's, scalar for scalar.
    func testSetsMatchFoundationEverywhere() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(UnicodeSpaces.isSpace(scalar), CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            XCTAssertEqual(UnicodeSpaces.isSpaceOrNewline(scalar), CharacterSet.whitespacesAndNewlines.contains(scalar),
                           "U+\(String(value, radix: 16))")
        }
    }
}
