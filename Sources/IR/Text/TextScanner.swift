/// A cursor over a string's characters, for the small hand-written matchers
/// that replace runtime regular expressions (compiling a `Regex` or an
/// `NSRegularExpression` costs more than a whole short verify run).
///
/// Every primitive either consumes what it recognises and reports success, or
/// leaves `position` unchanged and reports failure, so a matcher reads like its
/// regex, one element at a time. Character classes follow the regexes on
/// ASCII: `\s` is `Character.isWhitespace`, `\d` is ASCII `0-9`, `\w` is ASCII
/// letters, digits and `_`. Case-insensitive literals fold ASCII letters only.
public struct TextScanner {
    public let characters: [Character]
    public var position: Int

    public init(_ text: some StringProtocol) {
        characters = Array(text)
        position = 0
    }

    public init(characters: [Character]) {
        self.characters = characters
        position = 0
    }

    public var isAtEnd: Bool { position == characters.count }
    public var current: Character? { position < characters.count ? characters[position] : nil }

    /// The characters in `range`, as a string.
    public func text(_ range: Range<Int>) -> String { String(characters[range]) }
    /// Everything from `position` on.
    public var remainder: String { text(position..<characters.count) }

    /// Consumes one character satisfying `predicate`.
    public mutating func consume(where predicate: (Character) -> Bool) -> Bool {
        guard let c = current, predicate(c) else { return false }
        position += 1
        return true
    }

    /// `[…]*`: skips the longest run satisfying `predicate`. Always true, so
    /// it can sit in a `guard` condition list between the other steps.
    @discardableResult
    public mutating func skip(while predicate: (Character) -> Bool) -> Bool {
        while let c = current, predicate(c) { position += 1 }
        return true
    }

    /// `([…]+)`: the longest non-empty run satisfying `predicate`, or nil.
    public mutating func run(while predicate: (Character) -> Bool) -> String? {
        let start = position
        skip(while: predicate)
        return position > start ? text(start..<position) : nil
    }

    /// `\s*`. Always true (see `skip(while:)`).
    @discardableResult
    public mutating func skipWhitespace() -> Bool { skip(while: \.isWhitespace) }

    /// `\s+`.
    public mutating func skipRequiredWhitespace() -> Bool { run(while: \.isWhitespace) != nil }

    /// `(?:…)?`: runs `body`, restoring the position when it fails.
    public mutating func optionally<T>(_ body: (inout TextScanner) -> T?) -> T? {
        let saved = position
        if let result = body(&self) { return result }
        position = saved
        return nil
    }

    /// `literal` (ASCII letters folded when `ignoringCase`).
    public mutating func literal(_ literal: String, ignoringCase: Bool = false) -> Bool {
        var i = position
        for expected in literal {
            guard i < characters.count, Self.same(characters[i], expected, ignoringCase: ignoringCase) else {
                return false
            }
            i += 1
        }
        position = i
        return true
    }

    /// `(a|b|c)`: the first alternative, in order, that matches here.
    public mutating func oneOf(_ alternatives: [String], ignoringCase: Bool = false) -> String? {
        alternatives.first { literal($0, ignoringCase: ignoringCase) }
    }

    /// `(a|b|c)rest` with backtracking: each alternative that matches here,
    /// in order, followed by `rest`; the first result wins. Needed when `rest`
    /// could match what a longer alternative took (`(==|=)(.+)` on `==5`).
    public mutating func oneOf<T>(_ alternatives: [String], then rest: (String, inout TextScanner) -> T?) -> T? {
        let saved = position
        for alternative in alternatives {
            position = saved
            if literal(alternative), let result = rest(alternative, &self) { return result }
        }
        position = saved
        return nil
    }

    /// `\d+` (ASCII digits).
    public mutating func digits() -> String? { run(while: Self.isDigit) }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    public mutating func identifier() -> String? {
        guard let c = current, Self.isIdentifierHead(c) else { return nil }
        return run(while: Self.isWord)
    }

    // MARK: - Character classes

    /// `[0-9]`.
    public static func isDigit(_ c: Character) -> Bool { c.asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
    /// `[A-Za-z]`.
    public static func isLetter(_ c: Character) -> Bool {
        c.asciiValue.map { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 } ?? false
    }
    /// `[A-Za-z_]`.
    public static func isIdentifierHead(_ c: Character) -> Bool { c == "_" || isLetter(c) }
    /// `\w` on ASCII: `[A-Za-z0-9_]`.
    public static func isWord(_ c: Character) -> Bool { isIdentifierHead(c) || isDigit(c) }

    static func same(_ a: Character, _ b: Character, ignoringCase: Bool) -> Bool {
        if a == b { return true }
        guard ignoringCase, isLetter(a), isLetter(b) else { return false }
        return a.asciiValue! | 0x20 == b.asciiValue! | 0x20
    }
}

extension StringProtocol {
    /// Whether the text contains `needle` with ASCII letters compared
    /// case-insensitively, at any UTF-8 offset (as a case-insensitive
    /// regex of a plain ASCII word does).
    public func containsIgnoringASCIICase(_ needle: String) -> Bool {
        let hay = Array(utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        guard hay.count >= pattern.count else { return false }
        func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }
        outer: for start in 0...(hay.count - pattern.count) {
            for k in pattern.indices where fold(hay[start + k]) != fold(pattern[k]) { continue outer }
            return true
        }
        return false
    }
}
