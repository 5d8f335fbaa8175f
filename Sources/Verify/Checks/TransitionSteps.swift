import Frontend
import IR

/// What one transition does when it fires: its action's statements, in
/// source order, with a call site's arguments bound. Shared by the checks
/// that follow the machine's runs (mid-circuit coherence, resource bounds).
enum TransitionStep: Hashable {
    /// A unitary gate; `conditional` when it is fed forward from `bits[…]`.
    case gate(ResolvedGate, conditional: Bool)
    case measure(qubits: [Int])
    case midCircuitMeasure(qubit: Int, bit: Int)
    case contextUpdate

    /// The steps of `transition` (empty without an action). A gate whose
    /// qubits cannot be bound (a bare call of a parametric action) is left
    /// out; a gate whose angle cannot be evaluated keeps `angle == nil`.
    static func of(_ transition: Transition, in machine: Machine) -> [TransitionStep] {
        guard let call = transition.action, let action = machine.action(named: call.name) else { return [] }
        return of(action, arguments: call.arguments ?? [], in: machine)
    }

    static func of(_ action: ActionDecl, arguments: [ActionArgument], in machine: Machine) -> [TransitionStep] {
        var qubits: [String: Int] = [:]
        var angles = machine.angleContext
        for argument in arguments {
            switch argument.value {
            case .int(let value): qubits[argument.parameter] = value
            case .angle(let value): angles[argument.parameter] = value
            }
        }
        func bind(_ gate: Gate) -> ResolvedGate? {
            if let resolved = try? gate.resolved(qubitBindings: qubits, angleBindings: angles) { return resolved }
            var bare = gate
            bare.angle = nil
            return try? bare.resolved(qubitBindings: qubits)
        }
        return action.statements.compactMap { statement in
            switch statement {
            case .gate(let gate): return bind(gate).map { .gate($0, conditional: false) }
            case .conditional(_, let gate): return bind(gate).map { .gate($0, conditional: true) }
            case .measure(let qubits, _): return .measure(qubits: qubits)
            case .midCircuitMeasure(let qubit, let bit, _): return .midCircuitMeasure(qubit: qubit, bit: bit)
            case .contextUpdate: return .contextUpdate
            }
        }
    }
}

extension ActionDecl {
    /// The classical bits the effect writes (`measure(qs[i]) -> bits[k]`).
    var writtenBits: [Int] {
        statements.compactMap { if case .midCircuitMeasure(_, let bit, _) = $0 { return bit } else { return nil } }
    }

    /// The effect's context update, parsed (nil when the effect is not one).
    var contextUpdate: (update: ContextUpdate, location: SourceLocation?)? {
        for case .contextUpdate(let text, let location) in statements {
            if let update = ContextUpdate.parse(text) { return (update, location ?? self.location) }
        }
        return nil
    }
}

extension Machine {
    /// The first `## guards` definition with this name (q-orca's lookup).
    func guardDefinition(named name: String) -> GuardDecl? { guards.first { $0.name == name } }

    /// The probability-guard values of `transitions` (negation ignored, as in q-orca).
    func probabilityGuardValues(_ transitions: [Transition]) -> [Double] {
        transitions.compactMap { t in
            guard let ref = t.guardRef, case .probability(_, let p)? = guardDefinition(named: ref.name)?.condition else { return nil }
            return p
        }
    }
}

/// Transitions grouped by key, groups in first-appearance order.
func groupedInOrder<Key: Hashable>(_ transitions: [Transition], by key: (Transition) -> Key) -> [(Key, [Transition])] {
    var order: [Key] = []
    var groups: [Key: [Transition]] = [:]
    for t in transitions {
        let k = key(t)
        if groups[k] == nil { order.append(k) }
        groups[k, default: []].append(t)
    }
    return order.map { ($0, groups[$0]!) }
}
