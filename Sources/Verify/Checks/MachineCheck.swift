import IR

/// A verifier rule: a stable code, a one-line description, and a pure function
/// from a machine (plus shared analysis) to diagnostics.
public protocol MachineCheck {
    static var code: String { get }
    static var summary: String { get }
    static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic]
}

/// Facts several checks share, computed once per machine.
public struct MachineAnalysis {
    /// Index of the initial state (q-orca uses the last state marked initial,
    /// or the first state when none is marked).
    public let initialState: String?
    public let declaredStates: Set<String>
    public let reachable: Set<String>
    public let outgoing: [String: [Transition]]
    public let incoming: [String: [Transition]]

    public init(_ machine: Machine) {
        let marked = machine.states.last { $0.isInitial }
        initialState = marked?.name ?? machine.states.first?.name
        declaredStates = Set(machine.states.map(\.name))
        var outgoing: [String: [Transition]] = [:], incoming: [String: [Transition]] = [:]
        for t in machine.transitions {
            outgoing[t.source, default: []].append(t)
            incoming[t.target, default: []].append(t)
        }
        self.outgoing = outgoing
        self.incoming = incoming
        var reachable = Set<String>()
        if let start = initialState {
            var queue = [start]
            reachable.insert(start)
            while let state = queue.popLast() {
                for t in outgoing[state] ?? [] where !reachable.contains(t.target) {
                    reachable.insert(t.target)
                    queue.append(t.target)
                }
            }
        }
        self.reachable = reachable
    }
}
