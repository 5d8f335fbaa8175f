/// What the reader's scanners step over: a `Character`, or an `ASCIIByte`
/// when the whole text is plain ASCII (`isPlainASCII`). Scanners are written
/// once, generic over the unit: plain-ASCII text (nearly every line of a
/// machine) skips grapheme breaking and Unicode property lookups, and any
/// other text is scanned by `Character`, exactly as before.
///
/// The two agree on plain-ASCII text: there every byte is one Character
/// (CR LF, the only ASCII pair that forms one grapheme, is excluded) and one
/// column, and the byte properties below are Character's for that byte.
public protocol TextUnit: Hashable, ExpressibleByUnicodeScalarLiteral {
    var isWhitespace: Bool { get }
    var isNewline: Bool { get }
    var isASCII: Bool { get }
    var isLetter: Bool { get }
    var isNumber: Bool { get }
    var asciiValue: UInt8? { get }
    var character: Character { get }
    /// The units of `text` (which must be plain ASCII for `ASCIIByte`).
    static func units(_ text: String) -> [Self]
    static func string(_ units: ArraySlice<Self>) -> String
    /// Where `literal` ends when `units[start...]` begins with it (ASCII
    /// letters folded when `ignoringCase`), else nil.
    static func match(_ literal: String, in units: [Self], at start: Int, ignoringCase: Bool) -> Int?
}

extension TextUnit {
    @inlinable public static func string(_ units: [Self]) -> String { string(units[...]) }
}

extension Character: TextUnit {
    public var character: Character { self }
    @inlinable public static func units(_ text: String) -> [Character] { Array(text) }
    /// `String(units)`, several times faster: the bytes are copied into one buffer.
    @inlinable public static func string(_ units: ArraySlice<Character>) -> String {
        var count = 0
        for c in units { count += c.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for c in units {
                for byte in c.utf8 {
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }

    public static func match(_ literal: String, in units: [Character], at start: Int, ignoringCase: Bool) -> Int? {
        var i = start
        for expected in literal {
            guard i < units.count else { return nil }
            let c = units[i]
            if c != expected {
                guard ignoringCase, let a = c.asciiValue, let b = expected.asciiValue,
                      ASCIIByte(a).isLetter, ASCIIByte(b).isLetter, a | 0x20 == b | 0x20 else { return nil }
            }
            i += 1
        }
        return i
    }
}

/// One byte of plain-ASCII text.
public struct ASCIIByte: TextUnit {
    public var value: UInt8

    @inlinable public init(_ value: UInt8) { self.value = value }
    @inlinable public init(unicodeScalarLiteral scalar: Unicode.Scalar) {
        precondition(scalar.isASCII)
        value = UInt8(truncatingIfNeeded: scalar.value)
    }

    /// `\t \n \v \f \r` and space: the ASCII characters with Unicode's White_Space.
    @inlinable public var isWhitespace: Bool { value == 0x20 || (value >= 0x09 && value <= 0x0D) }
    /// `\n \v \f \r`.
    @inlinable public var isNewline: Bool { value >= 0x0A && value <= 0x0D }
    @inlinable public var isASCII: Bool { true }
    @inlinable public var isLetter: Bool { (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
    @inlinable public var isNumber: Bool { value >= 0x30 && value <= 0x39 }
    @inlinable public var asciiValue: UInt8? { value }
    @inlinable public var character: Character { Character(Unicode.Scalar(value)) }

    @inlinable public static func units(_ text: String) -> [ASCIIByte] {
        [ASCIIByte](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
            buffer.withMemoryRebound(to: UInt8.self) { count = $0.initialize(from: text.utf8).1 }
        }
    }
    @inlinable public static func string(_ units: ArraySlice<ASCIIByte>) -> String {
        units.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// A non-ASCII literal never matches: its bytes are all 0x80 or above.
    @inlinable
    public static func match(_ literal: String, in units: [ASCIIByte], at start: Int, ignoringCase: Bool) -> Int? {
        var i = start
        for expected in literal.utf8 {
            guard i < units.count else { return nil }
            let a = units[i].value
            if a != expected {
                guard ignoringCase, units[i].isLetter, ASCIIByte(expected).isLetter, a | 0x20 == expected | 0x20
                else { return nil }
            }
            i += 1
        }
        return i
    }
}

extension String {
    /// Whether the text is scanned by `ASCIIByte`: every byte ASCII, and no
    /// CR (so no CR LF pair).
    @inlinable public var isPlainASCII: Bool {
        func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for byte in bytes where byte >= 0x80 || byte == 0x0D { return false }
            return true
        }
        return utf8.withContiguousStorageIfAvailable(plain) ?? Array(utf8).withUnsafeBufferPointer(plain)
    }
}

extension StringProtocol {
    /// `firstIndex(of: Character(ascii))`, by a byte search when the text is
    /// plain ASCII (every byte a Character, so the same index).
    @inlinable public func firstIndex(ofASCII ascii: Unicode.Scalar) -> Index? {
        let bytes = utf8
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return firstIndex(of: Character(ascii)) }
        return bytes.firstIndex(of: UInt8(ascii: ascii))
    }
}
