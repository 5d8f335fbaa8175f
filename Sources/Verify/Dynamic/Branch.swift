import Frontend
import IR

/// One path through the machine from the initial state, simulated as its own
/// circuit (q-orca concatenates every branch into one circuit; qorca-language.md
/// §9 #6). A branch ends at a final state, at a state with no way on, before a
/// measurement, or where it would revisit a state.
public struct Branch {
    /// The transitions taken, in order.
    public var transitions: [Transition]
    /// The unitary gates applied along the way, call sites bound.
    public var gates: [ResolvedGate]
    /// Why the branch stopped.
    public var end: End

    public enum End: String {
        case finalState = "final state"
        case noTransition = "no outgoing transition"
        case measurement = "measurement"
        case cycle = "cycle"
        case unbound = "call site could not be bound"
    }

    /// The states visited, the initial one first.
    public func states(from initial: String) -> [String] { [initial] + transitions.map(\.target) }

    /// Enumerates branches depth-first in table order, at most `limit` of them.
    public static func enumerate(_ machine: Machine, initial: String, limit: Int = 256) -> (branches: [Branch], truncated: Bool) {
        enumerate(machine, initial: initial, limit: limit, callSites: CallSites(machine))
    }

    /// `enumerate` with the machine's call sites already bound (the verifier's).
    static func enumerate(_ machine: Machine, initial: String, limit: Int = 256,
                          callSites: CallSites) -> (branches: [Branch], truncated: Bool) {
        var outgoing: [String: [Int]] = [:]
        for (index, t) in machine.transitions.enumerated() { outgoing[t.source, default: []].append(index) }
        let finals = Set(machine.states.filter(\.isFinal).map(\.name))
        var branches: [Branch] = []
        var truncated = false

        func walk(_ state: String, _ taken: [Transition], _ gates: [ResolvedGate], _ visited: Set<String>) {
            guard branches.count < limit else { truncated = true; return }
            let next = outgoing[state] ?? []
            if finals.contains(state) || next.isEmpty {
                branches.append(Branch(transitions: taken, gates: gates, end: finals.contains(state) ? .finalState : .noTransition))
                return
            }
            for index in next {
                let t = machine.transitions[index]
                guard branches.count < limit else { truncated = true; return }
                if SuperpositionLeakCheck.isMeasureEvent(t.event) {
                    branches.append(Branch(transitions: taken, gates: gates, end: .measurement))
                    continue
                }
                var stepGates: [ResolvedGate] = []
                var measures = false
                if let binding = callSites.byTransition[index] {  // the transition calls a declared action
                    guard case .success(let bound) = binding.gates else {
                        branches.append(Branch(transitions: taken + [t], gates: gates, end: .unbound))
                        continue
                    }
                    stepGates = bound
                    measures = machine.actions[binding.action].measures
                }
                if measures {
                    // The unitary part before the measurement still counts.
                    branches.append(Branch(transitions: taken + [t], gates: gates + stepGates, end: .measurement))
                    continue
                }
                if visited.contains(t.target) {
                    branches.append(Branch(transitions: taken + [t], gates: gates + stepGates, end: .cycle))
                    continue
                }
                walk(t.target, taken + [t], gates + stepGates, visited.union([t.target]))
            }
        }
        walk(initial, [], [], [initial])
        return (branches, truncated)
    }
}
