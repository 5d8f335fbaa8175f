/// A Q-Orca state machine: the one IR that compiled dictionaries and parsed
/// `.q.orca.md` files both become (qorca-language.md §2).
public struct Machine: Hashable, Sendable {
    public var name: String
    public var location: SourceLocation?
    /// Prose paragraphs directly under the machine heading, in order.
    public var summary: [String]
    public var context: [ContextField]
    public var events: [EventDecl]
    public var states: [StateDecl]
    public var transitions: [Transition]
    public var actions: [ActionDecl]
    public var verificationRules: [VerificationRule]
    public var invariants: [Invariant]
    /// HEA `## encoding` section, when present.
    public var encoding: EncodingTable?
    /// HEA `## theta` rows, when present.
    public var theta: [ThetaRow]
    /// polygram's `## amp branch` table (Rung3/4/5), when present.
    public var ampBranch: AmpBranchTable?
    /// Sections the reader does not interpret, kept so they can be reported.
    public var otherSections: [OtherSection]
    /// `## guards` rows (name and expression text).
    public var guards: [GuardDecl] = []

    public init(name: String, location: SourceLocation? = nil, summary: [String] = [],
                context: [ContextField] = [], events: [EventDecl] = [], states: [StateDecl] = [],
                transitions: [Transition] = [], actions: [ActionDecl] = [],
                verificationRules: [VerificationRule] = [], invariants: [Invariant] = [],
                encoding: EncodingTable? = nil, theta: [ThetaRow] = [],
                ampBranch: AmpBranchTable? = nil, otherSections: [OtherSection] = []) {
        self.name = name
        self.location = location
        self.summary = summary
        self.context = context
        self.events = events
        self.states = states
        self.transitions = transitions
        self.actions = actions
        self.verificationRules = verificationRules
        self.invariants = invariants
        self.encoding = encoding
        self.theta = theta
        self.ampBranch = ampBranch
        self.otherSections = otherSections
    }

    public func action(named name: String) -> ActionDecl? { actions.first { $0.name == name } }
    public func state(named name: String) -> StateDecl? { states.last { $0.name == name } }
}

/// A `## context` row.
public struct ContextField: Hashable, Sendable {
    public var name: String
    public var type: String
    public var defaultValue: String?
    public var location: SourceLocation?

    public init(name: String, type: String, defaultValue: String?, location: SourceLocation? = nil) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.location = location
    }
}

/// A `## events` bullet.
public struct EventDecl: Hashable, Sendable {
    public var name: String
    public var location: SourceLocation?

    public init(name: String, location: SourceLocation? = nil) {
        self.name = name
        self.location = location
    }
}

/// A `## state` heading with its optional blockquote description.
public struct StateDecl: Hashable, Sendable {
    public var name: String
    public var expression: String?
    public var isInitial: Bool
    public var isFinal: Bool
    public var description: String?
    public var location: SourceLocation?
    /// Bracket annotations other than `[initial]`/`[final]` (q-orca HEAD
    /// syntax such as `loop ceil(pi/4 * sqrt(N))`), trimmed, in source order.
    public var annotations: [String]

    public init(name: String, expression: String? = nil, isInitial: Bool = false, isFinal: Bool = false,
                description: String? = nil, location: SourceLocation? = nil, annotations: [String] = []) {
        self.name = name
        self.expression = expression
        self.isInitial = isInitial
        self.isFinal = isFinal
        self.description = description
        self.location = location
        self.annotations = annotations
    }
}

/// A `## guards` row. The expression is kept as written.
public struct GuardDecl: Hashable, Sendable {
    public var name: String
    public var expression: String
    /// The expression as q-orca's guard grammar reads it (qorca-language.md §2.7).
    public var condition: GuardCondition
    public var location: SourceLocation?

    public init(name: String, expression: String, condition: GuardCondition = .unrecognized,
                location: SourceLocation? = nil) {
        self.name = name
        self.expression = expression
        self.condition = condition
        self.location = location
    }
}

/// A `## guards` expression.
public enum GuardCondition: Hashable, Sendable {
    case literal(Bool)
    /// `fidelity(|a>, |b>) ** 2 OP value`
    case fidelity(String, String, op: String, value: Double)
    /// `prob('bits') OP value` / `prob_collapse('bits') OP value` (the operator is not kept by q-orca)
    case probability(bitstring: String, value: Double)
    /// `path OP value`
    case compare(path: [String], op: String, value: String)
    /// Anything else (q-orca treats it as `true`).
    case unrecognized
}
