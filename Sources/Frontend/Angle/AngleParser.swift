import Foundation
import IR

/// An angle expression that does not parse. `offset` is the character offset
/// of the failing sub-term within the text given to `AngleParser.parse`.
public struct AngleSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public var description: String { message }
}

/// Parser for Q-Orca's angle language (qorca-language.md §4.1, grammars/angle.ebnf).
///
/// The result is symbolic: identifiers become `.symbol` and are bound when the
/// expression is evaluated, so the same parse serves action templates (bound
/// per call site) and context-field references.
public enum AngleParser {
    /// Parses `text`. With `allowPiGlyph`, `π` is read as `pi` (spec files only;
    /// the machine language does not accept the glyph).
    public static func parse(_ text: String, allowPiGlyph: Bool = false) throws -> AngleExpr {
        if let value = PythonFloatLiteral.plainDecimal(text) { return .number(value) }
        var source = text
        if allowPiGlyph { source = source.replacingOccurrences(of: "π", with: "pi") }
        return source.isPlainASCII ? try parse(ASCIIByte.units(source)) : try parse(Character.units(source))
    }

    private static func parse<U: TextUnit>(_ chars: [U]) throws -> AngleExpr {
        try parseTerm(chars, 0, chars.count)
    }

    // MARK: - Recursive descent over [start, end)

    private static func parseTerm<U: TextUnit>(_ chars: [U], _ start: Int, _ end: Int) throws -> AngleExpr {
        let (lo, hi) = trimmed(chars, start, end)
        guard lo < hi else { throw AngleSyntaxError(message: "empty angle expression", offset: start) }

        let splits = splitPoints(chars, lo, hi)
        if !splits.isEmpty {
            var bounds = [lo] + splits
            bounds.append(hi)
            var terms: [AngleExpr] = []
            for i in 0..<(bounds.count - 1) {
                terms.append(try parseTerm(chars, bounds[i], bounds[i + 1]))
            }
            return .sum(terms)
        }

        var cursor = lo
        var negative = false
        if chars[cursor] == "-" || chars[cursor] == "+" {
            negative = chars[cursor] == "-"
            cursor += 1
        }
        let atom = try parseAtom(chars, cursor, hi)
        return negative ? .negated(atom) : atom
    }

    private static func parseAtom<U: TextUnit>(_ chars: [U], _ start: Int, _ end: Int) throws -> AngleExpr {
        let (lo, hi) = trimmed(chars, start, end)
        guard lo < hi else { throw AngleSyntaxError(message: "missing angle after sign", offset: start) }
        if chars[lo] == "(", chars[hi - 1] == ")", matchingParen(chars, lo, hi) == hi - 1 {
            return .parenthesized(try parseTerm(chars, lo + 1, hi - 1))
        }
        let text = U.string(chars[lo..<hi])
        if let value = PythonFloatLiteral.parse(text) { return .number(value) }
        // Rescanned from the text, as before (the atom's own Characters).
        let atom = U.units(text)
        if let expr = try piForm(text, atom, offset: lo) { return expr }
        if let expr = try symbolForm(text, atom, offset: lo) { return expr }
        throw AngleSyntaxError(
            message: "unrecognized angle expression '\(text)'; supported forms: decimal, pi, pi/<int>, "
                + "<int>*pi, <int>*pi/<int>, and parameter or context-field references "
                + "(name, <int>*name, name/<int>, name*pi, pi*name)",
            offset: lo)
    }

    // MARK: - Atom forms

    private static let pi = 3.141592653589793

    /// `pi`, `pi/d`, `k*pi`, `kpi`, `k*pi/d` (whitespace allowed around `*` and `/`).
    private static func piForm<U: TextUnit>(_ text: String, _ units: [U], offset: Int) throws -> AngleExpr? {
        var scanner = TokenScanner(units)
        var numerator = 1
        var hasCoefficient = false
        if let k = scanner.integer() {
            numerator = k
            hasCoefficient = true
            scanner.skipSpaces()
            _ = scanner.consume("*")
            scanner.skipSpaces()
        }
        guard scanner.consumeWord("pi") else { return nil }
        scanner.skipSpaces()
        if scanner.atEnd {
            return .number(hasCoefficient ? Double(numerator) * pi : pi)
        }
        guard scanner.consume("/") else { return nil }
        scanner.skipSpaces()
        guard let d = scanner.integer(), scanner.atEnd else { return nil }
        guard d != 0 else { throw AngleSyntaxError(message: "division by zero in angle '\(text)'", offset: offset) }
        return .number((hasCoefficient ? Double(numerator) * pi : pi) / Double(d))
    }

    /// `name`, `k*name`, `kname`, `name/d`, `name*pi`, `pi*name`.
    private static func symbolForm<U: TextUnit>(_ text: String, _ units: [U], offset: Int) throws -> AngleExpr? {
        var scanner = TokenScanner(units)
        if scanner.consumeWord("pi") {
            scanner.skipSpaces()
            guard scanner.consume("*") else { return nil }
            scanner.skipSpaces()
            guard let name = scanner.identifier(), scanner.atEnd else { return nil }
            return .scaled(.symbol(name), by: pi)
        }
        if let k = scanner.integer() {
            scanner.skipSpaces()
            _ = scanner.consume("*")
            scanner.skipSpaces()
            guard let name = scanner.identifier(), scanner.atEnd, name != "pi" else { return nil }
            return .scaled(.symbol(name), by: Double(k))
        }
        guard let name = scanner.identifier() else { return nil }
        scanner.skipSpaces()
        if scanner.atEnd { return .symbol(name) }
        if scanner.consume("*") {
            scanner.skipSpaces()
            guard scanner.consumeWord("pi"), scanner.atEnd else { return nil }
            return .scaled(.symbol(name), by: pi)
        }
        if scanner.consume("/") {
            scanner.skipSpaces()
            guard let d = scanner.integer(), scanner.atEnd else { return nil }
            guard d != 0 else { throw AngleSyntaxError(message: "division by zero in angle '\(text)'", offset: offset) }
            return .divided(.symbol(name), by: Double(d))
        }
        return nil
    }

    // MARK: - Helpers

    private static func trimmed<U: TextUnit>(_ chars: [U], _ start: Int, _ end: Int) -> (Int, Int) {
        var lo = start, hi = end
        while lo < hi, chars[lo].isWhitespace { lo += 1 }
        while hi > lo, chars[hi - 1].isWhitespace { hi -= 1 }
        return (lo, hi)
    }

    private static func matchingParen<U: TextUnit>(_ chars: [U], _ open: Int, _ end: Int) -> Int? {
        var depth = 0
        for i in open..<end {
            if chars[i] == "(" { depth += 1 }
            if chars[i] == ")" {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    /// Offsets of top-level `+`/`-` that start a new term (§4.1 step 1).
    private static func splitPoints<U: TextUnit>(_ chars: [U], _ lo: Int, _ hi: Int) -> [Int] {
        var points: [Int] = []
        var depth = 0
        var i = (chars[lo] == "+" || chars[lo] == "-") ? lo + 1 : lo
        while i < hi {
            let c = chars[i]
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } else if depth == 0, c == "+" || c == "-" {
                if let prev = previousNonSpace(chars, before: i, lo: lo),
                   !Self.isOperatorOrOpen(chars[prev]),
                   !isExponentMarker(chars, prev, lo: lo) {
                    points.append(i)
                }
            }
            i += 1
        }
        return points
    }

    private static func previousNonSpace<U: TextUnit>(_ chars: [U], before index: Int, lo: Int) -> Int? {
        var j = index - 1
        while j >= lo, chars[j].isWhitespace { j -= 1 }
        return j >= lo ? j : nil
    }

    /// One of `+-*/(`.
    private static func isOperatorOrOpen<U: TextUnit>(_ c: U) -> Bool {
        c == "+" || c == "-" || c == "*" || c == "/" || c == "("
    }

    /// An `e`/`E` directly after a numeric mantissa (digits with at most one `.`).
    private static func isExponentMarker<U: TextUnit>(_ chars: [U], _ index: Int, lo: Int) -> Bool {
        guard chars[index] == "e" || chars[index] == "E" else { return false }
        var j = index - 1
        var digits = 0, dots = 0
        func isDigit(_ k: Int) -> Bool { k >= lo && k < chars.count && chars[k].isASCII && chars[k].isNumber }
        // Python floats allow "_" between digits ("1_0e-5").
        while j >= lo, (chars[j].isASCII && chars[j].isNumber) || chars[j] == "." || (chars[j] == "_" && isDigit(j - 1) && isDigit(j + 1)) {
            if chars[j] == "." { dots += 1 } else if chars[j] != "_" { digits += 1 }
            j -= 1
        }
        if j >= lo, chars[j] == "_" || chars[j].isLetter { return false }
        return digits > 0 && dots <= 1
    }
}
