extension StringProtocol where UTF8View: BidirectionalCollection {
    /// `trimmingCharacters(in: .whitespaces)`, trimmed by Unicode scalar as
    /// Foundation does, without bridging to NSString (ASCII text as bytes).
    @inlinable public var trimmingSpaces: String {
        trimmedASCII { $0 == 0x20 || $0 == 0x09 } ?? trimmedScalars(UnicodeSpaces.isSpace)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    @inlinable public var trimmingSpacesAndNewlines: String {
        trimmedASCII { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } ?? trimmedScalars(UnicodeSpaces.isSpaceOrNewline)
    }

    /// ASCII text without leading and trailing bytes in `trim`; nil for other text.
    @inlinable func trimmedASCII(_ trim: (UInt8) -> Bool) -> String? {
        let bytes = utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, trim(bytes[start]) { bytes.formIndex(after: &start) }
        while end > start, trim(bytes[bytes.index(before: end)]) { bytes.formIndex(before: &end) }
        return String(self[start..<end])
    }

    /// The text without leading and trailing Unicode scalars in `trim`.
    @inlinable func trimmedScalars(_ trim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = String(self).unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, trim(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start, trim(scalars[scalars.index(before: end)]) { scalars.formIndex(before: &end) }
        return String(scalars[start..<end])
    }
}

/// Foundation's `CharacterSet.whitespaces` and `.whitespacesAndNewlines`,
/// member for member (read off swift-corelibs-foundation 6.3 over every
/// scalar; tested against it). Not General Category Zs: U+200B is in them.
public enum UnicodeSpaces {
    @inlinable public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    @inlinable public static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isSpace(scalar)
        }
    }
}
