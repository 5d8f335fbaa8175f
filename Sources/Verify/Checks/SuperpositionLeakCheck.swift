import Foundation
import IR

/// Stage 5 (qorca-language.md §6.4): measurements out of superposition states.
public enum SuperpositionLeakCheck: MachineCheck {
    public static let code = "SUPERPOSITION_LEAK"
    public static let summary = "A measurement or entangling step leaves a superposition state without probability guards."

    static let superposingGates: Set<GateKind> = [.H, .Rx, .Ry, .Rz, .CNOT, .CZ, .SWAP, .CCNOT, .CSWAP]
    static let entanglingGates: Set<GateKind> = [.CNOT, .CZ, .SWAP, .CCNOT, .CSWAP]

    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        let superposed = Set(machine.states.filter { isSuperposition($0, machine, analysis) }.map(\.name))
        // polygramc honours `measurement_collapse_allowed` with or without a colon
        // (q-orca needs the colon; docs/divergences.md).
        let collapseAllowed = machine.verificationRules.contains { $0.kind == "measurement_collapse_allowed" }
        let finals = Set(machine.states.filter(\.isFinal).map(\.name))
        var found: [Diagnostic] = []

        for state in machine.states where superposed.contains(state.name) {
            for t in analysis.outgoing[state.name] ?? [] {
                let action = t.action.flatMap { machine.action(named: $0.name) }
                if action?.hasMidCircuitMeasure ?? false { continue }
                if isMeasureEvent(t.event) && t.guardRef == nil {
                    if finals.contains(t.target) {
                        if !collapseAllowed {
                            found.append(Diagnostic(code, .warning,
                                "Measurement from superposition state '\(state.name)' to final state will collapse superposition",
                                at: t.location))
                        }
                    } else {
                        found.append(Diagnostic(code, .error,
                            "Unguarded measurement from non-final superposition state '\(state.name)' may cause undefined behavior",
                            at: t.location))
                    }
                } else if !isMeasureEvent(t.event), !superposed.contains(t.target),
                          let kind = action?.firstGate?.kind, entanglingGates.contains(kind) {
                    found.append(Diagnostic(code, .error,
                        "Transition '\(t.action?.name ?? "")' from superposition state '\(state.name)' to non-superposition state '\(t.target)' may collapse superposition",
                        at: t.location))
                }
            }
        }

        for event in machine.events where isMeasureEvent(event.name) {
            var sources: [String] = []
            var bySource: [String: [Transition]] = [:]
            for t in machine.transitions where t.event == event.name {
                if let action = t.action.flatMap({ machine.action(named: $0.name) }), action.hasMidCircuitMeasure { continue }
                if bySource[t.source] == nil { sources.append(t.source) }
                bySource[t.source, default: []].append(t)
            }
            for source in sources where superposed.contains(source) {
                let group = bySource[source]!
                guard !group.contains(where: { $0.guardRef != nil }) else { continue }
                if group.allSatisfy({ finals.contains($0.target) }) {
                    if !collapseAllowed {
                        found.append(Diagnostic(code, .warning,
                            "Measurement from superposition state '\(source)' to final states - intentional collapse",
                            at: group[0].location))
                    }
                } else {
                    found.append(Diagnostic(code, .error,
                        "Measurement event '\(event.name)' from non-final superposition state '\(source)' has no probability guards",
                        at: group[0].location))
                }
            }
        }
        return found
    }

    static func isMeasureEvent(_ name: String) -> Bool {
        // On an ASCII name, lower-casing then searching is an ASCII case-insensitive search.
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            let lower = name.lowercased()
            return lower.containsText("measure") || lower.containsText("collapse")
        }
        return name.containsIgnoringASCIICase("measure") || name.containsIgnoringASCIICase("collapse")
    }

    static func isSuperposition(_ state: StateDecl, _ machine: Machine, _ analysis: MachineAnalysis) -> Bool {
        func looksSuperposed(_ text: String) -> Bool {
            text.containsText("+") || text.containsText("-")
                || EntanglementPattern.mentionsEntanglement(text)
        }
        if let expression = state.expression, looksSuperposed(expression) { return true }
        if looksSuperposed(state.name) { return true }
        return (analysis.incoming[state.name] ?? []).contains { t in
            guard let action = t.action.flatMap({ machine.action(named: $0.name) }) else { return false }
            if let kind = action.firstGate?.kind, superposingGates.contains(kind) { return true }
            return superposingGates.contains { action.effectText.containsText($0.rawValue) }
        }
    }
}
