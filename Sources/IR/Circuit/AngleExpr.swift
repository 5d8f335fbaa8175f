/// A symbolic rotation angle in Q-Orca's angle language (qorca-language.md §4).
///
/// The cases mirror the language's evaluation order so that evaluation is
/// bit-identical to the reference: a sum is folded left to right starting
/// from 0.0, a sign multiplies by ±1, `k*pi/d` is `(k·π)/d`.
public indirect enum AngleExpr: Hashable, Sendable {
    /// A literal value (a float literal or an already-evaluated pi form).
    case number(Double)
    /// A parameter or context field, bound at evaluation time.
    case symbol(String)
    /// `factor · expr` (`2*a`, `a*pi`, `pi*a`).
    case scaled(AngleExpr, by: Double)
    /// `expr / divisor` (`a/2`).
    case divided(AngleExpr, by: Double)
    /// A signed term: `-x` evaluates to `-1.0 * x`.
    case negated(AngleExpr)
    /// A parenthesised expression, kept so printing round-trips.
    case parenthesized(AngleExpr)
    /// A top-level linear combination; each term carries its own sign.
    case sum([AngleExpr])

    /// Evaluates with the given bindings; throws for an unbound symbol.
    public func evaluate(_ bindings: [String: Double] = [:]) throws -> Double {
        switch self {
        case .number(let value):
            return value
        case .symbol(let name):
            guard let value = bindings[name] else { throw UnboundSymbol(name: name) }
            return value
        case .scaled(let inner, let factor):
            return try factor * inner.evaluate(bindings)
        case .divided(let inner, let divisor):
            return try inner.evaluate(bindings) / divisor
        case .negated(let inner):
            return try -1.0 * inner.evaluate(bindings)
        case .parenthesized(let inner):
            return try inner.evaluate(bindings)
        case .sum(let terms):
            var total = 0.0
            for term in terms { total += try term.evaluate(bindings) }
            return total
        }
    }

    /// Names this expression refers to, in first-use order.
    public var symbols: [String] {
        var seen: [String] = []
        func walk(_ expr: AngleExpr) {
            switch expr {
            case .number: break
            case .symbol(let name): if !seen.contains(name) { seen.append(name) }
            case .scaled(let inner, _), .divided(let inner, _), .negated(let inner), .parenthesized(let inner):
                walk(inner)
            case .sum(let terms): terms.forEach(walk)
            }
        }
        walk(self)
        return seen
    }

    /// Replaces bound symbols by their values (used to expand call sites).
    public func substituting(_ bindings: [String: Double]) -> AngleExpr {
        switch self {
        case .number: return self
        case .symbol(let name): return bindings[name].map(AngleExpr.number) ?? self
        case .scaled(let inner, let factor): return .scaled(inner.substituting(bindings), by: factor)
        case .divided(let inner, let divisor): return .divided(inner.substituting(bindings), by: divisor)
        case .negated(let inner): return .negated(inner.substituting(bindings))
        case .parenthesized(let inner): return .parenthesized(inner.substituting(bindings))
        case .sum(let terms): return .sum(terms.map { $0.substituting(bindings) })
        }
    }
}

/// Raised when an angle refers to a name with no value.
public struct UnboundSymbol: Error, Equatable, Sendable {
    public var name: String
}
