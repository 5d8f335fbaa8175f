import CCmark

/// The only code that talks to libcmark: parses Markdown with source
/// positions and copies the block tree into Swift values, then frees it.
enum CMarkDocument {
    static func blocks(of text: String) -> [MarkdownBlock] {
        var text = text  // withUTF8 is mutating; a native string's bytes are passed without a copy
        let root: OpaquePointer? = text.withUTF8 { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_SOURCEPOS)
        }
        guard let root else { return [] }
        defer { cmark_node_free(root) }
        return children(of: root)
    }

    private static func children(of node: OpaquePointer) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            if let block = block(current) { result.append(block) }
            child = cmark_node_next(current)
        }
        return result
    }

    private static func block(_ node: OpaquePointer) -> MarkdownBlock? {
        let kind: MarkdownBlock.Kind
        var nested: [MarkdownBlock] = []
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            let start = cmark_node_get_start_line(node)
            let end = cmark_node_get_end_line(node)
            // An ATX heading is one line; a setext heading spans text + underline.
            // A one-line setext heading is impossible (it needs an underline).
            kind = .heading(level: Int(cmark_node_get_heading_level(node)), setext: end > start)
        case CMARK_NODE_PARAGRAPH:
            kind = .paragraph
        case CMARK_NODE_BLOCK_QUOTE:
            kind = .blockQuote
            nested = children(of: node)
        case CMARK_NODE_LIST:
            var items: [MarkdownListItem] = []
            var child = cmark_node_first_child(node)
            while let item = child {
                items.append(MarkdownListItem(startLine: Int(cmark_node_get_start_line(item)),
                                              startColumn: Int(cmark_node_get_start_column(item)),
                                              endLine: Int(cmark_node_get_end_line(item)),
                                              endColumn: Int(cmark_node_get_end_column(item)),
                                              children: children(of: item)))
                child = cmark_node_next(item)
            }
            kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, items: items)
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock
        case CMARK_NODE_HTML_BLOCK:
            kind = .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK:
            kind = .thematicBreak
        default:
            kind = .other
        }
        return MarkdownBlock(kind: kind,
                             startLine: Int(cmark_node_get_start_line(node)),
                             startColumn: Int(cmark_node_get_start_column(node)),
                             endLine: Int(cmark_node_get_end_line(node)),
                             endColumn: Int(cmark_node_get_end_column(node)),
                             children: nested)
    }
}
