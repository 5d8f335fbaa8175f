/// An `## actions` row: signature and effect.
public struct ActionDecl: Hashable, Sendable {
    public enum ParameterType: String, Hashable, Sendable { case int, angle }

    public struct Parameter: Hashable, Sendable {
        public var name: String
        public var type: ParameterType
        public init(name: String, type: ParameterType) {
            self.name = name
            self.type = type
        }
    }

    public var name: String
    /// The signature cell as written (`(qs, a: angle) -> qs`), empty if absent.
    public var signature: String
    public var parameters: [Parameter]
    public var returnType: String
    /// The effect cell as written.
    public var effectText: String
    /// The effect's statements in source order (symbolic in the parameters).
    public var statements: [EffectStatement]
    public var location: SourceLocation?

    public init(name: String, signature: String, parameters: [Parameter], returnType: String,
                effectText: String, statements: [EffectStatement], location: SourceLocation? = nil) {
        self.name = name
        self.signature = signature
        self.parameters = parameters
        self.returnType = returnType
        self.effectText = effectText
        self.statements = statements
        self.location = location
    }

    public var isParametric: Bool { !parameters.isEmpty }

    /// The unitary gates of the effect, in order.
    public var gates: [Gate] {
        statements.compactMap { if case .gate(let gate) = $0 { return gate } else { return nil } }
    }
}

/// One `;`-separated statement of an effect (qorca-language.md §3).
public enum EffectStatement: Hashable, Sendable {
    case gate(Gate)
    /// Terminal measurement `measure(qs[i, j])`.
    case measure(qubits: [Int], location: SourceLocation?)
    /// Mid-circuit measurement `measure(qs[i]) -> bits[k]`.
    case midCircuitMeasure(qubit: Int, bit: Int, location: SourceLocation?)
    /// Classical feed-forward `if bits[i] == v [and …]: GATE`.
    case conditional(conditions: [BitCondition], gate: Gate)
    /// Classical context update (`iteration += 1`), kept as written.
    case contextUpdate(text: String, location: SourceLocation?)
}

/// `bits[bit] == value`.
public struct BitCondition: Hashable, Sendable {
    public var bit: Int
    public var value: Int
    public init(bit: Int, value: Int) {
        self.bit = bit
        self.value = value
    }
}
