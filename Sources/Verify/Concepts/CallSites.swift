import Frontend
import IR

/// Every transition's call site, bound once per machine: the unitarity
/// checks, the dynamic stage and the concept set all need the same ones.
struct CallSites {
    /// A transition's action (an index into `machine.actions`) and its gates
    /// with the call's arguments bound, or the error binding them threw.
    struct Binding {
        var action: Int
        var gates: Result<[ResolvedGate], Error>
    }

    /// Per transition (same index): nil when it calls no declared action.
    let byTransition: [Binding?]

    init(_ machine: Machine) {
        let binder = CallSiteBinder(machine)
        byTransition = machine.transitions.map { transition in
            // The first action of that name, as `machine.action(named:)` finds it.
            guard let call = transition.action, let action = machine.actions.firstIndex(where: { $0.name == call.name })
            else { return nil }
            return Binding(action: action, gates: Result { try binder.gates(transition, machine.actions[action]) })
        }
    }
}

/// Binds the call sites of one machine. The angle context (the numeric
/// context fields, parsed from their defaults) is computed once, not per site.
struct CallSiteBinder {
    let angleContext: [String: Double]

    init(_ machine: Machine) {
        angleContext = machine.angleContext
    }

    /// The action's gates with the transition's arguments bound.
    func gates(_ transition: Transition, _ action: ActionDecl) throws -> [ResolvedGate] {
        let arguments = transition.action?.arguments ?? []
        var qubits: [String: Int] = [:]
        var angles = angleContext
        angles.reserveCapacity(angleContext.count + arguments.count)
        for argument in arguments {
            switch argument.value {
            case .int(let value): qubits[argument.parameter] = value
            case .angle(let value): angles[argument.parameter] = value
            }
        }
        var gates: [ResolvedGate] = []
        gates.reserveCapacity(action.statements.count)
        for case .gate(let gate) in action.statements {
            var resolved = try gate.resolved(qubitBindings: qubits, angleBindings: angles)
            // A bound gate's problems come from its call site's arguments: point there.
            resolved.location = transition.location ?? resolved.location
            gates.append(resolved)
        }
        return gates
    }
}
