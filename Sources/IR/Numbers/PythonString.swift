/// Python's `repr(str)`, used to quote names in messages the way polygram does.
public enum PythonString {
    public static func repr(_ text: String) -> String {
        let quote: Character = text.containsText("'") && !text.containsText("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\\(quote)"
                } else if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += escape(scalar.value)
                }
            }
        }
        out.append(quote)
        return out
    }

    /// Python's `repr(list_of_str)`: `['a', 'b']`.
    public static func reprList(_ items: [String]) -> String {
        "[" + items.map { repr($0) }.joinedText(", ") + "]"
    }

    /// Python's `repr(tuple_of_str)`: `('a', 'b')`, `('a',)`.
    public static func reprTuple(_ items: [String]) -> String {
        items.count == 1 ? "(\(repr(items[0])),)" : "(" + items.map { repr($0) }.joinedText(", ") + ")"
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII without the Unicode tables (their first lookup costs more than a whole name).
        if scalar.isASCII { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func escape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        if value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
