import IR

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
        text.isPlainASCII ? try parse(ASCIIByte.units(text)) : try parse(Character.units(text))
    }

    private static func parse<U: TextUnit>(_ chars: [U]) throws -> PythonListLiteral {
        var parser = Parser(chars: chars)
        parser.skipSpaces()
        let value = try parser.value()
        parser.skipSpaces()
        guard parser.position == parser.chars.count else {
            throw SyntaxError(message: "unexpected '\(parser.chars[parser.position].character)'", offset: parser.position)
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

    private struct Parser<U: TextUnit> {
        let chars: [U]
        var position = 0

        mutating func skipSpaces() {
            while position < chars.count, chars[position].isWhitespace { position += 1 }
        }

        mutating func value() throws -> PythonListLiteral {
            guard position < chars.count else { throw SyntaxError(message: "unexpected end", offset: position) }
            let c = chars[position]
            if c == "[" || c == "(" {
                let close: U = c == "[" ? "]" : ")"
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
                    guard position < chars.count else { throw SyntaxError(message: "missing '\(close.character)'", offset: position) }
                    if chars[position] == "," {
                        position += 1
                        skipSpaces()
                        if position < chars.count, chars[position] == close { position += 1; break }
                        continue
                    }
                    if chars[position] == close { position += 1; break }
                    throw SyntaxError(message: "expected ',' or '\(close.character)'", offset: position)
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
                  chars[position].isNumber || Self.isNumberMark(chars[position])
                    || ((chars[position] == "+" || chars[position] == "-") && Self.isExponent(chars[position - 1])) {
                position += 1
            }
            let text = U.string(chars[start..<position])
            guard let value = PythonFloatLiteral.parse(text), !Self.containsN(text) else {
                throw SyntaxError(message: "'\(text.isEmpty ? String(c.character) : text)' is not a number", offset: start)
            }
            return .number(value)
        }

        /// One of `.eE_`.
        static func isNumberMark(_ c: U) -> Bool { c == "." || isExponent(c) || c == "_" }
        /// `e` or `E`.
        static func isExponent(_ c: U) -> Bool { c == "e" || c == "E" }

        /// `text.lowercased().contains("n")`; on ASCII text, an `n` or `N` byte.
        static func containsN(_ text: String) -> Bool {
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased().contains("n") }
            return text.utf8.contains { $0 == UInt8(ascii: "n") || $0 == UInt8(ascii: "N") }
        }
    }
}
