import Foundation
import IR

/// The original source split into lines, with 1-based character columns.
/// Everything the reader reports is sliced from here, not from cmark's
/// rendered inline text, so cells and headings keep their exact spelling.
struct SourceText {
    let file: String
    /// Lines without their terminator (`\r\n` and `\n` both end a line).
    let lines: [String]

    init(_ text: String, file: String) {
        self.file = file
        // Split the UTF-8, not the Characters: "\r\n" is one Character, so a
        // Character split on "\n" would leave a CRLF file as a single line.
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var result: [String] = []
        var text = text  // withUTF8 is mutating (it may make the storage contiguous)
        text.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == newline {
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                result.append(String(decoding: line.last == carriageReturn ? UnsafeBufferPointer(rebasing: line.dropLast()) : line,
                                     as: UTF8.self))
                start = end + 1
            }
        }
        if result.last == "" && result.count > 1 { result.removeLast() }
        lines = result
    }

    /// Line `number` (1-based); empty past the end.
    func line(_ number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    func error(_ message: String, line: Int, column: Int = 1) -> InputError {
        InputError(message, at: location(line: line, column: column))
    }

    /// 1-based character column of the first non-whitespace character.
    static func indentColumn(_ line: String) -> Int {
        var column = 1
        for c in line {
            if !c.isWhitespace { return column }
            column += 1
        }
        return 1
    }

    /// Character column for a cmark byte column on `line`.
    func characterColumn(line number: Int, byteColumn: Int) -> Int {
        // An ASCII prefix (a line has no LF, so no CR LF) has one Character per byte.
        let bytes = line(number).utf8
        let count = min(max(0, byteColumn - 1), bytes.count)
        if bytes.prefix(count).allSatisfy({ $0 < 0x80 }) { return count + 1 }
        let utf8 = Array(bytes)
        let prefix = Array(utf8.prefix(max(0, byteColumn - 1)))
        return (String(decoding: prefix, as: UTF8.self).count) + 1
    }
}

extension StringProtocol {
    /// Python's `str.strip()` for the whitespace that matters here.
    var trimmed: String {
        String(self).trimmingWhitespace()
    }
}

extension String {
    var trimmed: String { trimmingWhitespace() }
}

extension Substring {
    /// `String(self).trimmed`, copying the text once: the same ASCII fast
    /// path as `String.trimmingWhitespace()`.
    var trimmed: String {
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, ASCIIByte(bytes[start]).isWhitespace { start = bytes.index(after: start) }
        while end > start, ASCIIByte(bytes[bytes.index(before: end)]).isWhitespace { end = bytes.index(before: end) }
        if start == end { return "" }
        if bytes[start] < 0x80, bytes[bytes.index(before: end)] < 0x80 { return String(self[start..<end]) }
        return String(self).trimmingWhitespace()
    }
}

extension String {
    func trimmingWhitespace() -> String {
        // Fast path: ASCII whitespace off both ends, stopping at ASCII
        // non-whitespace. Such a byte starts (or ends) a Character that is
        // not whitespace, so the Character scan below would cut at the same
        // places; anything else at an edge takes that scan.
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, ASCIIByte(bytes[start]).isWhitespace { start = bytes.index(after: start) }
        while end > start, ASCIIByte(bytes[bytes.index(before: end)]).isWhitespace { end = bytes.index(before: end) }
        if start == end { return "" }
        if bytes[start] < 0x80, bytes[bytes.index(before: end)] < 0x80 {
            return start == bytes.startIndex && end == bytes.endIndex ? self : String(self[start..<end])
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    /// NFC (`precomposedStringWithCanonicalMapping`) without Foundation for
    /// ASCII, which NFC leaves unchanged.
    var precomposed: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
