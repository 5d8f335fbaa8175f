extension AngleExpr: CustomStringConvertible {
    /// Source text in the angle language; numbers print as Python `repr`.
    public var description: String {
        switch self {
        case .number(let value): return PythonFloat.repr(value)
        case .symbol(let name): return name
        case .scaled(let inner, let factor): return "\(PythonFloat.repr(factor))*\(inner)"
        case .divided(let inner, let divisor): return "\(inner)/\(PythonFloat.repr(divisor))"
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
}
