import IR

/// Parser for Q-Orca's effect language (qorca-language.md §3,
/// grammars/effect.ebnf). Unlike the reference, every `;`-segment must be
/// recognised: an unknown segment is an error, never silently dropped.
public enum EffectParser {
    /// Parses `text`. `origin` is the position of the text's first character
    /// (the effect cell); errors and gate locations are offset from it.
    public static func parse(_ text: String, scope: EffectScope = EffectScope(),
                             origin: SourceLocation? = nil) throws -> [EffectStatement] {
        do {
            return try parseStatements(text, scope: scope, origin: origin)
        } catch let error as EffectSyntaxError {
            throw InputError(error.message, at: origin.map { offset($0, by: error.offset) })
        }
    }

    static func offset(_ origin: SourceLocation, by characters: Int) -> SourceLocation {
        SourceLocation(file: origin.file, line: origin.line, column: origin.column + characters)
    }

    private static func parseStatements(_ text: String, scope: EffectScope,
                                        origin: SourceLocation?) throws -> [EffectStatement] {
        text.isPlainASCII ? try parseStatements(ASCIIByte.units(text), text, scope: scope, origin: origin)
                          : try parseStatements(Character.units(text), text, scope: scope, origin: origin)
    }

    private static func parseStatements<U: TextUnit>(_ chars: [U], _ text: String, scope: EffectScope,
                                                     origin: SourceLocation?) throws -> [EffectStatement] {
        guard chars.contains(where: { !$0.isWhitespace }) else { return [] }
        let start = chars.firstIndex { !$0.isWhitespace } ?? 0

        if try ContextUpdateParser.isContextUpdate(text) {
            return [.contextUpdate(text: text.trimmingWhitespace(), location: origin.map { offset($0, by: start) })]
        }

        var statements: [EffectStatement] = []
        let parser = StatementParser(scope: scope)
        var segmentStart = 0
        for i in 0...chars.count where i == chars.count || chars[i] == ";" {
            var lo = segmentStart, hi = i
            segmentStart = i + 1
            while lo < hi, chars[lo].isWhitespace { lo += 1 }
            while hi > lo, chars[hi - 1].isWhitespace { hi -= 1 }
            guard lo < hi else { continue }
            // The segment's own units, scanned by the grammar and the statement parser.
            let units = Array(chars[lo..<hi])
            let segment = Segment(text: U.string(units[...]), offset: lo, origin: origin)
            if scope.namedEffects.contains(segment.text) { continue }
            if ContextUpdateGrammar.looksLikeMutation(units) {
                throw EffectSyntaxError(
                    message: "context-update '\(segment.text)' cannot be combined with gate, measurement, "
                        + "mid-circuit measurement, or conditional-gate effects in a single action",
                    offset: lo)
            }
            statements.append(try parser.parse(segment, units))
        }
        return statements
    }
}

/// One trimmed `;`-segment and its offset in the effect text.
struct Segment {
    var text: String
    var offset: Int
    var origin: SourceLocation?

    var location: SourceLocation? { origin.map { EffectParser.offset($0, by: offset) } }

    func sub(_ text: String, at offset: Int) -> Segment {
        Segment(text: text, offset: self.offset + offset, origin: origin)
    }
}
