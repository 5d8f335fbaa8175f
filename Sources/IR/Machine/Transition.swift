/// A `## transitions` row.
public struct Transition: Hashable, Sendable {
    public var source: String
    public var event: String
    public var guardRef: GuardRef?
    public var target: String
    public var action: ActionCall?
    public var location: SourceLocation?
    /// q-orca HEAD loop tag after the action (`grover_iterate, loop_back`):
    /// `loop_back` or `loop_done`.
    public var loopTag: String?

    public init(source: String, event: String, guardRef: GuardRef? = nil, target: String,
                action: ActionCall? = nil, location: SourceLocation? = nil, loopTag: String? = nil) {
        self.source = source
        self.event = event
        self.guardRef = guardRef
        self.target = target
        self.action = action
        self.location = location
        self.loopTag = loopTag
    }
}

/// A guard cell: `[!]name[op number]`.
public struct GuardRef: Hashable, Sendable {
    public var name: String
    public var negated: Bool
    public var text: String

    public init(name: String, negated: Bool, text: String) {
        self.name = name
        self.negated = negated
        self.text = text
    }
}

/// An action cell: a bare name, or a call `name(arg, …)` with its arguments
/// bound to the action's parameters.
public struct ActionCall: Hashable, Sendable {
    public var name: String
    /// The cell text as written (`prepare_concept(0.0, -0.5, 0.0, 0.0)`).
    public var label: String
    /// `nil` for the bare-name form.
    public var arguments: [ActionArgument]?
    public var location: SourceLocation?

    public init(name: String, label: String, arguments: [ActionArgument]?, location: SourceLocation? = nil) {
        self.name = name
        self.label = label
        self.arguments = arguments
        self.location = location
    }
}

/// One bound call-site argument.
public struct ActionArgument: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case int(Int)
        case angle(Double)
    }
    public var parameter: String
    public var value: Value
    public var text: String
    public var location: SourceLocation?

    public init(parameter: String, value: Value, text: String, location: SourceLocation? = nil) {
        self.parameter = parameter
        self.value = value
        self.text = text
        self.location = location
    }
}
