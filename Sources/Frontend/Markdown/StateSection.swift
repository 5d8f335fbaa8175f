import Foundation
import IR

extension MachineBuilder {
    /// `## state <name> [= expr] [annotations]` (§2.5). Bracket groups are
    /// read as in q-orca HEAD: `initial` and `final` set the flags, any other
    /// group is kept in `annotations` and removed from the name.
    func state(_ section: Section) throws -> StateDecl {
        let heading = section.heading
        var text = Substring(heading.text.trimmed)
        text = text.dropFirst(5).drop { $0.isWhitespace }
        var isInitial = false, isFinal = false
        var annotations: [String] = []
        var rest = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "[", let close = matchingBracket(chars, i) {
                let inner = String(chars[(i + 1)..<close])
                for token in splitTopLevel(inner) {
                    switch token.lowercased() {
                    case "initial": isInitial = true
                    case "final": isFinal = true
                    case "": continue
                    default: annotations.append(token)
                    }
                }
                i = close + 1
                continue
            }
            rest.append(chars[i])
            i += 1
        }
        var name = rest.trimmed
        var expression: String?
        if let k = name.firstIndex(of: ">"), let e = name.firstIndex(of: "="),
           k > name.startIndex, e > k {
            expression = name[name.index(after: e)...].trimmed
            name = String(name[..<e])
        }
        name = name.precomposedStringWithCanonicalMapping.trimmed
        guard !name.isEmpty else {
            throw source.error("state heading has no name", line: heading.line, column: heading.column)
        }
        var description: String?
        for element in section.content {
            if case .paragraph = element { continue }
            if case .blockquote(let quote) = element { description = quote.text }
            break
        }
        return StateDecl(name: name, expression: expression, isInitial: isInitial, isFinal: isFinal,
                         description: description,
                         location: source.location(line: heading.line, column: heading.column),
                         annotations: annotations)
    }

    private func matchingBracket(_ chars: [Character], _ open: Int) -> Int? {
        var depth = 0
        for j in open..<chars.count {
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" {
                depth -= 1
                if depth == 0 { return j }
            }
        }
        return nil
    }

    /// Comma-separated tokens outside (), [] — trimmed.
    private func splitTopLevel(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == "(" || c == "[" { depth += 1 }
            if c == ")" || c == "]" { depth -= 1 }
            if c == ",", depth == 0 {
                tokens.append(current.trimmed)
                current = ""
            } else {
                current.append(c)
            }
        }
        tokens.append(current.trimmed)
        return tokens
    }
}
