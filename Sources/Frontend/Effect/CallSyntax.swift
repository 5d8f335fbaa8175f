import IR

/// `Name(arg, arg, …)` covering a whole segment, with argument offsets.
/// Arguments are split at commas outside parentheses and brackets.
struct CallSyntax {
    struct Argument {
        var text: String
        /// Offset of the argument's first non-space character in the segment.
        var offset: Int
    }

    var name: String
    var arguments: [Argument]

    /// Parses `IDENT [ws] ( … )` where the `)` closing the call ends the text.
    init?(_ text: String) {
        if text.isPlainASCII { self.init(ASCIIByte.units(text)) } else { self.init(Character.units(text)) }
    }

    init?<U: TextUnit>(_ chars: [U]) {
        var i = 0
        guard i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i] == "_" else { return nil }
        while i < chars.count, TokenScanner.isIdentifierChar(chars[i]) { i += 1 }
        name = U.string(chars[0..<i])
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        guard i < chars.count, chars[i] == "(", chars.last == ")" else { return nil }
        let open = i
        var depth = 0
        for j in open..<chars.count {
            if chars[j] == "(" || chars[j] == "[" { depth += 1 }
            if chars[j] == ")" || chars[j] == "]" {
                depth -= 1
                if depth == 0, j != chars.count - 1 { return nil }
                if depth < 0 { return nil }
            }
        }
        guard depth == 0 else { return nil }
        let arguments = Self.splitArguments(chars, open: open)
        self.arguments = arguments
    }

    /// The arguments between `chars[open]` = `(` and the final `)`, split at
    /// commas outside parentheses and brackets, trimmed, with their offsets.
    static func splitArguments<U: TextUnit>(_ chars: [U], open: Int) -> [Argument] {
        var arguments: [Argument] = []
        var start = open + 1
        var depth = 0
        let close = chars.count - 1
        for j in (open + 1)...close {
            let c = chars[j]
            if j < close, c == "(" || c == "[" { depth += 1 }
            if j < close, c == ")" || c == "]" { depth -= 1 }
            if j == close || (depth == 0 && c == ",") {
                var lo = start, hi = j
                while lo < hi, chars[lo].isWhitespace { lo += 1 }
                while hi > lo, chars[hi - 1].isWhitespace { hi -= 1 }
                arguments.append(Argument(text: U.string(chars[lo..<hi]), offset: lo))
                start = j + 1
            }
        }
        if arguments.count == 1, arguments[0].text.isEmpty { return [] }
        return arguments
    }
}
