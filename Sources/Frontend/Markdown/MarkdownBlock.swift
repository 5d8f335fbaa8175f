/// A top-level Markdown block as CommonMark sees it, reduced to what the
/// `.q.orca.md` reader needs: its kind and its 1-based source line range.
/// Columns are CommonMark's (1-based byte columns); the reader recomputes
/// character columns from the original source lines.
struct MarkdownBlock: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// `setext` is true for underlined headings (`Text` / `---`).
        case heading(level: Int, setext: Bool)
        case paragraph
        case blockQuote
        case list(ordered: Bool, items: [MarkdownListItem])
        case codeBlock
        case htmlBlock
        case thematicBreak
        /// Anything else CommonMark may produce at block level.
        case other
    }

    var kind: Kind
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    /// Child blocks (block quotes).
    var children: [MarkdownBlock] = []
}

/// One list item: its own source range and its child blocks.
struct MarkdownListItem: Hashable, Sendable {
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    var children: [MarkdownBlock]
}
