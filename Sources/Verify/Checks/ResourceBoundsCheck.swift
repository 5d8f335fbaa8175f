import Foundation
import IR

/// Stage 4c (qorca-language.md §6.4): `gate_count`, `cx_count`, `t_count`,
/// `depth` and `logical_qubits` invariants, measured without Qiskit.
///
/// q-orca builds one circuit from every action once, in table order, and
/// hands it to Qiskit (it crashes without Qiskit, and on any custom gate or
/// terminal measurement; §9 #4–5). polygramc measures the circuits the
/// machine actually runs (docs/divergences.md #13):
///
/// * A *run* is a path of transitions from the initial state to a final
///   state that visits no state twice (outgoing transitions of final states
///   are not followed). Its circuit is the gates of its transitions' actions
///   in order, call-site arguments bound; conditional gates count as gates,
///   measurements and context updates do not.
/// * An invariant must hold on every run: `<=`/`<` are checked against the
///   largest value over the runs, `>=`/`>` against the smallest, `==` against
///   both. A cycle reachable on the way to a final state whose transitions
///   add to the metric makes it unbounded above: an upper bound or `==` is
///   then RESOURCE_BOUND_INDETERMINATE (warning) unless a simple run already
///   violates it.
/// * `gate_count`: gates as written (no decomposition).
/// * `cx_count`: CNOTs of the textbook decomposition into one-qubit gates
///   and CNOT: CNOT, CZ 1; CRx/CRy/CRz, RXX/RYY/RZZ 2; SWAP 3; CCNOT, CCZ 6;
///   CSWAP 8; MCX/MCZ with k controls 6·(2k−3) (the V-chain of 2k−3
///   Toffolis); one-qubit gates 0.
/// * `t_count`: T gates of the Clifford+T decomposition: T, TDG 1; CCNOT,
///   CCZ, CSWAP 7; MCX/MCZ 7·(2k−3); a rotation Rk(θ) or RXX/RYY/RZZ(θ) 1 when
///   θ is an odd multiple of π/4, 0 for a multiple of π/2; CRk(θ) twice the
///   count of Rk(θ/2); Cliffords and SDG, SX, SXDG, RESET 0. Any other angle
///   or custom gate has no exact Clifford+T count: indeterminate.
/// * `depth`: the number of layers when each gate, as written, is placed in
///   the first layer after every earlier gate on any of its qubits (controls
///   and targets). Nothing is transpiled, so this is not Qiskit's depth after
///   `transpile(optimization_level=1)`.
/// * `logical_qubits`: the declared register (the `qubits` list or `qubit`
///   fields), or one past the highest qubit any action addresses, whichever
///   is larger. It does not depend on the run.
enum ResourceBounds {
    static let runLimit = 10_000

    enum Metric: String, CaseIterable {
        case gateCount = "gate_count", cxCount = "cx_count", tCount = "t_count", depth, logicalQubits = "logical_qubits"
    }

    /// A metric over the machine's runs.
    struct Measurement: Equatable {
        var low: Int
        var high: Int
        /// A contributing cycle makes the metric unbounded above.
        var unboundedAbove: Bool
    }

    enum Outcome: Equatable {
        case measured(Measurement)
        case indeterminate(String)
    }

    static func diagnostics(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        let invariants = machine.invariants.compactMap { invariant -> (Invariant, Metric, ComparisonOperator, Int)? in
            guard case .resource(let name, let op, let bound) = invariant.kind, let metric = Metric(rawValue: name) else { return nil }
            return (invariant, metric, op, bound)
        }
        guard !invariants.isEmpty else { return [] }
        var cache: [Metric: Outcome] = [:]
        let runs = Runs(machine, analysis)
        return invariants.compactMap { invariant, metric, op, bound in
            let outcome = cache[metric] ?? runs.measure(metric)
            cache[metric] = outcome
            return evaluate(metric, op, bound, outcome, at: invariant.location ?? machine.location)
        }
    }

    static func evaluate(_ metric: Metric, _ op: ComparisonOperator, _ bound: Int, _ outcome: Outcome,
                         at location: SourceLocation?) -> Diagnostic? {
        let bounds = "bound \(op.rawValue) \(bound)"
        func indeterminate(_ reason: String) -> Diagnostic {
            Diagnostic("RESOURCE_BOUND_INDETERMINATE", .warning,
                       "Resource '\(metric.rawValue)' could not be measured statically; \(bounds) not checked (\(reason))",
                       at: location)
        }
        guard case .measured(let m) = outcome else {
            if case .indeterminate(let reason) = outcome { return indeterminate(reason) }
            return nil
        }
        let holds = { (value: Int) in op.holds(Double(value), Double(bound)) }
        let spread = m.low == m.high ? "" : " (from \(m.low) to \(m.high) over the machine's runs)"
        func exceeded(_ value: Int) -> Diagnostic {
            Diagnostic("RESOURCE_BOUND_EXCEEDED", .error, "Resource '\(metric.rawValue)' = \(value) violates \(bounds)\(spread)",
                       at: location)
        }
        let loop = "a cycle on the way to a final state adds to it on every pass"
        switch op {
        case .le, .lt:
            if !holds(m.high) { return exceeded(m.high) }
            return m.unboundedAbove ? indeterminate(loop) : nil
        case .ge, .gt:
            return holds(m.low) ? nil : exceeded(m.low)
        case .eq:
            if !holds(m.low) { return exceeded(m.low) }
            if !holds(m.high) { return exceeded(m.high) }
            return m.unboundedAbove ? indeterminate(loop) : nil
        }
    }

    // MARK: - Gate costs

    static func cxCount(_ gate: ResolvedGate) -> Int {
        switch gate.kind {
        case .CNOT, .CZ: return 1
        case .CRx, .CRy, .CRz, .RXX, .RYY, .RZZ: return 2
        case .SWAP: return 3
        case .CCNOT, .CCZ: return 6
        case .CSWAP: return 8
        case .MCX, .MCZ: return 6 * max(1, 2 * gate.controls.count - 3)
        case .H, .X, .Y, .Z, .S, .T, .I, .Rx, .Ry, .Rz, .custom: return 0
        }
    }

    /// nil when the gate has no exact Clifford+T count.
    static func tCount(_ gate: ResolvedGate) -> Int? {
        switch gate.kind {
        case .H, .X, .Y, .Z, .S, .I, .CNOT, .CZ, .SWAP: return 0
        case .T: return 1
        case .Rx, .Ry, .Rz, .RXX, .RYY, .RZZ: return gate.angle.flatMap(rotationTCount)
        case .CRx, .CRy, .CRz: return gate.angle.flatMap { rotationTCount($0 / 2) }.map { 2 * $0 }
        case .CCNOT, .CCZ, .CSWAP: return 7
        case .MCX, .MCZ: return 7 * max(1, 2 * gate.controls.count - 3)
        case .custom:
            switch gate.customName ?? "" {
            case "TDG": return 1
            case "SDG", "SX", "SXDG", "RESET": return 0
            default: return nil
            }
        }
    }

    /// T count of Rz(θ): 1 for an odd multiple of π/4, 0 for a multiple of π/2.
    static func rotationTCount(_ angle: Double) -> Int? {
        let k = angle / (Double.pi / 4)
        let r = k.rounded()
        guard k.isFinite, abs(k - r) < 1e-9 else { return nil }
        return Int(r).isMultiple(of: 2) ? 0 : 1
    }

    // MARK: - Runs

    struct Runs {
        let machine: Machine
        let analysis: MachineAnalysis
        let finals: Set<String>
        /// Transition indices of each run.
        var runs: [[Int]] = []
        var truncated = false
        /// Transition indices on a cycle that can still reach a final state.
        var cyclic: [Int] = []
        var steps: [[TransitionStep]]

        init(_ machine: Machine, _ analysis: MachineAnalysis) {
            let finals = Set(machine.states.filter(\.isFinal).map(\.name))
            self.machine = machine
            self.analysis = analysis
            self.finals = finals
            steps = machine.transitions.map { TransitionStep.of($0, in: machine) }
            guard let initial = analysis.initialState else { return }
            var outgoing: [String: [Int]] = [:]
            for (i, t) in machine.transitions.enumerated() { outgoing[t.source, default: []].append(i) }

            var runs: [[Int]] = []
            var truncated = false
            var path: [Int] = []
            var onPath: Set<String> = [initial]
            var visits = 0
            func walk(_ state: String) {
                visits += 1
                if runs.count >= ResourceBounds.runLimit || visits > 50 * ResourceBounds.runLimit { truncated = true; return }
                if finals.contains(state) { runs.append(path); return }
                for index in outgoing[state] ?? [] {
                    let target = machine.transitions[index].target
                    guard !onPath.contains(target) else { continue }
                    path.append(index)
                    onPath.insert(target)
                    walk(target)
                    onPath.remove(target)
                    path.removeLast()
                }
            }
            walk(initial)
            self.runs = runs
            self.truncated = truncated

            // Cycles among states reachable from the initial state that can reach a final one.
            var backward: [String: [String]] = [:]
            for t in machine.transitions where !finals.contains(t.source) { backward[t.target, default: []].append(t.source) }
            var coReachable = finals
            var queue = Array(finals)
            while let state = queue.popLast() {
                for source in backward[state] ?? [] where coReachable.insert(source).inserted { queue.append(source) }
            }
            cyclic = machine.transitions.indices.filter { i in
                let t = machine.transitions[i]
                return analysis.reachable.contains(t.source) && !finals.contains(t.source)
                    && coReachable.contains(t.target) && Self.reaches(from: t.target, to: t.source, outgoing, finals, machine)
            }
        }

        static func reaches(from start: String, to goal: String, _ outgoing: [String: [Int]], _ finals: Set<String>,
                            _ machine: Machine) -> Bool {
            var seen: Set<String> = [start]
            var queue = [start]
            while let state = queue.popLast() {
                if state == goal { return true }
                if finals.contains(state) { continue }
                for i in outgoing[state] ?? [] where seen.insert(machine.transitions[i].target).inserted {
                    queue.append(machine.transitions[i].target)
                }
            }
            return false
        }

        func gates(_ transitions: [Int]) -> [ResolvedGate] {
            transitions.flatMap { steps[$0] }.compactMap { if case .gate(let g, _) = $0 { return g } else { return nil } }
        }

        func value(_ metric: Metric, _ gates: [ResolvedGate]) -> Int? {
            switch metric {
            case .gateCount: return gates.count
            case .cxCount: return gates.map(ResourceBounds.cxCount).reduce(0, +)
            case .tCount:
                var total = 0
                for gate in gates {
                    guard let t = ResourceBounds.tCount(gate) else { return nil }
                    total += t
                }
                return total
            case .depth:
                var level: [Int: Int] = [:]
                var depth = 0
                for gate in gates {
                    let layer = (gate.qubits.map { level[$0] ?? 0 }.max() ?? 0) + 1
                    for q in gate.qubits { level[q] = layer }
                    depth = max(depth, layer)
                }
                return depth
            case .logicalQubits: return nil
            }
        }

        func measure(_ metric: Metric) -> Outcome {
            if metric == .logicalQubits {
                var used = steps.flatMap { $0 }.flatMap { step -> [Int] in
                    switch step {
                    case .gate(let g, _): return g.qubits
                    case .measure(let qubits): return qubits
                    case .midCircuitMeasure(let q, _): return [q]
                    case .contextUpdate: return []
                    }
                }
                for action in machine.actions where !action.isParametric {
                    for case .gate(let g, _) in TransitionStep.of(action, arguments: [], in: machine) { used += g.qubits }
                }
                let n = max(Register.declaredSize(machine) ?? 0, (used.max() ?? -1) + 1)
                return .measured(Measurement(low: n, high: n, unboundedAbove: false))
            }
            if truncated { return .indeterminate("the machine has too many runs to enumerate") }
            guard !runs.isEmpty else { return .indeterminate("no run from the initial state reaches a final state") }
            var values: [Int] = []
            for run in runs {
                guard let v = value(metric, gates(run)) else {
                    return .indeterminate("a gate on some run has no exact Clifford+T decomposition")
                }
                values.append(v)
            }
            let loopGates = gates(cyclic)
            let unbounded: Bool
            switch metric {
            case .gateCount, .depth: unbounded = !loopGates.isEmpty
            case .cxCount: unbounded = loopGates.contains { ResourceBounds.cxCount($0) > 0 }
            case .tCount: unbounded = loopGates.contains { ResourceBounds.tCount($0) != 0 }
            case .logicalQubits: unbounded = false
            }
            return .measured(Measurement(low: values.min()!, high: values.max()!, unboundedAbove: unbounded))
        }
    }
}

public enum ResourceBoundExceededCheck: MachineCheck {
    public static let code = "RESOURCE_BOUND_EXCEEDED"
    public static let summary = "A gate_count, cx_count, t_count, depth or logical_qubits invariant fails on some run of the machine."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        ResourceBounds.diagnostics(machine, analysis).filter { $0.code == code }
    }
}

public enum ResourceBoundIndeterminateCheck: MachineCheck {
    public static let code = "RESOURCE_BOUND_INDETERMINATE"
    public static let summary = "A resource invariant cannot be decided statically (unbounded loop, no exact T count) (warning)."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        ResourceBounds.diagnostics(machine, analysis).filter { $0.code == code }
    }
}
