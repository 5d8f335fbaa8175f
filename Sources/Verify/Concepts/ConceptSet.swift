import Foundation
import IR
import Simulate

/// The concepts a machine prepares: one per call site of its concept action,
/// in transitions-table order (qorca-language.md §7).
public struct ConceptSet {
    public struct Concept {
        public var label: String
        public var cluster: String?
        public var location: SourceLocation?
        public var gates: [ResolvedGate]
    }

    public var actionName: String
    public var qubitCount: Int
    public var concepts: [Concept]

    /// q-orca's helpers default to `query_concept`; polygram's machines use
    /// `prepare_concept`. The first of these with bound call sites wins.
    static let conceptActions = ["query_concept", "prepare_concept"]

    public static func find(in machine: Machine) -> ConceptSet? {
        for name in conceptActions {
            guard let action = machine.action(named: name), action.isParametric else { continue }
            let sites = machine.transitions.filter { $0.action?.name == name && $0.action?.arguments != nil }
            guard !sites.isEmpty else { continue }
            let resolved = sites.compactMap { try? CallSite.resolve($0, action, machine) }
            guard resolved.count == sites.count else { return nil }
            let used = resolved.flatMap { $0.gates.flatMap(\.qubits) }.max().map { $0 + 1 } ?? 1
            let qubits = max(Register.declaredSize(machine) ?? used, used)
            let concepts = resolved.map { site in
                Concept(label: label(for: site.transition),
                        cluster: cluster(of: site.transition.target, in: machine),
                        location: site.transition.location, gates: site.gates)
            }
            return ConceptSet(actionName: name, qubitCount: qubits, concepts: concepts)
        }
        return nil
    }

    /// The concept's name: the target state without its `prepared_`/`queried_` prefix.
    static func label(for transition: Transition) -> String {
        for prefix in ["prepared_", "queried_"] where transition.target.hasPrefix(prefix) {
            return String(transition.target.dropFirst(prefix.count))
        }
        return transition.target
    }

    /// A cluster named in the target state's description: polygram writes
    /// `Cluster: dogs.` (MPS) or `(cluster: dogs)` (HEA).
    static func cluster(of stateName: String, in machine: Machine) -> String? {
        guard let text = machine.state(named: stateName)?.description else { return nil }
        for pattern in ["Cluster: ([^\\s.]+)\\.?", "\\(cluster: ([^\\s)]+)\\)"] {
            if let name = Register.matches(of: pattern, in: text).first { return name }
        }
        return nil
    }

    /// Simulates every concept and forms the Gram matrix.
    public func gram() throws -> (states: [StateVector], gram: GramMatrix) {
        try MemoryGuard.check(qubitCount: qubitCount, states: concepts.count)
        let states = try concepts.map { concept -> StateVector in
            var state = StateVector(qubitCount: qubitCount)
            try state.apply(concept.gates)
            return state
        }
        return (states, GramMatrix.of(states))
    }
}
