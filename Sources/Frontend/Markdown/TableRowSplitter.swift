import IR

/// Splits one table line into cells (qorca-language.md §1.1), keeping each
/// cell's 1-based character column.
///
/// Ket protection: a `|` directly followed by a character that is neither
/// whitespace nor `|`, then the shortest run of non-`|` characters up to a
/// `>`, opens a ket (`|00>`, `|ψ>`) and is not a delimiter. Cells are trimmed;
/// an empty first and an empty last cell are dropped (once each).
enum TableRowSplitter {
    static func split(_ line: String, lineNumber: Int) -> TableRow {
        line.isPlainASCII ? split(ASCIIByte.units(line), lineNumber: lineNumber)
                          : split(Character.units(line), lineNumber: lineNumber)
    }

    private static func split<U: TextUnit>(_ chars: [U], lineNumber: Int) -> TableRow {
        var cells: [TableCell] = []
        cells.reserveCapacity(8)
        // The cell between the previous delimiter (or the line start) and `hi`.
        var lo = 0
        func cell(upTo hi: Int) {
            var start = lo, end = hi
            while start < end, chars[start].isWhitespace { start += 1 }
            while end > start, chars[end - 1].isWhitespace { end -= 1 }
            let text = start < end ? U.string(chars[start..<end]) : ""
            cells.append(TableCell(text: text, line: lineNumber, column: (start < end ? start : lo) + 1))
        }
        var i = 0
        while i < chars.count {
            guard chars[i] == "|" else { i += 1; continue }
            if let close = ketEnd(chars, from: i) {
                i = close + 1
                continue
            }
            cell(upTo: i)
            lo = i + 1
            i += 1
        }
        cell(upTo: chars.count)
        if let first = cells.first, first.text.isEmpty { cells.removeFirst() }
        if let last = cells.last, last.text.isEmpty { cells.removeLast() }
        return TableRow(cells: cells, line: lineNumber)
    }

    /// Index of the `>` closing a ket opened at `open` (`\|[^\s|][^|]*?>`), if any.
    private static func ketEnd<U: TextUnit>(_ chars: [U], from open: Int) -> Int? {
        let first = open + 1
        guard first < chars.count, !chars[first].isWhitespace, chars[first] != "|" else { return nil }
        var j = first + 1
        while j < chars.count, chars[j] != "|" {
            if chars[j] == ">" { return j }
            j += 1
        }
        return nil
    }

    /// `^\|[\s\-:\|]+\|$` on the trimmed line.
    static func isSeparator(_ trimmedLine: String) -> Bool {
        trimmedLine.isPlainASCII ? isSeparator(ASCIIByte.units(trimmedLine)) : isSeparator(Character.units(trimmedLine))
    }

    private static func isSeparator<U: TextUnit>(_ chars: [U]) -> Bool {
        guard chars.count >= 3, chars.first == "|", chars.last == "|" else { return false }
        return chars.dropFirst().dropLast().allSatisfy { $0.isWhitespace || $0 == "-" || $0 == ":" || $0 == "|" }
    }
}
