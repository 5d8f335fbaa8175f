import Frontend
import IR

/// A transition that calls a parametric action, with its gates resolved.
struct CallSite {
    var transition: Transition
    var action: ActionDecl
    var gates: [ResolvedGate]

    /// Binds every parametric call in the machine (bare calls of
    /// parameterless actions resolve too). Angle context = numeric context fields.
    static func all(in machine: Machine) -> [CallSite] {
        machine.transitions.compactMap { transition in
            guard let call = transition.action, let action = machine.action(named: call.name) else { return nil }
            return try? resolve(transition, action, machine)
        }
    }

    static func resolve(_ transition: Transition, _ action: ActionDecl, _ machine: Machine) throws -> CallSite {
        var qubits: [String: Int] = [:]
        var angles = machine.angleContext
        for argument in transition.action?.arguments ?? [] {
            switch argument.value {
            case .int(let value): qubits[argument.parameter] = value
            case .angle(let value): angles[argument.parameter] = value
            }
        }
        let gates = try action.gates.map { gate -> ResolvedGate in
            var resolved = try gate.resolved(qubitBindings: qubits, angleBindings: angles)
            // A bound gate's problems come from its call site's arguments: point there.
            resolved.location = transition.location ?? resolved.location
            return resolved
        }
        return CallSite(transition: transition, action: action, gates: gates)
    }
}
