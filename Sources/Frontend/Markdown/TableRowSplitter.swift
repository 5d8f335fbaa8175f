/// Splits one table line into cells (qorca-language.md §1.1), keeping each
/// cell's 1-based character column.
///
/// Ket protection: a `|` directly followed by a character that is neither
/// whitespace nor `|`, then the shortest run of non-`|` characters up to a
/// `>`, opens a ket (`|00>`, `|ψ>`) and is not a delimiter. Cells are trimmed;
/// an empty first and an empty last cell are dropped (once each).
enum TableRowSplitter {
    static func split(_ line: String, lineNumber: Int) -> TableRow {
        let chars = Array(line)
        var delimiters: [Int] = []
        var i = 0
        while i < chars.count {
            guard chars[i] == "|" else { i += 1; continue }
            if let close = ketEnd(chars, from: i) {
                i = close + 1
                continue
            }
            delimiters.append(i)
            i += 1
        }
        var bounds = [-1] + delimiters
        bounds.append(chars.count)
        var cells: [TableCell] = []
        for k in 0..<(bounds.count - 1) {
            let lo = bounds[k] + 1, hi = bounds[k + 1]
            var start = lo, end = hi
            while start < end, chars[start].isWhitespace { start += 1 }
            while end > start, chars[end - 1].isWhitespace { end -= 1 }
            let text = start < end ? String(chars[start..<end]) : ""
            cells.append(TableCell(text: text, line: lineNumber, column: (start < end ? start : lo) + 1))
        }
        if let first = cells.first, first.text.isEmpty { cells.removeFirst() }
        if let last = cells.last, last.text.isEmpty { cells.removeLast() }
        return TableRow(cells: cells, line: lineNumber)
    }

    /// Index of the `>` closing a ket opened at `open` (`\|[^\s|][^|]*?>`), if any.
    private static func ketEnd(_ chars: [Character], from open: Int) -> Int? {
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
        guard trimmedLine.count >= 3, trimmedLine.first == "|", trimmedLine.last == "|" else { return false }
        let inner = trimmedLine.dropFirst().dropLast()
        return inner.allSatisfy { $0.isWhitespace || $0 == "-" || $0 == ":" || $0 == "|" }
    }
}
