import IR

/// The context-update grammar (qorca-language.md §3.6) as scanners, shared by
/// the reader (`ContextUpdateParser`, which validates) and the verifier
/// (`ContextUpdate`, which recovers the structure). Each function is the regex
/// in its doc comment. The two sides were written with slightly different
/// regexes (the reader's Swift `Regex`, the verifier's ICU patterns through Foundation);
/// the differences are kept, as parameters, so neither side changes behaviour.
public enum ContextUpdateGrammar {
    /// A mutation's captures; `index` is nil when the `[…]` group is absent.
    public struct Mutation: Equatable {
        public var field: String
        public var index: String?
        public var op: String
        public var rhs: String
    }

    /// `if bits[bit] == value: body`.
    public struct Conditional: Equatable {
        public var bit: String
        public var value: String
        public var body: String
    }

    /// What `\b` means: Swift `Regex`'s default Unicode word boundaries
    /// (UAX #29: no boundary inside `a.else`, `a:else`, `a'else`) or
    /// ICU's (Foundation's) simple `\w`/`\W` boundary.
    public enum WordBoundary: Sendable { case unicode, simple }

    /// `^\s*(?:ctx\.)?[A-Za-z_][A-Za-z0-9_]*(?:\[\s*-?\d+\s*\])?\s*(?:=(?!=)|\+=|-=)`, prefix match.
    public static func looksLikeMutation(_ text: String) -> Bool {
        text.isPlainASCII ? looksLikeMutation(ASCIIByte.units(text)) : looksLikeMutation(Character.units(text))
    }

    static func looksLikeMutation<U: TextUnit>(_ chars: [U]) -> Bool {
        var s = TextScanner(characters: chars)
        for ctxPrefix in [true, false] {
            s.position = 0
            guard head(&s, ctxPrefix: ctxPrefix) != nil else { continue }
            if s.literal("+=") || s.literal("-=") { return true }
            if s.literal("="), s.current != "=" { return true }
        }
        return false
    }

    /// `^\s*(?:ctx\.)?([A-Za-z_][A-Za-z0-9_]*)(?:\[\s*(-?\d+)\s*\])?\s*(=|\+=|-=)\s*(\S.*?)\s*$`, whole
    /// match. `(\S.*?)\s*$` is the text up to its last non-whitespace character, which must not
    /// span a line break (`.`).
    public static func mutation(_ text: some StringProtocol) -> Mutation? {
        let text = String(text)
        return text.isPlainASCII ? mutation(ASCIIByte.units(text)) : mutation(Character.units(text))
    }

    private static func mutation<U: TextUnit>(_ chars: [U]) -> Mutation? {
        var s = TextScanner(characters: chars)
        for ctxPrefix in [true, false] {  // `(?:ctx\.)?` is greedy: with the prefix first, then without
            s.position = 0
            guard let (field, index) = head(&s, ctxPrefix: ctxPrefix), let op = s.oneOf(["=", "+=", "-="]),
                  s.skipWhitespace(), let first = s.current, !first.isWhitespace else { continue }
            let end = s.characters.lastIndex { !$0.isWhitespace }! + 1
            guard !s.characters[s.position..<end].contains(where: \.isNewline) else { continue }
            return Mutation(field: field, index: index, op: op, rhs: s.text(s.position..<end))
        }
        return nil
    }

    /// `^if\s+bits\[\s*(\d+)\s*\]\s*==\s*([01])\s*:\s*(.*)$` (`spacedIndex`, the reader's) or
    /// `^if\s+bits\[(\d+)\]\s*==\s*([01])\s*:\s*(.*)$` (the verifier's), case-insensitive,
    /// `.` matching newlines, whole match.
    public static func conditional(_ text: String, spacedIndex: Bool) -> Conditional? {
        text.isPlainASCII ? conditional(ASCIIByte.units(text), spacedIndex: spacedIndex)
                          : conditional(Character.units(text), spacedIndex: spacedIndex)
    }

    private static func conditional<U: TextUnit>(_ chars: [U], spacedIndex: Bool) -> Conditional? {
        var s = TextScanner(characters: chars)
        guard s.literal("if", ignoringCase: true), s.skipRequiredWhitespace(), s.literal("bits[", ignoringCase: true),
              !spacedIndex || s.skipWhitespace(), let bit = s.digits(), !spacedIndex || s.skipWhitespace(),
              s.literal("]"), s.skipWhitespace(), s.literal("=="), s.skipWhitespace(),
              let value = s.oneOf(["0", "1"]), s.skipWhitespace(), s.literal(":"), s.skipWhitespace()
        else { return nil }
        return Conditional(bit: bit, value: value, body: s.remainder)
    }

    /// The first match of `\belse\s*:\s*` splits `body` into its then and else parts.
    public static func splitElse(_ body: String, wordBoundary: WordBoundary) -> (then: String, else: String)? {
        body.isPlainASCII ? splitElse(ASCIIByte.units(body), wordBoundary: wordBoundary)
                          : splitElse(Character.units(body), wordBoundary: wordBoundary)
    }

    private static func splitElse<U: TextUnit>(_ chars: [U], wordBoundary: WordBoundary) -> (then: String, else: String)? {
        var s = TextScanner(characters: chars)
        for start in chars.indices where chars[start] == "e" && isWordBoundary(chars, start, wordBoundary) {
            s.position = start
            if s.literal("else"), s.skipWhitespace(), s.literal(":"), s.skipWhitespace() {
                return (s.text(0..<start), s.remainder)
            }
        }
        return nil
    }

    /// `^-?\d+$`.
    public static func isIntLiteral(_ text: String) -> Bool {
        text.isPlainASCII ? isIntLiteral(ASCIIByte.units(text)) : isIntLiteral(Character.units(text))
    }

    private static func isIntLiteral<U: TextUnit>(_ chars: [U]) -> Bool {
        var s = TextScanner(characters: chars)
        _ = s.literal("-")
        return s.digits() != nil && s.isAtEnd
    }

    /// `^-?\d+(\.\d+)?([eE][+-]?\d+)?$`.
    public static func isFloatLiteral(_ text: String) -> Bool {
        text.isPlainASCII ? isFloatLiteral(ASCIIByte.units(text)) : isFloatLiteral(Character.units(text))
    }

    private static func isFloatLiteral<U: TextUnit>(_ chars: [U]) -> Bool {
        var s = TextScanner(characters: chars)
        _ = s.literal("-")
        guard s.digits() != nil else { return false }
        _ = s.optionally { s in s.literal(".") ? s.digits() : nil }
        _ = s.optionally { s -> String? in
            guard s.consume(where: { $0 == "e" || $0 == "E" }) else { return nil }
            _ = s.consume(where: { $0 == "+" || $0 == "-" })
            return s.digits()
        }
        return s.isAtEnd
    }

    /// `^[A-Za-z_][A-Za-z0-9_]*$`.
    public static func isIdentifier(_ text: String) -> Bool {
        text.isPlainASCII ? isIdentifier(ASCIIByte.units(text)) : isIdentifier(Character.units(text))
    }

    private static func isIdentifier<U: TextUnit>(_ chars: [U]) -> Bool {
        var s = TextScanner(characters: chars)
        return s.identifier() != nil && s.isAtEnd
    }

    /// `\s*(?:ctx\.)?([A-Za-z_][A-Za-z0-9_]*)(?:\[\s*(-?\d+)\s*\])?\s*`: the field and index.
    /// Backing out of the optional index cannot help (a `[` then follows the field).
    private static func head<U: TextUnit>(_ s: inout TextScanner<U>, ctxPrefix: Bool) -> (String, String?)? {
        s.skipWhitespace()
        guard !ctxPrefix || s.literal("ctx."), let field = s.identifier() else { return nil }
        let index = s.optionally { s -> String? in
            guard s.literal("["), s.skipWhitespace() else { return nil }
            let sign = s.literal("-") ? "-" : ""
            guard let digits = s.digits(), s.skipWhitespace(), s.literal("]") else { return nil }
            return sign + digits
        }
        s.skipWhitespace()
        return (field, index)
    }

    /// `\b` before `chars[i]`, a word character (the `e` of `else`).
    private static func isWordBoundary<U: TextUnit>(_ chars: [U], _ i: Int, _ kind: WordBoundary) -> Bool {
        guard i > 0 else { return true }
        let before = chars[i - 1]
        if TextScanner.isWord(before) { return false }
        // UAX #29 WB6/WB7: letter (MidLetter | MidNumLet | Single_Quote) × letter.
        if kind == .unicode, before == ":" || before == "." || before == "'", i >= 2, TextScanner.isLetter(chars[i - 2]) {
            return false
        }
        return true
    }
}
