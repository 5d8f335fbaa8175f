import IR

/// Stage 2 (qorca-language.md §6.4): every non-final state handles every
/// event, relaxed for quantum preparation paths.
public enum IncompleteEventHandlingCheck: MachineCheck {
    public static let code = "INCOMPLETE_EVENT_HANDLING"
    public static let summary = "A non-final state does not handle a declared event (relaxed for quantum preparation paths)."

    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        let eventIndex = Dictionary(machine.events.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let nonFinal = machine.states.filter { !$0.isFinal }
        let quantumPath = isQuantumPreparationPath(machine, analysis, nonFinal: nonFinal)
        var found: [Diagnostic] = []
        for state in nonFinal {
            let handled = Set((analysis.outgoing[state.name] ?? []).map(\.event))
            let first = handled.compactMap { eventIndex[$0] }.min() ?? 0
            for (index, event) in machine.events.enumerated() where !handled.contains(event.name) {
                if quantumPath && index != first { continue }
                found.append(Diagnostic(code, .error, "State '\(state.name)' does not handle event '\(event.name)'",
                                        at: state.location, suggestion: "Add transition: \(state.name) + \(event.name) -> <target>"))
            }
        }
        return found
    }

    static func isQuantumPreparationPath(_ machine: Machine, _ analysis: MachineAnalysis, nonFinal: [StateDecl]) -> Bool {
        let measuring = machine.events.contains { event in
            let name = event.name.lowercased()
            if name.containsText("measure") || name.containsText("collapse") || name.containsText("readout") { return true }
            return machine.transitions.contains { t in
                t.event == event.name && (t.action.flatMap { machine.action(named: $0.name) }?.measures ?? false)
            }
        }
        guard measuring, !nonFinal.isEmpty else { return false }
        let single = nonFinal.filter { (analysis.outgoing[$0.name] ?? []).count == 1 }.count
        return Double(single) / Double(nonFinal.count) > 0.5
    }
}

extension ActionDecl {
    /// Whether the effect measures (terminal or mid-circuit).
    var measures: Bool {
        statements.contains {
            switch $0 {
            case .measure, .midCircuitMeasure: return true
            default: return false
            }
        }
    }

    /// `gates.first`, without building the array of gates.
    var firstGate: Gate? {
        for case .gate(let gate) in statements { return gate }
        return nil
    }

    var hasMidCircuitMeasure: Bool {
        statements.contains { if case .midCircuitMeasure = $0 { return true } else { return false } }
    }
}
