import Foundation
import IR
import Simulate

/// The dynamic stage: every branch simulated on its own, with every gate,
/// and the entanglement of the state it reaches (Schmidt rank and entropy in
/// bits at each cut between qubits 0…k−1 and k…n−1).
public struct DynamicAnalysis {
    public struct BranchResult {
        public var states: [String]
        public var transitions: [Transition]
        public var end: Branch.End
        /// Per cut k = 1…n−1: Schmidt rank and entanglement entropy (bits).
        public var schmidtRanks: [Int]
        public var entropies: [Double]
        /// Custom gates that could not be simulated (the branch is then not simulated).
        public var unsimulated: [String]

        /// Entangled across some cut (a state with every cut at rank 1 is a product state).
        public var isEntangled: Bool { schmidtRanks.contains { $0 > 1 } }
    }

    public var qubitCount: Int
    public var branches: [BranchResult]
    public var truncated: Bool

    public static let codes: [(String, String)] = [
        ("DYNAMIC_NO_ENTANGLEMENT", "A state named as entangled (bell, ghz, epr, entangl…) is reached only by product states."),
        ("DYNAMIC_BRANCHES_TRUNCATED", "The machine has more branches than the dynamic stage simulates (info)."),
    ]

    /// nil when the machine has no gates at all or no initial state.
    public static func run(_ machine: Machine, initial: String?) throws -> DynamicAnalysis? {
        try run(machine, initial: initial, callSites: CallSites(machine))
    }

    /// `run(_:initial:)` with the machine's call sites already bound (the verifier's).
    static func run(_ machine: Machine, initial: String?, callSites: CallSites) throws -> DynamicAnalysis? {
        guard let initial else { return nil }
        let (branches, truncated) = Branch.enumerate(machine, initial: initial, callSites: callSites)
        let used = ConceptSet.highestQubit(branches.lazy.flatMap(\.gates)).map { $0 + 1 } ?? 0
        guard used > 0 else { return nil }
        let n = max(Register.declaredSize(machine) ?? used, used)
        try MemoryGuard.check(qubitCount: n, states: 1)
        var results: [BranchResult] = []
        for branch in branches {
            let custom = branch.gates.filter { $0.kind == .custom }.map { $0.customName ?? "custom" }
            var result = BranchResult(states: branch.states(from: initial), transitions: branch.transitions, end: branch.end,
                                      schmidtRanks: [], entropies: [], unsimulated: custom)
            if custom.isEmpty, n >= 2 {
                var state = StateVector(qubitCount: n)
                if (try? state.apply(branch.gates)) != nil {
                    for cut in 1..<n {
                        let coefficients = try Schmidt.coefficients(state, cut: cut)
                        result.schmidtRanks.append(coefficients.filter { $0 > 1e-9 }.count)
                        result.entropies.append(entropy(coefficients))
                    }
                }
            }
            results.append(result)
        }
        return DynamicAnalysis(qubitCount: n, branches: results, truncated: truncated)
    }

    /// Whether the state's name or expression says `bell`, `ghz`, `epr` or
    /// `entangl` (any case). No keyword spans the space between the two, so
    /// ASCII text is searched in place, without lower-casing a copy.
    static func namesEntanglement(_ state: StateDecl) -> Bool {
        let keywords = ["bell", "ghz", "epr", "entangl"]
        let expression = state.expression ?? ""
        guard state.name.utf8.allSatisfy({ $0 < 0x80 }), expression.utf8.allSatisfy({ $0 < 0x80 }) else {
            let text = (state.name + " " + expression).lowercased()
            return keywords.contains(where: text.containsText)
        }
        return keywords.contains { state.name.containsIgnoringASCIICase($0) || expression.containsIgnoringASCIICase($0) }
    }

    /// −Σ p log₂ p over the squared Schmidt coefficients.
    static func entropy(_ coefficients: [Double]) -> Double {
        var total = 0.0
        for c in coefficients {
            let p = c * c
            if p > 1e-15 { total -= p * log2(p) }
        }
        return max(0, total)
    }

    /// States whose name or expression says they are entangled must be reached
    /// entangled on at least one simulated branch.
    public func check(_ machine: Machine) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for state in machine.states {
            guard Self.namesEntanglement(state) else { continue }
            let arrivals = branches.filter { $0.states.dropFirst().contains(state.name) && !$0.schmidtRanks.isEmpty }
            guard !arrivals.isEmpty else { continue }
            // The state at arrival: simulate the branch's prefix up to this state.
            let reached = arrivals.contains { $0.reachesEntangled(state.name, in: machine, qubits: qubitCount) }
            if !reached {
                found.append(Diagnostic("DYNAMIC_NO_ENTANGLEMENT", .error,
                    "State '\(state.name)' should be entangled, but every simulated branch reaches it in a product state",
                    at: state.location))
            }
        }
        if truncated {
            found.append(Diagnostic("DYNAMIC_BRANCHES_TRUNCATED", .info,
                "only the first \(branches.count) branches were simulated", at: machine.location))
        }
        return found
    }
}

extension DynamicAnalysis.BranchResult {
    /// Re-simulates the branch up to its first arrival at `stateName`.
    func reachesEntangled(_ stateName: String, in machine: Machine, qubits n: Int) -> Bool {
        guard let arrival = transitions.firstIndex(where: { $0.target == stateName }) else { return false }
        var state = StateVector(qubitCount: n)
        let binder = CallSiteBinder(machine)
        for t in transitions[...arrival] {
            guard let call = t.action, let action = machine.action(named: call.name) else { continue }
            guard let gates = try? binder.gates(t, action), (try? state.apply(gates)) != nil else { return false }
        }
        return (1..<n).contains { (try? Schmidt.rank(state, cut: $0)) ?? 1 > 1 }
    }
}
