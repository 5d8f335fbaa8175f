/// Python's `repr(float)`: the shortest round-tripping digits, fixed notation
/// for decimal exponents in [-4, 16), scientific otherwise (polygram-core.md §0.1).
///
/// Swift's `description` already produces the shortest digits and agrees with
/// Python everywhere except finite magnitudes in [2^53, 1e16), where Swift
/// switches to exponent form; that band is rewritten as fixed digits + ".0".
public enum PythonFloat {
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = value.description
        let magnitude = value.magnitude
        guard magnitude >= 9007199254740992.0, magnitude < 1e16 else { return text }
        return fixedFromScientific(text)
    }

    /// Rewrites `d.ddde+15` as `dddd…d.0` (the value is an integer in this band).
    static func fixedFromScientific(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(text[text.index(after: e)...]) else { return text }
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction == "0" { fraction = "" }
        let digits = whole + fraction
        let integerDigits = whole.count + exponent
        let padded = digits.count >= integerDigits
            ? String(digits.prefix(integerDigits))
            : digits + String(repeating: "0", count: integerDigits - digits.count)
        return (negative ? "-" : "") + padded + ".0"
    }
}
