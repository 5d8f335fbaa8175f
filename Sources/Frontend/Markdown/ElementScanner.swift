import IR

/// Turns cmark's top-level blocks into the reader's elements
/// (qorca-language.md §1), slicing the original source lines.
///
/// Differences from the reference's line scanner (by design):
/// HTML blocks (comments included) and code blocks (fenced or indented) are
/// skipped entirely; list items may use any bullet and may wrap; a table is
/// any run of two or more lines starting with `|` inside a paragraph, even
/// after prose lines of the same paragraph.
struct ElementScanner {
    let source: SourceText

    /// Level-2 heading keys whose inline `|` content the reference "recovers".
    static let inlineTableKeys: Set<String> = [
        "context", "events", "transitions", "guards", "actions", "effects",
        "verification rules", "invariants", "encoding", "theta", "amp branch",
    ]

    func scan(_ blocks: [MarkdownBlock]) throws -> [DocumentElement] {
        var elements: [DocumentElement] = []
        for block in blocks {
            switch block.kind {
            case .heading(let level, let setext):
                if setext {
                    elements += paragraphElements(from: block.startLine, through: block.endLine - 1)
                    let underline = source.line(block.endLine).trimmed
                    if underline.count >= 3, underline.allSatisfy({ $0 == "-" }) {
                        elements.append(.separator(line: block.endLine))
                    }
                } else {
                    elements.append(.heading(try heading(level: level, line: block.startLine)))
                }
            case .paragraph:
                elements += paragraphElements(from: block.startLine, through: block.endLine)
            case .blockQuote:
                elements.append(.blockquote(blockquote(block)))
            case .list(_, let items):
                var flat: [ListItem] = []
                collect(items, into: &flat)
                elements.append(.list(BulletList(items: flat, line: block.startLine)))
            case .thematicBreak:
                elements.append(.separator(line: block.startLine))
            case .codeBlock, .htmlBlock, .other:
                continue
            }
        }
        return elements
    }

    // MARK: - Headings

    private func heading(level: Int, line number: Int) throws -> Heading {
        let line = source.line(number)
        let (hashColumn, i, text) = line.isPlainASCII ? Self.headingParts(ASCIIByte.units(line))
                                                      : Self.headingParts(Character.units(line))
        let heading = Heading(level: level, text: text, line: number, column: hashColumn, textColumn: i + 1)
        if level == 2, let bar = text.firstIndex(ofASCII: "|") {
            let key = text[..<bar].trimmed.lowercased()
            if Self.inlineTableKeys.contains(key) {
                let column = i + 1 + text.distance(from: text.startIndex, to: bar)
                throw source.error("section heading '## \(text)' has inline table content; "
                                   + "place the table header row on the next line", line: number, column: column)
            }
        }
        return heading
    }

    /// The `#` run's column, the offset of the text after it, and that text (trimmed).
    private static func headingParts<U: TextUnit>(_ chars: [U]) -> (hashColumn: Int, textStart: Int, text: String) {
        var i = 0
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        let hashColumn = i + 1
        while i < chars.count, chars[i] == "#" { i += 1 }
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        return (hashColumn, i, U.string(chars[i...]).trimmed)
    }

    // MARK: - Paragraphs and tables

    /// Splits a paragraph's lines into prose runs and tables.
    func paragraphElements(from first: Int, through last: Int) -> [DocumentElement] {
        guard first <= last else { return [] }
        var elements: [DocumentElement] = []
        var prose: [String] = []
        var proseStart = first
        var tableLines: [Int] = []

        func flushProse() {
            if !prose.isEmpty {
                elements.append(.paragraph(Paragraph(text: prose.joinedText("\n"), line: proseStart)))
                prose = []
            }
        }
        func flushTable() {
            if tableLines.count >= 2 { elements.append(.table(table(lines: tableLines))) }
            tableLines = []
        }

        for number in first...last {
            let text = source.line(number).trimmed
            if text.hasPrefix("|") {
                flushProse()
                tableLines.append(number)
            } else {
                flushTable()
                if prose.isEmpty { proseStart = number }
                prose.append(text)
            }
        }
        flushProse()
        flushTable()
        return elements
    }

    private func table(lines: [Int]) -> Table {
        let header = TableRowSplitter.split(source.line(lines[0]), lineNumber: lines[0])
        var dataStart = 1
        if TableRowSplitter.isSeparator(source.line(lines[1]).trimmed) { dataStart = 2 }
        let rows = lines.dropFirst(dataStart).map { TableRowSplitter.split(source.line($0), lineNumber: $0) }
        return Table(header: header, rows: Array(rows), line: lines[0])
    }

    // MARK: - Block quotes

    private func blockquote(_ block: MarkdownBlock) -> Blockquote {
        var parts: [String] = []
        for number in block.startLine...max(block.startLine, block.endLine) {
            let line = source.line(number)
            var text = Substring(line)
            if line.isPlainASCII {  // bytes are the Characters
                let bytes = text.utf8
                var start = bytes.startIndex
                while start < bytes.endIndex, ASCIIByte(bytes[start]).isWhitespace { start = bytes.index(after: start) }
                while start < bytes.endIndex, bytes[start] == UInt8(ascii: ">") { start = bytes.index(after: start) }
                text = text[start...]
            } else {
                while let c = text.first, c.isWhitespace { text = text.dropFirst() }
                while text.first == ">" { text = text.dropFirst() }
            }
            parts.append(text.trimmed)
        }
        return Blockquote(text: parts.count == 1 ? parts[0] : parts.joinedText("\n"), line: block.startLine)
    }

    // MARK: - Lists

    /// Items in document order; nested lists are flattened after their parent.
    private func collect(_ items: [MarkdownListItem], into flat: inout [ListItem]) {
        for item in items {
            var text = ""
            var column = source.characterColumn(line: item.startLine, byteColumn: item.startColumn)
            var line = item.startLine
            if let first = item.children.first, first.kind == .paragraph {
                line = first.startLine
                column = source.characterColumn(line: first.startLine, byteColumn: first.startColumn)
                let head = String(source.line(first.startLine).dropFirst(column - 1)).trimmed
                if first.endLine > first.startLine {
                    var parts = [head]
                    for number in (first.startLine + 1)...first.endLine { parts.append(source.line(number).trimmed) }
                    text = parts.joinedText(" ")
                } else {
                    text = head
                }
            }
            flat.append(ListItem(text: text, line: line, column: column))
            for child in item.children {
                if case .list(_, let nested) = child.kind { collect(nested, into: &flat) }
            }
        }
    }
}
