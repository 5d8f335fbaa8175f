import Yams

/// The tag Yams's default resolver gives an untagged plain scalar (YAML 1.1:
/// bool, int, float, merge, null, timestamp, value, else str, tried in that
/// order), decided by hand. Yams decides it with seven NSRegularExpressions,
/// and compiling the first one initialises ICU's regex tables: about a
/// millisecond of every `compile` and `run`. Each rule below quotes the
/// pattern it replaces; a differential test holds them to Yams's.
enum YAMLImplicitTag {
    static func of(_ text: String) -> Tag.Name {
        let s = Array(text.utf8)
        if bools.contains(text) { return .bool }
        if isInt(s) { return .int }
        if isFloat(text, s) { return .float }
        if text == "<<" { return .merge }
        if nulls.contains(text) { return .null }
        if isTimestamp(s) { return .timestamp }
        if text == "=" { return .value }
        return .str
    }

    private typealias Bytes = [UInt8]

    /// `yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF`
    private static let bools: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
                                             "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]

    /// `~|null|Null|NULL|` (empty)
    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// `[-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
    ///  | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`
    private static func isInt(_ s: Bytes) -> Bool {
        var c = Cursor(s)
        c.sign()
        let start = c.i
        if c.literal("0b") { return c.run(binary) && c.atEnd }
        c.i = start
        if c.literal("0x") { return c.run(hex) && c.atEnd }
        c.i = start
        if c.literal("0") {
            if c.atEnd { return true }
            _ = c.literal("o")
            return c.run(octal) && c.atEnd
        }
        guard c.one(nonZeroDigit) else { return false }
        c.skip(digitOrUnderscore)
        if c.atEnd { return true }
        return c.sexagesimal() && c.atEnd
    }

    /// `[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)? | \.[0-9_]+(?:[eE][-+][0-9]+)?
    ///  | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`
    private static func isFloat(_ text: String, _ s: Bytes) -> Bool {
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        var c = Cursor(s)
        c.sign()
        let afterSign = c.i
        if c.literal("."), [".inf", ".Inf", ".INF"].contains("." + String(decoding: s[c.i...], as: UTF8.self)) {
            return true
        }
        c.i = afterSign
        if c.one(digit) {
            c.skip(digitOrUnderscore)
            let afterInteger = c.i
            // Decimal form.
            if c.literal(".") { c.skip(digitOrUnderscore) }
            if c.one({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                _ = c.one({ $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") })
                if !c.run(digit) { c.i = -1 }
            }
            if c.i >= 0, c.atEnd { return true }
            // Sexagesimal form.
            c.i = afterInteger
            guard c.sexagesimal(), c.literal(".") else { return false }
            c.skip(digitOrUnderscore)
            return c.atEnd
        }
        // `.5`, `.5e+3`: no sign before the dot, a signed exponent only.
        c.i = 0
        guard c.literal("."), c.run(digitOrUnderscore) else { return false }
        if c.atEnd { return true }
        guard c.one({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
              c.one({ $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }), c.run(digit) else { return false }
        return c.atEnd
    }

    /// `[0-9]{4}-[0-9]{2}-[0-9]{2}
    ///  | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
    ///    (?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?`
    private static func isTimestamp(_ s: Bytes) -> Bool {
        var c = Cursor(s)
        guard c.digits(4...4), c.literal("-"), let month = c.digitCount(1...2), c.literal("-"),
              let day = c.digitCount(1...2) else { return false }
        if c.atEnd { return month == 2 && day == 2 }
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard c.one({ $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) || c.run(blank) else { return false }
        guard c.digits(1...2), c.literal(":"), c.digits(2...2), c.literal(":"), c.digits(2...2) else { return false }
        if c.literal(".") { c.skip(digit) }
        if c.atEnd { return true }
        c.skip(blank)
        if c.literal("Z") { return c.atEnd }
        guard c.one({ $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }), c.digits(1...2) else { return false }
        if c.atEnd { return true }
        return c.literal(":") && c.digits(2...2) && c.atEnd
    }

    private static func digit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func nonZeroDigit(_ b: UInt8) -> Bool { b >= 49 && b <= 57 }
    private static func digitOrUnderscore(_ b: UInt8) -> Bool { digit(b) || b == UInt8(ascii: "_") }
    private static func binary(_ b: UInt8) -> Bool { b == 48 || b == 49 || b == UInt8(ascii: "_") }
    private static func octal(_ b: UInt8) -> Bool { (b >= 48 && b <= 55) || b == UInt8(ascii: "_") }
    private static func hex(_ b: UInt8) -> Bool {
        digitOrUnderscore(b) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102)
    }

    /// A position in the scalar's UTF-8.
    private struct Cursor {
        let s: Bytes
        var i = 0
        init(_ s: Bytes) { self.s = s }

        var atEnd: Bool { i == s.count }

        mutating func literal(_ text: String) -> Bool {
            let t = Array(text.utf8)
            guard i + t.count <= s.count, Array(s[i..<(i + t.count)]) == t else { return false }
            i += t.count
            return true
        }

        mutating func one(_ p: (UInt8) -> Bool) -> Bool {
            guard i < s.count, p(s[i]) else { return false }
            i += 1
            return true
        }

        mutating func skip(_ p: (UInt8) -> Bool) { while i < s.count, p(s[i]) { i += 1 } }

        /// One or more.
        mutating func run(_ p: (UInt8) -> Bool) -> Bool {
            let start = i
            skip(p)
            return i > start
        }

        mutating func sign() { _ = one { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") } }

        /// A run of ASCII digits whose length is in `range` (the whole run).
        mutating func digitCount(_ range: ClosedRange<Int>) -> Int? {
            let start = i
            skip(YAMLImplicitTag.digit)
            guard range.contains(i - start) else { return nil }
            return i - start
        }

        mutating func digits(_ range: ClosedRange<Int>) -> Bool { digitCount(range) != nil }

        /// `(?::[0-5]?[0-9])+`: each group one digit, or two with the first 0–5.
        mutating func sexagesimal() -> Bool {
            var groups = 0
            while literal(":") {
                let start = i
                skip(YAMLImplicitTag.digit)
                let n = i - start
                guard n == 1 || (n == 2 && s[start] <= UInt8(ascii: "5")) else { return false }
                groups += 1
            }
            return groups > 0
        }
    }
}
