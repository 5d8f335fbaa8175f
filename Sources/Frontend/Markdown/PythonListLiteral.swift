/// A nested Python list/tuple literal of numbers (`[[0.1, -2], (3e-5,)]`),
/// as `ast.literal_eval` reads the `## theta` tensor cells.
indirect enum PythonListLiteral: Equatable {
    case number(Double)
    case list([PythonListLiteral])

    struct SyntaxError: Error {
        var message: String
        var offset: Int
    }

    static func parse(_ text: String) throws -> PythonListLiteral {
        var parser = Parser(chars: Array(text))
        parser.skipSpaces()
        let value = try parser.value()
        parser.skipSpaces()
        guard parser.position == parser.chars.count else {
            throw SyntaxError(message: "unexpected '\(parser.chars[parser.position])'", offset: parser.position)
        }
        return value
    }

    /// The shape if the literal is a regular nested list, nil if ragged.
    var shape: [Int]? {
        switch self {
        case .number: return []
        case .list(let items):
            guard let first = items.first else { return [0] }
            guard let inner = first.shape else { return nil }
            for item in items.dropFirst() where item.shape != inner { return nil }
            return [items.count] + inner
        }
    }

    private struct Parser {
        let chars: [Character]
        var position = 0

        mutating func skipSpaces() {
            while position < chars.count, chars[position].isWhitespace { position += 1 }
        }

        mutating func value() throws -> PythonListLiteral {
            guard position < chars.count else { throw SyntaxError(message: "unexpected end", offset: position) }
            let c = chars[position]
            if c == "[" || c == "(" {
                let close: Character = c == "[" ? "]" : ")"
                position += 1
                var items: [PythonListLiteral] = []
                skipSpaces()
                if position < chars.count, chars[position] == close {
                    position += 1
                    return .list(items)
                }
                while true {
                    skipSpaces()
                    items.append(try value())
                    skipSpaces()
                    guard position < chars.count else { throw SyntaxError(message: "missing '\(close)'", offset: position) }
                    if chars[position] == "," {
                        position += 1
                        skipSpaces()
                        if position < chars.count, chars[position] == close { position += 1; break }
                        continue
                    }
                    if chars[position] == close { position += 1; break }
                    throw SyntaxError(message: "expected ',' or '\(close)'", offset: position)
                }
                // `(x)` without a comma is just x in Python.
                if c == "(", items.count == 1, case .number = items[0] {
                    if chars[position - 2] != "," { return items[0] }
                }
                return .list(items)
            }
            let start = position
            if c == "+" || c == "-" { position += 1 }
            while position < chars.count, chars[position].isASCII,
                  chars[position].isNumber || ".eE_".contains(chars[position])
                    || ((chars[position] == "+" || chars[position] == "-") && "eE".contains(chars[position - 1])) {
                position += 1
            }
            let text = String(chars[start..<position])
            guard let value = PythonFloatLiteral.parse(text), !text.lowercased().contains("n") else {
                throw SyntaxError(message: "'\(text.isEmpty ? String(c) : text)' is not a number", offset: start)
            }
            return .number(value)
        }
    }
}
