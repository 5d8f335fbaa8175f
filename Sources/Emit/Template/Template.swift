import IR

/// A line-oriented Markdown template.
///
/// - `{{name}}` inserts a text value verbatim; `{{name|ljust:8}}` pads it on
///   the right to 8 characters; `{{name|cell}}` renders a table cell body
///   (` x ` or a single space when empty).
/// - A line that is exactly `{{#each list}}` … `{{/each}}` repeats its body per
///   item; `{{#if flag}}` … `{{/if}}` keeps its body when the flag is true or
///   the text is non-empty. Directive lines produce no output.
///
/// Templates are embedded in the binary; `Template.init` checks their directives
/// and `TemplateLibrary.checkStructure` (run by the tests) their Markdown structure.
public struct Template: Sendable {
    indirect enum Node: Sendable {
        case line([Piece])
        case each(String, [Node])
        case conditional(String, [Node])
    }

    enum Piece: Sendable {
        case literal(String)
        case variable(name: String, filter: Filter?)
    }

    enum Filter: Sendable {
        case ljust(Int)
        case cell
    }

    public let name: String
    public let source: String
    let nodes: [Node]

    public init(name: String, source: String) throws {
        self.name = name
        self.source = source
        // Split as bytes: a Character split pays for grapheme breaking on every character.
        var lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        var index = 0
        nodes = try Template.parseBlock(lines, &index, name: name, closing: nil)
        if index < lines.count {
            throw TemplateError(template: name, line: index + 1, message: "unexpected '\(lines[index])'")
        }
    }

    /// Renders with `scope`; every line ends with "\n".
    public func render(_ scope: TemplateScope) throws -> String {
        var out = ""
        try Template.render(nodes, [scope], into: &out, template: name)
        return out
    }

    // MARK: - Parsing

    private static func parseBlock(_ lines: [String], _ index: inout Int, name: String, closing: String?) throws -> [Node] {
        var nodes: [Node] = []
        let openLine = index
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingSpaces
            if let key = directive(trimmed, "#each") {
                index += 1
                nodes.append(.each(key, try parseBlock(lines, &index, name: name, closing: "{{/each}}")))
            } else if let key = directive(trimmed, "#if") {
                index += 1
                nodes.append(.conditional(key, try parseBlock(lines, &index, name: name, closing: "{{/if}}")))
            } else if trimmed == "{{/each}}" || trimmed == "{{/if}}" {
                guard trimmed == closing else {
                    throw TemplateError(template: name, line: index + 1, message: "unmatched \(trimmed)")
                }
                index += 1
                return nodes
            } else {
                nodes.append(.line(try parseLine(line, name: name, line: index + 1)))
                index += 1
            }
        }
        if let closing {
            throw TemplateError(template: name, line: openLine, message: "missing \(closing)")
        }
        return nodes
    }

    private static func directive(_ line: String, _ keyword: String) -> String? {
        let prefix = "{{\(keyword) "
        guard line.hasPrefix(prefix), line.hasSuffix("}}") else { return nil }
        return line.dropFirst(prefix.count).dropLast(2).trimmingSpaces
    }

    private static func parseLine(_ line: String, name: String, line number: Int) throws -> [Piece] {
        var pieces: [Piece] = []
        let bytes = Array(line.utf8)
        var rest = 0
        while let open = find(UInt8(ascii: "{"), twiceIn: bytes, from: rest) {
            if open > rest { pieces.append(.literal(String(decoding: bytes[rest..<open], as: UTF8.self))) }
            guard let close = find(UInt8(ascii: "}"), twiceIn: bytes, from: open + 2) else {
                throw TemplateError(template: name, line: number, message: "unterminated '{{'")
            }
            let body = String(decoding: bytes[(open + 2)..<close], as: UTF8.self)
            let parts = body.split(separator: "|", maxSplits: 1).map(\.trimmingSpaces)
            guard let variable = parts.first, !variable.isEmpty, !variable.hasPrefix("#"), !variable.hasPrefix("/") else {
                throw TemplateError(template: name, line: number, message: "bad placeholder '{{\(body)}}'")
            }
            pieces.append(.variable(name: variable, filter: try parts.count > 1 ? filter(parts[1], name, number) : nil))
            rest = close + 2
        }
        if rest < bytes.count { pieces.append(.literal(String(decoding: bytes[rest...], as: UTF8.self))) }
        return pieces
    }

    /// The index of the first `byte byte` pair at or after `start`.
    private static func find(_ byte: UInt8, twiceIn bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == byte && bytes[index + 1] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func filter(_ text: String, _ name: String, _ line: Int) throws -> Filter {
        if text == "cell" { return .cell }
        if text.hasPrefix("ljust:"), let width = Int(text.dropFirst(6)), width >= 0 { return .ljust(width) }
        throw TemplateError(template: name, line: line, message: "unknown filter '\(text)'")
    }

    // MARK: - Rendering

    private static func lookup(_ key: String, _ scopes: [TemplateScope]) -> TemplateValue? {
        for scope in scopes.reversed() { if let value = scope[key] { return value } }
        return nil
    }

    private static func render(_ nodes: [Node], _ scopes: [TemplateScope], into out: inout String, template: String) throws {
        for node in nodes {
            switch node {
            case .line(let pieces):
                for piece in pieces {
                    switch piece {
                    case .literal(let text): out += text
                    case .variable(let key, let filter):
                        guard case .text(let value)? = lookup(key, scopes) else {
                            throw TemplateError(template: template, line: 0, message: "no text value for '\(key)'")
                        }
                        out += apply(filter, value)
                    }
                }
                out += "\n"
            case .each(let key, let body):
                guard case .list(let items)? = lookup(key, scopes) else {
                    throw TemplateError(template: template, line: 0, message: "no list value for '\(key)'")
                }
                for item in items { try render(body, scopes + [item], into: &out, template: template) }
            case .conditional(let key, let body):
                let keep: Bool
                switch lookup(key, scopes) {
                case .flag(let flag)?: keep = flag
                case .text(let text)?: keep = !text.isEmpty
                case .list(let items)?: keep = !items.isEmpty
                case nil: keep = false
                }
                if keep { try render(body, scopes, into: &out, template: template) }
            }
        }
    }

    private static func apply(_ filter: Filter?, _ value: String) -> String {
        switch filter {
        case nil: return value
        case .ljust(let width):
            return value.count >= width ? value : value + String(repeating: " ", count: width - value.count)
        case .cell: return value.isEmpty ? " " : " \(value) "
        }
    }
}

/// A template that cannot be parsed or rendered: a packaging bug, reported loudly.
public struct TemplateError: Error, CustomStringConvertible {
    public var template: String
    public var line: Int
    public var message: String
    public var description: String { "template \(template):\(line): \(message)" }
}
