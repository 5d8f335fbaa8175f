/// The block outline of a Markdown text as CommonMark (libcmark) parses it:
/// what the emitter uses to check its templates' structure.
public struct MarkdownOutline: Sendable {
    public enum Block: Hashable, Sendable {
        case heading(level: Int, text: String, line: Int)
        case html(line: Int)
        case other(line: Int)
    }

    public let blocks: [Block]

    public init(_ text: String) {
        let lines = text.components(separatedBy: "\n")
        blocks = CMarkDocument.blocks(of: text).map { block in
            switch block.kind {
            case .heading(let level, let setext) where !setext:
                let raw = block.startLine - 1 < lines.count ? lines[block.startLine - 1] : ""
                let text = raw.drop { $0 == "#" || $0 == " " }.trimmingCharacters(in: .whitespaces)
                return .heading(level: level, text: text, line: block.startLine)
            case .htmlBlock:
                return .html(line: block.startLine)
            default:
                return .other(line: block.startLine)
            }
        }
    }

    /// Headings as (level, text), in document order.
    public var headings: [(level: Int, text: String)] {
        blocks.compactMap { if case .heading(let l, let t, _) = $0 { return (l, t) } else { return nil } }
    }
}
