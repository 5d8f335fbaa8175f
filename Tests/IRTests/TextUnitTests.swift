import XCTest
@testable import IR

/// The byte fast paths of IR's text helpers against the Character (or
/// original) code they stand in for, on every ASCII character and on
/// deterministic random strings that mix ASCII, CR LF, Unicode whitespace,
/// combining marks and other non-ASCII text.
final class TextUnitTests: XCTestCase {
    static let alphabet = ["a", "Z", "q", "0", "9", "_", "-", ".", ":", "|", ">", "[", "]", "(", ")", ",", " ", "\t",
                           "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "é", "e\u{301}", "\u{301}", "\u{00A0}", "\u{2003}",
                           "ψ", "√", "≈", "π", "🇺🇸", "K", "ſ", "İ", "\u{0600}", "Cluster: ", "measure", "MEASURE"]

    /// Deterministic random strings of `count` tokens (an LCG, so runs repeat).
    static func samples(_ n: Int, tokens: [String] = alphabet, seed: UInt64 = 7) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<n).map { _ in (0..<(next() % 12)).map { _ in tokens[next() % tokens.count] }.joined() }
    }

    func testASCIIBytePropertiesAreCharacterProperties() {
        for value in UInt8(0)..<0x80 {
            let byte = ASCIIByte(value), character = Character(Unicode.Scalar(value))
            XCTAssertEqual(byte.isWhitespace, character.isWhitespace, "\(value)")
            XCTAssertEqual(byte.isNewline, character.isNewline, "\(value)")
            XCTAssertEqual(byte.isLetter, character.isLetter, "\(value)")
            XCTAssertEqual(byte.isNumber, character.isNumber, "\(value)")
            XCTAssertEqual(byte.isASCII, character.isASCII, "\(value)")
            XCTAssertEqual(byte.asciiValue, character.asciiValue, "\(value)")
            XCTAssertEqual(byte.character, character, "\(value)")
        }
    }

    func testPlainASCIITextHasOneCharacterPerByte() {
        for text in Self.samples(3000) {
            XCTAssertEqual(text.isPlainASCII, text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }, text.debugDescription)
            guard text.isPlainASCII else { continue }
            XCTAssertEqual(ASCIIByte.units(text).map(\.character), Array(text), text.debugDescription)
            XCTAssertEqual(ASCIIByte.string(ASCIIByte.units(text)[...]), text)
        }
    }

    func testCharacterStringIsStringOfCharacters() {
        for text in Self.samples(2000) {
            let characters = Array(text)
            XCTAssertEqual(Character.string(characters[...]), String(characters), text.debugDescription)
            if characters.count > 2 {
                XCTAssertEqual(Character.string(characters[1..<(characters.count - 1)]),
                               String(characters[1..<(characters.count - 1)]), text.debugDescription)
            }
        }
    }

    func testLiteralMatchOnBytesIsTheCharacterMatch() {
        let literals = ["if", "IF", "bits[", "measure", "≈", "->", "e\u{301}", "", "|", "Cluster: "]
        for text in Self.samples(2000) where text.isPlainASCII {
            let bytes = ASCIIByte.units(text), characters = Array(text)
            for literal in literals {
                for start in 0...characters.count {
                    for ignoringCase in [false, true] {
                        XCTAssertEqual(ASCIIByte.match(literal, in: bytes, at: start, ignoringCase: ignoringCase),
                                       Character.match(literal, in: characters, at: start, ignoringCase: ignoringCase),
                                       "\(text.debugDescription) \(literal) \(start)")
                    }
                }
            }
        }
    }

    func testFirstIndexOfASCIIIsFirstIndexOf() {
        for text in Self.samples(3000) {
            for scalar in ["|", ":", ">", "[", "#", "("] as [Unicode.Scalar] {
                XCTAssertEqual(text.firstIndex(ofASCII: scalar), text.firstIndex(of: Character(scalar)), text.debugDescription)
                let tail = text.dropFirst()
                XCTAssertEqual(tail.firstIndex(ofASCII: scalar), tail.firstIndex(of: Character(scalar)), text.debugDescription)
            }
        }
    }

    func testContainsIgnoringASCIICaseIsAFoldedByteSearch() {
        func reference(_ text: String, _ needle: String) -> Bool {
            let hay = Array(text.utf8), pattern = Array(needle.utf8)
            guard !pattern.isEmpty else { return true }
            guard hay.count >= pattern.count else { return false }
            func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }
            return (0...(hay.count - pattern.count)).contains { start in
                pattern.indices.allSatisfy { fold(hay[start + $0]) == fold(pattern[$0]) }
            }
        }
        for text in Self.samples(2000) {
            for needle in ["measure", "bell", "e\u{301}", "", "CLUSTER"] {
                XCTAssertEqual(text.containsIgnoringASCIICase(needle), reference(text, needle), text.debugDescription)
                XCTAssertEqual(text.dropFirst().containsIgnoringASCIICase(needle), reference(String(text.dropFirst()), needle))
            }
        }
    }

    func testSlugIsPolygramsSlug() throws {
        // The implementation the byte version replaced.
        func reference(_ name: String) -> String? {
            var out = ""
            var inRun = false
            for scalar in name.unicodeScalars {
                let v = scalar.value
                if (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) {
                    out.unicodeScalars.append(scalar)
                    inRun = false
                } else if !inRun {
                    out += "_"
                    inRun = true
                }
            }
            let result = String(out.drop { $0 == "_" }.reversed().drop { $0 == "_" }.reversed()).lowercased()
            return result.isEmpty ? nil : result
        }
        for name in Self.samples(3000) + ["Dog Poodle", "__x__", "", "é", "A1-b2"] {
            XCTAssertEqual(try? slug(name), reference(name), name.debugDescription)
        }
    }
}
