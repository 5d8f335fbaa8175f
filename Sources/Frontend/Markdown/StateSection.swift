import Foundation
import IR

extension MachineBuilder {
    /// `## state <name> [= expr] [annotations]` (§2.5). Bracket groups are
    /// read as in q-orca HEAD: `initial` and `final` set the flags, any other
    /// group is kept in `annotations` and removed from the name.
    func state(_ section: Section) throws -> StateDecl {
        let heading = section.heading
        let trimmed = heading.text.trimmed
        // The words after `state` and its whitespace (the section key ensures both).
        let (rest, tokens): (String, [String])
        if trimmed.isPlainASCII {
            let units = ASCIIByte.units(trimmed)
            var start = min(5, units.count)
            while start < units.count, units[start].isWhitespace { start += 1 }
            (rest, tokens) = Self.bracketGroups(units[start...])
        } else {
            let words = trimmed.dropFirst(5).drop { $0.isWhitespace }
            (rest, tokens) = Self.bracketGroups(Character.units(String(words))[...])
        }
        var isInitial = false, isFinal = false
        var annotations: [String] = []
        for token in tokens {
            switch token.lowercased() {
            case "initial": isInitial = true
            case "final": isFinal = true
            case "": continue
            default: annotations.append(token)
            }
        }
        var name = rest.trimmed
        var expression: String?
        if let k = name.firstIndex(ofASCII: ">"), let e = name.firstIndex(ofASCII: "="),
           k > name.startIndex, e > k {
            expression = name[name.index(after: e)...].trimmed
            name = String(name[..<e])
        }
        name = name.precomposed.trimmed
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

    /// The heading text outside `[…]` groups, and the tokens of every group in order.
    private static func bracketGroups<U: TextUnit>(_ chars: ArraySlice<U>) -> (rest: String, tokens: [String]) {
        var rest: [U] = []
        var tokens: [String] = []
        var i = chars.startIndex
        while i < chars.endIndex {
            if chars[i] == "[", let close = matchingBracket(chars, i) {
                tokens += splitTopLevel(chars[(i + 1)..<close])
                i = close + 1
                continue
            }
            rest.append(chars[i])
            i += 1
        }
        return (U.string(rest), tokens)
    }

    private static func matchingBracket<U: TextUnit>(_ chars: ArraySlice<U>, _ open: Int) -> Int? {
        var depth = 0
        for j in open..<chars.endIndex {
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" {
                depth -= 1
                if depth == 0 { return j }
            }
        }
        return nil
    }

    /// Comma-separated tokens outside (), [] — trimmed.
    private static func splitTopLevel<U: TextUnit>(_ text: ArraySlice<U>) -> [String] {
        var tokens: [String] = []
        var current: [U] = []
        var depth = 0
        for c in text {
            if c == "(" || c == "[" { depth += 1 }
            if c == ")" || c == "]" { depth -= 1 }
            if c == ",", depth == 0 {
                tokens.append(U.string(current).trimmed)
                current = []
            } else {
                current.append(c)
            }
        }
        tokens.append(U.string(current).trimmed)
        return tokens
    }
}
