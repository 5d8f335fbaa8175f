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
        var result = text.utf8.split(separator: newline, omittingEmptySubsequences: false).map { line -> String in
            String(decoding: line.last == carriageReturn ? line.dropLast() : line, as: UTF8.self)
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
        let utf8 = Array(line(number).utf8)
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
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }
}
