import Foundation
import IR

/// Python's `float(text)` for the literals the angle language accepts:
/// decimals with optional exponent, `_` between digits, `inf`, `infinity`,
/// `nan` (any case), surrounding whitespace. Hex is rejected, as in Python.
enum PythonFloatLiteral {
    static func parse(_ raw: String) -> Double? {
        if let value = plainDecimal(raw) { return value }
        if raw.isPlainASCII { return parseASCII(ASCIIByte.units(raw)) }
        let text = raw.trimmingCharacters(in: .whitespaces)
        var body = Substring(text)
        var sign = 1.0
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        guard isDecimal(Array(body)[...]), let value = Double(body.replacingOccurrences(of: "_", with: "")) else { return nil }
        return sign * value
    }

    /// `parse` of plain-ASCII text without Foundation: `.whitespaces` is
    /// space and tab there, and dropping `_` is a byte filter.
    private static func parseASCII(_ units: [ASCIIByte]) -> Double? {
        var body = units[...]
        while let c = body.first, c == " " || c == "\t" { body.removeFirst() }
        while let c = body.last, c == " " || c == "\t" { body.removeLast() }
        var sign = 1.0
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch ASCIIByte.string(body).lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        guard isDecimal(body), let value = Double(ASCIIByte.string(body.filter { $0 != "_" })) else { return nil }
        return sign * value
    }

    /// Fast path for the common case (`-0.5`, `1e-05`): only digits, sign,
    /// dot and exponent characters, where Swift's correctly rounded parser
    /// agrees with Python's `float()` (hex and `inf` cannot occur).
    @inline(__always)
    static func plainDecimal(_ text: String) -> Double? {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count < 64 else { return nil }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"):
                continue
            default:
                return nil
            }
        }
        return Double(text)
    }

    /// digits[.digits][e[+-]digits] or .digits[…], `_` only between digits.
    private static func isDecimal<U: TextUnit>(_ c: ArraySlice<U>) -> Bool {
        var i = c.startIndex
        func digitRun() -> Int {
            var n = 0
            while i < c.endIndex {
                if c[i].isASCII, c[i].isNumber { n += 1; i += 1; continue }
                if c[i] == "_", n > 0, i + 1 < c.endIndex, c[i + 1].isASCII, c[i + 1].isNumber { i += 1; continue }
                break
            }
            return n
        }
        let whole = digitRun()
        var fraction = 0
        if i < c.endIndex, c[i] == "." {
            i += 1
            fraction = digitRun()
        }
        guard whole + fraction > 0 else { return false }
        if i < c.endIndex, c[i] == "e" || c[i] == "E" {
            i += 1
            if i < c.endIndex, c[i] == "+" || c[i] == "-" { i += 1 }
            guard digitRun() > 0 else { return false }
        }
        return i == c.endIndex
    }
}
