import IR

/// A tiny cursor over ASCII tokens, used by the angle and effect parsers.
struct TokenScanner<U: TextUnit> {
    private let chars: [U]
    private(set) var position = 0

    init(_ chars: [U]) { self.chars = chars }

    var atEnd: Bool { position >= chars.count }

    mutating func skipSpaces() {
        while position < chars.count, chars[position].isWhitespace { position += 1 }
    }

    mutating func consume(_ c: U) -> Bool {
        guard position < chars.count, chars[position] == c else { return false }
        position += 1
        return true
    }

    /// Consumes `word` only when it is not followed by an identifier character.
    mutating func consumeWord(_ word: String) -> Bool {
        guard let after = U.match(word, in: chars, at: position, ignoringCase: false) else { return false }
        if after < chars.count, Self.isIdentifierChar(chars[after]) { return false }
        position = after
        return true
    }

    mutating func integer() -> Int? {
        let start = position
        while position < chars.count, chars[position].isASCII, chars[position].isNumber { position += 1 }
        guard position > start else { return nil }
        return Int(U.string(chars[start..<position]))
    }

    mutating func identifier() -> String? {
        guard position < chars.count, chars[position].isASCII,
              chars[position].isLetter || chars[position] == "_" else { return nil }
        let start = position
        while position < chars.count, Self.isIdentifierChar(chars[position]) { position += 1 }
        return U.string(chars[start..<position])
    }

    static func isIdentifierChar(_ c: U) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }
}
