import Foundation

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// `trimmingCharacters(in: .whitespaces)`. Its ASCII members are space and
    /// tab, so ASCII text is trimmed as bytes, without bridging to NSString.
    @inlinable public var trimmingSpaces: String {
        trimmedASCII { $0 == 0x20 || $0 == 0x09 } ?? trimmingCharacters(in: .whitespaces)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (ASCII members: tab
    /// through CR, and space).
    @inlinable public var trimmingSpacesAndNewlines: String {
        trimmedASCII { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } ?? trimmingCharacters(in: .whitespacesAndNewlines)
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
}
