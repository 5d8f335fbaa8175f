import XCTest
import IR

/// `PythonString.repr` as Python 3 prints it.
final class PythonStringTests: XCTestCase {
    /// Every ASCII character alone: printable ones as they are, the three
    /// named escapes, other controls (and DEL) as \xNN.
    func testEveryASCIICharacter() {
        for value in UInt32(0)..<128 {
            let scalar = Unicode.Scalar(value)!
            let expected: String
            switch value {
            case 0x09: expected = "'\\t'"
            case 0x0A: expected = "'\\n'"
            case 0x0D: expected = "'\\r'"
            case 0x27: expected = "\"'\""
            case 0x5C: expected = "'\\\\'"
            case 0x20..<0x7F: expected = "'\(Character(scalar))'"
            default: expected = "'\\x" + (value < 16 ? "0" : "") + String(value, radix: 16) + "'"
            }
            XCTAssertEqual(PythonString.repr(String(Character(scalar))), expected, "U+\(String(value, radix: 16))")
        }
    }

    /// Outside ASCII, Python's str.isprintable: letters stay, separators,
    /// format and private-use characters are escaped.
    func testNonASCII() {
        XCTAssertEqual(PythonString.repr("é€ü"), "'é€ü'")
        XCTAssertEqual(PythonString.repr("a\u{00A0}b"), "'a\\xa0b'")
        XCTAssertEqual(PythonString.repr("\u{200B}"), "'\\u200b'")
        XCTAssertEqual(PythonString.repr("\u{E000}"), "'\\ue000'")
        XCTAssertEqual(PythonString.repr("\u{2028}"), "'\\u2028'")
        XCTAssertEqual(PythonString.repr("it's \"x\""), "'it\\'s \"x\"'")
    }
}
