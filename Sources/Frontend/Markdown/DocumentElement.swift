/// The reader's view of a document: the Phase-1 elements of
/// qorca-language.md §1, in source order, each with its position.
enum DocumentElement {
    case heading(Heading)
    case table(Table)
    case list(BulletList)
    case blockquote(Blockquote)
    /// Prose lines (invisible to section dispatch; kept for summaries).
    case paragraph(Paragraph)
    /// A machine separator (a thematic break such as `---`).
    case separator(line: Int)

    var line: Int {
        switch self {
        case .heading(let h): return h.line
        case .table(let t): return t.line
        case .list(let l): return l.line
        case .blockquote(let q): return q.line
        case .paragraph(let p): return p.line
        case .separator(let line): return line
        }
    }

    /// A short description for error messages.
    var kindName: String {
        switch self {
        case .heading(let h): return "a level-\(h.level) heading"
        case .table: return "a table"
        case .list: return "a bullet list"
        case .blockquote: return "a blockquote"
        case .paragraph: return "a paragraph"
        case .separator: return "a '---' separator"
        }
    }
}

struct Heading {
    var level: Int
    /// Heading text after the `#` run, trimmed.
    var text: String
    var line: Int
    var column: Int
    /// Column of `text`'s first character.
    var textColumn: Int
}

struct TableCell {
    var text: String
    var line: Int
    var column: Int
}

struct TableRow {
    var cells: [TableCell]
    var line: Int
}

struct Table {
    var header: TableRow
    var rows: [TableRow]
    var line: Int

    /// Index of the first header cell equal (trimmed, lower-cased) to `name`.
    func column(_ name: String) -> Int? {
        header.cells.firstIndex { $0.text.trimmed.lowercased() == name }
    }
}

struct ListItem {
    var text: String
    var line: Int
    var column: Int
}

struct BulletList {
    var items: [ListItem]
    var line: Int
}

struct Blockquote {
    /// Lines with leading `>` removed and trimmed, joined by `\n` (q-orca's rule).
    var text: String
    var line: Int
}

struct Paragraph {
    var text: String
    var line: Int
}
