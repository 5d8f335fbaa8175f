/// A qubit argument: a literal index, or an `int` parameter of a parametric
/// action (`qs[c]`) bound at the call site.
public enum QubitOperand: Hashable, Sendable, CustomStringConvertible {
    case index(Int)
    case parameter(String)

    public var description: String {
        switch self {
        case .index(let i): return "\(i)"
        case .parameter(let name): return name
        }
    }
}

/// One gate of an effect, possibly symbolic (angles and qubit operands may
/// refer to action parameters). `controls` come first in the source syntax.
public struct Gate: Hashable, Sendable {
    public var kind: GateKind
    public var targets: [QubitOperand]
    public var controls: [QubitOperand]
    public var angle: AngleExpr?
    /// Upper-cased source name for `.custom` gates.
    public var customName: String?
    /// Register name as written (`qs`), kept for printing.
    public var register: String
    public var location: SourceLocation?

    public init(kind: GateKind, targets: [QubitOperand], controls: [QubitOperand] = [],
                angle: AngleExpr? = nil, customName: String? = nil,
                register: String = "qs", location: SourceLocation? = nil) {
        self.kind = kind
        self.targets = targets
        self.controls = controls
        self.angle = angle
        self.customName = customName
        self.register = register
        self.location = location
    }

    /// Display name (`Ry`, `CNOT`, or the custom name).
    public var name: String { kind == .custom ? (customName ?? "custom") : kind.rawValue }
}

/// A gate with every operand and angle resolved to numbers: what the
/// simulator applies.
public struct ResolvedGate: Hashable, Sendable {
    public var kind: GateKind
    public var targets: [Int]
    public var controls: [Int]
    public var angle: Double?
    public var customName: String?
    public var location: SourceLocation?

    public init(kind: GateKind, targets: [Int], controls: [Int] = [], angle: Double? = nil,
                customName: String? = nil, location: SourceLocation? = nil) {
        self.kind = kind
        self.targets = targets
        self.controls = controls
        self.angle = angle
        self.customName = customName
        self.location = location
    }

    /// Every qubit the gate touches, controls first.
    public var qubits: [Int] { controls + targets }
}

extension Gate {
    /// Binds parameters: int parameters for qubit operands, angle parameters
    /// (and numeric context fields) for angles.
    public func resolved(qubitBindings: [String: Int] = [:],
                         angleBindings: [String: Double] = [:]) throws -> ResolvedGate {
        func qubit(_ operand: QubitOperand) throws -> Int {
            switch operand {
            case .index(let i): return i
            case .parameter(let name):
                guard let i = qubitBindings[name] else { throw UnboundSymbol(name: name) }
                return i
            }
        }
        return ResolvedGate(kind: kind,
                            targets: try targets.map(qubit),
                            controls: try controls.map(qubit),
                            angle: try angle?.evaluate(angleBindings),
                            customName: customName,
                            location: location)
    }
}
