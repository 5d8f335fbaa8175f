/// Classical context updates (qorca-language.md §3.6): `iteration += 1`,
/// `ctx.outcome = 10`, `theta[0] -= eta`, `if bits[0] == 1: a += 1; else: a -= 1`.
/// Recognised and validated; kept as text in the IR.
enum ContextUpdateParser {
    static func looksLikeMutation(_ text: String) -> Bool {
        ContextUpdateGrammar.looksLikeMutation(text)
    }

    /// Whether the whole effect is a context update; throws for a malformed one.
    static func isContextUpdate(_ raw: String) throws -> Bool {
        let text = raw.trimmingWhitespace()
        if let body = ContextUpdateGrammar.conditional(text, spacedIndex: true)?.body {
            var thenPart = body
            var elsePart: String?
            if let split = ContextUpdateGrammar.splitElse(body, wordBoundary: .unicode) {
                thenPart = split.then
                elsePart = split.else
            }
            while thenPart.hasSuffix(";") || thenPart.last?.isWhitespace == true { thenPart.removeLast() }
            let nested = body.lowercased().containsText("if bits[")
            if nested {
                guard containsAssignment(body) else { return false }
                throw EffectSyntaxError(
                    message: "nested `if bits[...]` conditions are not allowed in context-update effects",
                    offset: offsetOf(text, in: raw))
            }
            guard looksLikeMutation(thenPart) else { return false }
            try validate(thenPart, in: raw)
            if let elsePart { try validate(elsePart, in: raw) }
            return true
        }
        guard looksLikeMutation(text) else { return false }
        try validate(text, in: raw)
        return true
    }

    /// `=` (not part of `==`, `!=`, `<=`, `>=`), `+=` or `-=` anywhere.
    private static func containsAssignment(_ text: String) -> Bool {
        let c = Array(text)
        for i in c.indices where c[i] == "=" {
            let before: Character? = i > 0 ? c[i - 1] : nil
            let after: Character? = i + 1 < c.count ? c[i + 1] : nil
            if after == "=" || before == "=" { continue }
            if let b = before, "!<>".contains(b) { continue }
            return true
        }
        return false
    }

    private static func validate(_ sequence: String, in raw: String) throws {
        for piece in sequence.split(separator: ";", omittingEmptySubsequences: true) {
            let trimmed = piece.trimmingWhitespaceSubstring()
            guard !trimmed.isEmpty else { continue }
            let at = offsetOf(trimmed, in: raw)
            guard let match = ContextUpdateGrammar.mutation(trimmed) else {
                throw EffectSyntaxError(
                    message: "malformed context-update mutation '\(trimmed)' "
                        + "(expected `field = value`, `field += value` or `field -= value`)",
                    offset: at)
            }
            if let index = match.index, index.hasPrefix("-") {
                throw EffectSyntaxError(message: "negative index in context-update mutation '\(trimmed)'",
                                        offset: at)
            }
            let rhs = match.rhs
            let ok = ContextUpdateGrammar.isIntLiteral(rhs) || ContextUpdateGrammar.isFloatLiteral(rhs)
                || ContextUpdateGrammar.isIdentifier(rhs)
            guard ok else {
                throw EffectSyntaxError(
                    message: "RHS '\(rhs)' in mutation '\(trimmed)' must be a numeric literal or a bare "
                        + "context-field identifier", offset: at)
            }
        }
    }

    private static func offsetOf(_ part: String, in raw: String) -> Int {
        guard let range = raw.range(of: part) else { return 0 }
        return raw.distance(from: raw.startIndex, to: range.lowerBound)
    }
}

extension StringProtocol {
    func trimmingWhitespaceSubstring() -> String { String(self).trimmingWhitespace() }
}
