/// A cursor over a string's characters, for the small hand-written matchers
/// that replace runtime regular expressions (compiling a `Regex` or an
/// `NSRegularExpression` costs more than a whole short verify run).
///
/// Every primitive either consumes what it recognises and reports success, or
/// leaves `position` unchanged and reports failure, so a matcher reads like its
/// regex, one element at a time. Character classes follow the regexes on
/// ASCII: `\s` is `Character.isWhitespace`, `\d` is ASCII `0-9`, `\w` is ASCII
/// letters, digits and `_`. Case-insensitive literals fold ASCII letters only.
///
/// Generic over the unit (`TextUnit`): `TextScanner(text)` scans Characters;
/// hot paths scan plain-ASCII text by byte with `TextScanner(characters:)`.
public struct TextScanner<Unit: TextUnit> {
    public let characters: [Unit]
    public var position: Int

    @inlinable public init(characters: [Unit]) {
        self.characters = characters
        position = 0
    }

    @inlinable public var isAtEnd: Bool { position == characters.count }
    @inlinable public var current: Unit? { position < characters.count ? characters[position] : nil }

    /// The characters in `range`, as a string.
    @inlinable public func text(_ range: Range<Int>) -> String { Unit.string(characters[range]) }
    /// Everything from `position` on.
    @inlinable public var remainder: String { text(position..<characters.count) }

    /// Consumes one character satisfying `predicate`.
    @inlinable public mutating func consume(where predicate: (Unit) -> Bool) -> Bool {
        guard let c = current, predicate(c) else { return false }
        position += 1
        return true
    }

    /// `[…]*`: skips the longest run satisfying `predicate`. Always true, so
    /// it can sit in a `guard` condition list between the other steps.
    @discardableResult
    @inlinable public mutating func skip(while predicate: (Unit) -> Bool) -> Bool {
        while let c = current, predicate(c) { position += 1 }
        return true
    }

    /// `([…]+)`: the longest non-empty run satisfying `predicate`, or nil.
    @inlinable public mutating func run(while predicate: (Unit) -> Bool) -> String? {
        let start = position
        skip(while: predicate)
        return position > start ? text(start..<position) : nil
    }

    /// `\s*`. Always true (see `skip(while:)`).
    @discardableResult
    @inlinable public mutating func skipWhitespace() -> Bool { skip(while: \.isWhitespace) }

    /// `\s+`.
    @inlinable public mutating func skipRequiredWhitespace() -> Bool { run(while: \.isWhitespace) != nil }

    /// `(?:…)?`: runs `body`, restoring the position when it fails.
    @inlinable public mutating func optionally<T>(_ body: (inout TextScanner) -> T?) -> T? {
        let saved = position
        if let result = body(&self) { return result }
        position = saved
        return nil
    }

    /// `literal` (ASCII letters folded when `ignoringCase`).
    @inlinable public mutating func literal(_ literal: String, ignoringCase: Bool = false) -> Bool {
        guard let end = Unit.match(literal, in: characters, at: position, ignoringCase: ignoringCase) else { return false }
        position = end
        return true
    }

    /// `(a|b|c)`: the first alternative, in order, that matches here.
    @inlinable public mutating func oneOf(_ alternatives: [String], ignoringCase: Bool = false) -> String? {
        alternatives.first { literal($0, ignoringCase: ignoringCase) }
    }

    /// `(a|b|c)rest` with backtracking: each alternative that matches here,
    /// in order, followed by `rest`; the first result wins. Needed when `rest`
    /// could match what a longer alternative took (`(==|=)(.+)` on `==5`).
    @inlinable public mutating func oneOf<T>(_ alternatives: [String], then rest: (String, inout TextScanner) -> T?) -> T? {
        let saved = position
        for alternative in alternatives {
            position = saved
            if literal(alternative), let result = rest(alternative, &self) { return result }
        }
        position = saved
        return nil
    }

    /// `\d+` (ASCII digits).
    @inlinable public mutating func digits() -> String? { run(while: Self.isDigit) }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    @inlinable public mutating func identifier() -> String? {
        guard let c = current, Self.isIdentifierHead(c) else { return nil }
        return run(while: Self.isWord)
    }

    // MARK: - Character classes

    /// `[0-9]`.
    @inlinable public static func isDigit(_ c: Unit) -> Bool { c.asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
    /// `[A-Za-z]`.
    @inlinable public static func isLetter(_ c: Unit) -> Bool {
        c.asciiValue.map { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 } ?? false
    }
    /// `[A-Za-z_]`.
    @inlinable public static func isIdentifierHead(_ c: Unit) -> Bool { c == "_" || isLetter(c) }
    /// `\w` on ASCII: `[A-Za-z0-9_]`.
    @inlinable public static func isWord(_ c: Unit) -> Bool { isIdentifierHead(c) || isDigit(c) }
}

extension TextScanner where Unit == Character {
    @inlinable public init(_ text: some StringProtocol) {
        self.init(characters: Array(text))
    }
}

extension StringProtocol {
    /// Whether the text contains `needle` with ASCII letters compared
    /// case-insensitively, at any UTF-8 offset (as a case-insensitive
    /// regex of a plain ASCII word does).
    @inlinable public func containsIgnoringASCIICase(_ needle: String) -> Bool {
        func search(_ hay: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !pattern.isEmpty else { return true }
            guard hay.count >= pattern.count else { return false }
            func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }
            outer: for start in 0...(hay.count - pattern.count) {
                for k in pattern.indices where fold(hay[start + k]) != fold(pattern[k]) { continue outer }
                return true
            }
            return false
        }
        // Native strings are contiguous: no copies then.
        let found = utf8.withContiguousStorageIfAvailable { hay in
            needle.utf8.withContiguousStorageIfAvailable { search(hay, $0) }
        }
        if let found = found ?? nil { return found }
        return Array(utf8).withUnsafeBufferPointer { hay in Array(needle.utf8).withUnsafeBufferPointer { search(hay, $0) } }
    }
}
