import Foundation
import IR

/// q-orca's guard grammar (qorca-language.md §2.7), rules tried in order.
/// Each rule is a hand-written scanner for the regex in its doc comment
/// (prefix match: nothing is required after the last group unless stated).
enum GuardConditionParser {
    static func parse(_ raw: String) -> GuardCondition {
        let text = raw.trimmingSpaces
        if text == "true" { return .literal(true) }
        if text == "false" { return .literal(false) }
        if let g = fidelity(text), let value = Double(g.value) {
            return .fidelity(g.ket1, g.ket2, op: g.op, value: value)
        }
        if let g = probability(text), let value = Double(g.value) {
            return .probability(bitstring: g.bitstring, value: value)
        }
        if let g = comparison(text) {
            return .compare(path: g.path.split(separator: ".", omittingEmptySubsequences: false).map(String.init), op: g.op,
                            value: g.value.trimmingSpaces)
        }
        return .unrecognized
    }

    /// `^fidelity\(\s*(\|[^>]+>)\s*,\s*(\|[^>]+>)\s*\)\s*\*\*\s*2\s*(≈|==|!=|<=|>=|<|>)\s*([\d.]+)`
    static func fidelity(_ text: String) -> (ket1: String, ket2: String, op: String, value: String)? {
        var s = TextScanner(text)
        guard s.literal("fidelity("), s.skipWhitespace(), let ket1 = ket(&s), s.skipWhitespace(), s.literal(","),
              s.skipWhitespace(), let ket2 = ket(&s), s.skipWhitespace(), s.literal(")"), s.skipWhitespace(),
              s.literal("**"), s.skipWhitespace(), s.literal("2"), s.skipWhitespace(),
              let op = s.oneOf(["≈", "==", "!=", "<=", ">=", "<", ">"]), s.skipWhitespace(),
              let value = s.run(while: isDigitOrDot) else { return nil }
        return (ket1, ket2, op, value)
    }

    /// `^prob(?:_collapse)?\(\s*'([^']+)'\s*\)\s*(≈|==|=|!=|<=|>=|<|>)\s*([\d.]+)`
    static func probability(_ text: String) -> (bitstring: String, op: String, value: String)? {
        var s = TextScanner(text)
        guard s.literal("prob") else { return nil }
        _ = s.literal("_collapse")  // without it, `\(` could not match the `_`
        guard s.literal("("), s.skipWhitespace(), s.literal("'"), let bits = s.run(while: { $0 != "'" }),
              s.literal("'"), s.skipWhitespace(), s.literal(")"), s.skipWhitespace(),
              let op = s.oneOf(["≈", "==", "=", "!=", "<=", ">=", "<", ">"]), s.skipWhitespace(),
              let value = s.run(while: isDigitOrDot) else { return nil }
        return (bits, op, value)
    }

    /// `^([a-zA-Z_][\w.]*)\s*(==|!=|<=|>=|<|>|≈)\s*(.+)$` as ICU (Foundation)
    /// reads it: `.` stops at line breaks and `$` also matches before a final
    /// line break. `(.+)` can take what a longer operator took (`x >= ` is `>`
    /// with value `=`), and the greedy `\s*` gives back whitespace until `(.+)$` fits.
    static func comparison(_ text: String) -> (path: String, op: String, value: String)? {
        var s = TextScanner(text)
        guard let head = s.current, TextScanner.isIdentifierHead(head) else { return nil }
        let path = s.run(while: { TextScanner.isWord($0) || $0 == "." })!
        s.skipWhitespace()
        return s.oneOf(["==", "!=", "<=", ">=", "<", ">", "≈"]) { op, s in
            let afterOp = s.position
            s.skipWhitespace()
            let chars = s.characters
            for start in stride(from: s.position, through: afterOp, by: -1) {
                let end = chars[start...].firstIndex(where: \.isNewline) ?? chars.count
                if end > start, end >= chars.count - 1 { return (path, op, s.text(start..<end)) }
            }
            return nil
        }
    }

    /// `(\|[^>]+>)`.
    private static func ket(_ s: inout TextScanner<Character>) -> String? {
        let start = s.position
        guard s.literal("|"), s.run(while: { $0 != ">" }) != nil, s.literal(">") else { return nil }
        return s.text(start..<s.position)
    }

    /// `[\d.]`.
    private static func isDigitOrDot(_ c: Character) -> Bool { c == "." || TextScanner.isDigit(c) }
}
