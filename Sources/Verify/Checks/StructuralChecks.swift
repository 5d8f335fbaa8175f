import IR

/// Stage 1 (qorca-language.md §6.4): states, reachability, deadlocks, orphans.
public enum NoInitialStateCheck: MachineCheck {
    public static let code = "NO_INITIAL_STATE"
    public static let summary = "The machine declares no state, so it has no initial state."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        guard analysis.initialState == nil else { return [] }
        return [Diagnostic(code, .error, "Machine has no initial state", at: machine.location,
                           suggestion: "Mark one state with [initial]")]
    }
}

public enum UndeclaredStateCheck: MachineCheck {
    public static let code = "UNDECLARED_STATE"
    public static let summary = "A transition's source or target is not a declared state."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        machine.transitions.flatMap { t -> [Diagnostic] in
            var found: [Diagnostic] = []
            if !analysis.declaredStates.contains(t.source) {
                found.append(Diagnostic(code, .error, "Transition references undeclared source state '\(t.source)'", at: t.location))
            }
            if !analysis.declaredStates.contains(t.target) {
                found.append(Diagnostic(code, .error, "Transition references undeclared target state '\(t.target)'", at: t.location))
            }
            return found
        }
    }
}

public enum UnreachableStateCheck: MachineCheck {
    public static let code = "UNREACHABLE_STATE"
    public static let summary = "A state cannot be reached from the initial state (guards ignored)."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        guard analysis.initialState != nil else { return [] }
        return machine.states.filter { !analysis.reachable.contains($0.name) }.map {
            Diagnostic(code, .error, "State '\($0.name)' is not reachable from the initial state", at: $0.location)
        }
    }
}

public enum DeadlockCheck: MachineCheck {
    public static let code = "DEADLOCK"
    public static let summary = "A non-final state has no outgoing transition."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        machine.states.filter { !$0.isFinal && (analysis.outgoing[$0.name] ?? []).isEmpty }.map {
            Diagnostic(code, .error, "Non-final state '\($0.name)' has no outgoing transitions", at: $0.location)
        }
    }
}

public enum OrphanEventCheck: MachineCheck {
    public static let code = "ORPHAN_EVENT"
    public static let summary = "A declared event is used by no transition."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        let used = Set(machine.transitions.map(\.event))
        return machine.events.filter { !used.contains($0.name) }.map {
            Diagnostic(code, .warning, "Event '\($0.name)' is declared but never used in any transition", at: $0.location)
        }
    }
}

public enum OrphanActionCheck: MachineCheck {
    public static let code = "ORPHAN_ACTION"
    public static let summary = "A declared action is referenced by no transition."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        let used = Set(machine.transitions.compactMap { $0.action?.name })
        return machine.actions.filter { !used.contains($0.name) }.map {
            Diagnostic(code, .warning, "Action '\($0.name)' is declared but never referenced", at: $0.location)
        }
    }
}
