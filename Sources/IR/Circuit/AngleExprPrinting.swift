extension AngleExpr: CustomStringConvertible {
    /// Source text in the angle language; numbers print as Python `repr`.
    public var description: String {
        switch self {
        case .number(let value): return PythonFloat.repr(value)
        case .symbol(let name): return name
        // The language writes these as `k*name`, `name*pi` and `name/d` with
        // integers k, d; print them back in that form so the text re-parses.
        case .scaled(let inner, let factor):
            if factor == 3.141592653589793 { return "\(inner)*pi" }
            if let k = Self.integerText(factor) { return "\(k)*\(inner)" }
            return "\(PythonFloat.repr(factor))*\(inner)"
        case .divided(let inner, let divisor):
            return "\(inner)/\(Self.integerText(divisor) ?? PythonFloat.repr(divisor))"
        case .negated(let inner): return "-\(inner)"
        case .parenthesized(let inner): return "(\(inner))"
        case .sum(let terms):
            var text = ""
            for (index, term) in terms.enumerated() {
                if index == 0 {
                    text = term.description
                } else if case .negated(let inner) = term {
                    text += " - \(inner)"
                } else {
                    text += " + \(term)"
                }
            }
            return text
        }
    }

    /// `12` for 12.0 (within Int range), nil otherwise.
    private static func integerText(_ x: Double) -> String? {
        guard x.isFinite, x == x.rounded(), abs(x) < 9.0e15 else { return nil }
        return String(Int(x))
    }
}
