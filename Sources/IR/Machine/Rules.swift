/// A `## verification rules` bullet: `kind[: description]`.
public struct VerificationRule: Hashable, Sendable {
    /// Lower-cased kind with `-` mapped to `_` (the whole item when no colon).
    public var kind: String
    public var description: String?
    public var text: String
    public var location: SourceLocation?

    public init(kind: String, description: String?, text: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.description = description
        self.text = text
        self.location = location
    }
}

/// Comparison operators of invariants and guards.
public enum ComparisonOperator: String, Hashable, Sendable {
    case ge = ">=", gt = ">", le = "<=", lt = "<", eq = "=="

    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .ge: return lhs >= rhs
        case .gt: return lhs > rhs
        case .le: return lhs <= rhs
        case .lt: return lhs < rhs
        case .eq: return lhs == rhs
        }
    }
}

/// An `## invariants` bullet.
public struct Invariant: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case entanglement(Int, Int)
        case schmidtRank(Int, Int, ComparisonOperator, Int)
        case resource(metric: String, ComparisonOperator, Int)
        case tierSeparation(ComparisonOperator, Double)
        /// An item no form matches; kept so it can be reported.
        case unrecognized
    }
    public var kind: Kind
    public var text: String
    public var location: SourceLocation?

    public init(kind: Kind, text: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.text = text
        self.location = location
    }
}
