import IR

/// Stage 4 rule-gated quantum checks (qorca-language.md §6.4) besides the
/// unitarity and entanglement ones.

extension Machine {
    /// Whether a `## verification rules` item of this kind is declared
    /// (kinds are lower-cased with `-` mapped to `_` by the reader).
    func hasRule(_ kind: String) -> Bool { verificationRules.contains { $0.kind == kind } }
}

/// Under `no_cloning`: an effect that names a copy is an error, a fan-out
/// without a CNOT a warning (q-orca's text heuristic).
public enum NoCloningCheck: MachineCheck {
    public static let code = "NO_CLONING_VIOLATION"
    public static let summary = "Under the no_cloning rule, an action's effect copies (error) or fans out (warning) quantum state."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        guard machine.hasRule("no_cloning") else { return [] }
        return machine.actions.compactMap { action in
            let effect = action.effectText
            let lower = effect.lowercased()
            guard !effect.isEmpty else { return nil }
            if ["copy", "clone", "duplicate"].contains(where: lower.containsText) {
                return Diagnostic(code, .error, "Action '\(action.name)' appears to clone quantum state: '\(effect)'",
                                  at: action.location,
                                  suggestion: "Quantum states cannot be copied (no-cloning theorem). Use entanglement or teleportation instead.")
            }
            if lower.containsText("fanout") && !lower.containsText("cnot") {
                return Diagnostic(code, .warning, "Action '\(action.name)' uses fanout which may violate no-cloning: '\(effect)'",
                                  at: action.location, suggestion: "Ensure this is a controlled operation, not a state copy")
            }
            return nil
        }
    }
}

/// Under `completeness`: per measurement event and source state, the
/// probability guards of the branches must sum to 1 (±0.01).
public enum IncompleteCollapseCheck: MachineCheck {
    public static let code = "INCOMPLETE_COLLAPSE"
    public static let summary = "Under the completeness rule, a state's measurement branches have probabilities not summing to 1."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        guard machine.hasRule("completeness") else { return [] }
        var found: [Diagnostic] = []
        for event in machine.events where SuperpositionLeakCheck.isMeasureEvent(event.name) {
            let transitions = machine.transitions.filter { $0.event == event.name }
            for (source, group) in groupedInOrder(transitions, by: \.source) {
                let probabilities = machine.probabilityGuardValues(group)
                let total = probabilities.reduce(0, +)
                guard !probabilities.isEmpty, abs(total - 1) > 0.01 else { continue }
                found.append(Diagnostic(code, .error,
                    "Measurement branches from state '\(source)' on event '\(event.name)' have probabilities summing to \(formatted(total)), expected 1.0",
                    at: group[0].location, suggestion: "Ensure all collapse outcomes are covered and probabilities sum to 1.0"))
            }
        }
        return found
    }

    static func formatted(_ value: Double) -> String { FixedDecimal.format(value, places: 4) }
}

/// Under `mid_circuit_coherence`: no gate may act on a qubit after a
/// mid-circuit measurement of it, on any run, unless a `RESET(qs[i])`
/// comes in between.
///
/// q-orca walks the states once in BFS order with one global set of
/// measured qubits and checks only each action's first gate (none in an
/// action that also measures), so it flags gates on branches that never
/// follow the measurement, misses gates after the first and measurements
/// met later on a loop, and flags `RESET` itself (docs/divergences.md #10).
/// polygramc propagates the
/// set of possibly-measured qubits along the transitions to a fixpoint (union
/// where paths meet) and checks every unconditional gate, in statement order
/// within the action. Like q-orca it does not follow terminal measurement
/// events, checks gate targets only (a measured qubit as control is classical
/// feed-forward), and does not check conditional gates.
public enum MidCircuitCoherenceCheck: MachineCheck {
    public static let code = "MID_CIRCUIT_COHERENCE_VIOLATION"
    public static let summary = "Under the mid_circuit_coherence rule, a gate targets a qubit already measured mid-circuit."

    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        guard machine.hasRule("mid_circuit_coherence"), let initial = analysis.initialState else { return [] }
        var steps: [Int: [TransitionStep]] = [:]
        func stepsOf(_ index: Int) -> [TransitionStep] {
            if let cached = steps[index] { return cached }
            let computed = TransitionStep.of(machine.transitions[index], in: machine)
            steps[index] = computed
            return computed
        }
        var outgoing: [String: [Int]] = [:]
        for (i, t) in machine.transitions.enumerated() { outgoing[t.source, default: []].append(i) }

        // Possibly-measured qubits on entry to each state, to a fixpoint.
        var measuredIn: [String: Set<Int>] = [initial: []]
        var work = [initial]
        while let state = work.popLast() {
            for index in outgoing[state] ?? [] {
                let t = machine.transitions[index]
                guard propagates(t, machine) else { continue }
                let after = apply(stepsOf(index), to: measuredIn[state] ?? []).measured
                let before = measuredIn[t.target]
                let merged = (before ?? []).union(after)
                if before == nil || merged != before! {
                    measuredIn[t.target] = merged
                    work.append(t.target)
                }
            }
        }

        var found: [Diagnostic] = []
        var reported = Set<String>()
        for (index, t) in machine.transitions.enumerated() {
            guard let entry = measuredIn[t.source], let name = t.action?.name else { continue }
            for (gate, qubit) in apply(stepsOf(index), to: entry).violations
            where reported.insert("\(name)\u{0}\(gate.name)\u{0}\(qubit)").inserted {
                found.append(Diagnostic(code, .error,
                    "Action '\(name)' applies gate '\(gate.name)' to qubit \(qubit) which was already measured mid-circuit without a reset",
                    at: t.location ?? gate.location,
                    suggestion: "Add a reset gate before reusing a measured qubit, or use a fresh qubit"))
            }
        }
        return found
    }

    /// Whether the walk continues to the target: not after a terminal
    /// measurement event (a measure/collapse event whose action has no
    /// mid-circuit measurement), as in q-orca.
    static func propagates(_ t: Transition, _ machine: Machine) -> Bool {
        guard SuperpositionLeakCheck.isMeasureEvent(t.event) else { return true }
        return t.action.flatMap { machine.action(named: $0.name) }?.hasMidCircuitMeasure ?? false
    }

    static func apply(_ steps: [TransitionStep], to entry: Set<Int>) -> (measured: Set<Int>, violations: [(GateView, Int)]) {
        var measured = entry
        var violations: [(GateView, Int)] = []
        for step in steps {
            switch step {
            case .midCircuitMeasure(let qubit, _):
                measured.insert(qubit)
            case .gate(let gate, let conditional):
                if gate.kind == .custom && gate.customName == "RESET" {
                    measured.subtract(gate.targets)
                } else if !conditional {
                    for q in gate.targets where measured.contains(q) {
                        violations.append((GateView(gate), q))
                    }
                }
            case .measure, .contextUpdate:
                break
            }
        }
        return (measured, violations)
    }

    struct GateView {
        var name: String
        var location: SourceLocation?
        init(_ gate: ResolvedGate) {
            name = gate.kind == .custom ? (gate.customName ?? "custom") : gate.kind.rawValue
            location = gate.location
        }
    }
}

/// Under `feedforward_completeness`: every bit a mid-circuit measurement
/// writes should be read, by a conditional gate (any of its clauses) or, in
/// polygramc, by a context update's `if bits[i] == v:` condition
/// (docs/divergences.md #12).
public enum FeedforwardUnusedCheck: MachineCheck {
    public static let code = "FEEDFORWARD_UNUSED"
    public static let summary = "Under the feedforward_completeness rule, a measured classical bit is never read (warning)."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        guard machine.hasRule("feedforward_completeness") else { return [] }
        var writers: [Int: Diagnostic] = [:]
        var read = Set<Int>()
        for action in machine.actions {
            for statement in action.statements {
                switch statement {
                case .midCircuitMeasure(_, let bit, let location):
                    if writers[bit] == nil {
                        writers[bit] = Diagnostic(code, .warning,
                            "Classical bit \(bit) is written by a mid-circuit measurement but never read by a conditional gate or context update (feedforward unused)",
                            at: location ?? action.location,
                            suggestion: "Add an 'if bits[M] == val: Gate(qs[K])' action that consumes this measurement result")
                    }
                case .conditional(let conditions, _):
                    read.formUnion(conditions.map(\.bit))
                default:
                    break
                }
            }
            if let bit = action.contextUpdate?.update.condition?.bit { read.insert(bit) }
        }
        return writers.keys.filter { !read.contains($0) }.sorted().map { writers[$0]! }
    }
}
