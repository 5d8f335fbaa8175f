import Foundation
import Frontend
import IR
import Simulate

/// Stage 4 static checks under the `unitarity` rule, applied to every gate of
/// every action and of every bound call site (q-orca checks only an action's
/// first gate; docs/divergences.md), plus a numerical unitarity check of each
/// gate's matrix.
public enum GateChecks {
    public static let codes: [(String, String)] = [
        ("UNVERIFIED_UNITARITY", "A custom gate cannot be statically verified as unitary."),
        ("QUBIT_INDEX_OUT_OF_RANGE", "A gate addresses a qubit outside the declared register."),
        ("CONTROL_TARGET_OVERLAP", "A gate uses the same qubit as control and target."),
        ("DYNAMIC_NON_UNITARY_GATE", "A gate's matrix is not unitary (e.g. a non-finite angle)."),
    ]

    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        run(machine, analysis, CallSites(machine))
    }

    /// `run(_:_:)` with the machine's call sites already bound (the verifier's).
    static func run(_ machine: Machine, _ analysis: MachineAnalysis, _ callSites: CallSites) -> [Diagnostic] {
        let unitarityRule = machine.verificationRules.contains { $0.kind == "unitarity" }
        let register = Register.declaredSize(machine)
        var found: [Diagnostic] = []
        var checkedMatrices = Set<ResolvedGate>()
        var deviations = UnitarityMemo()

        // `label` is built only for a diagnostic: most gates have none.
        func check(_ gate: ResolvedGate, label: @autoclosure () -> String, at fallback: SourceLocation?) {
            let location = gate.location ?? fallback
            let name = gate.kind == .custom ? (gate.customName ?? "custom") : gate.kind.rawValue
            if unitarityRule {
                if gate.kind == .custom {
                    found.append(Diagnostic("UNVERIFIED_UNITARITY", .warning,
                        "Custom gate '\(name)' in \(label()) cannot be statically verified as unitary", at: location))
                }
                if let n = register {
                    for q in gate.targets where q >= n {
                        found.append(Diagnostic("QUBIT_INDEX_OUT_OF_RANGE", .error,
                            "Gate '\(name)' in \(label()) targets qubit \(q), but machine only has \(n) qubit(s)", at: location))
                    }
                    for q in gate.controls where q >= n {
                        found.append(Diagnostic("QUBIT_INDEX_OUT_OF_RANGE", .error,
                            "Gate '\(name)' in \(label()) uses control qubit \(q), but machine only has \(n) qubit(s)", at: location))
                    }
                }
                if gate.controls.contains(where: gate.targets.contains) {
                    let overlap = Set(gate.controls).intersection(gate.targets).sorted()
                    found.append(Diagnostic("CONTROL_TARGET_OVERLAP", .error,
                        "Gate '\(name)' in \(label()) has overlapping control and target qubits: \(overlap.map(String.init).joinedText(", "))",
                        at: location))
                }
            }
            var key = gate
            key.location = nil
            guard gate.kind != .custom, hasDistinctQubits(gate), checkedMatrices.insert(key).inserted else { return }
            let deviation = deviations.deviation(gate)
            if !(deviation <= 1e-10) {
                let angle = gate.angle.map { " with angle \(PythonFloat.repr($0))" } ?? ""
                found.append(Diagnostic("DYNAMIC_NON_UNITARY_GATE", .error,
                    "Gate '\(name)'\(angle) in \(label()) is not unitary: ‖U†U − I‖ = \(Printf.double(deviation, "%.2e"))",
                    at: location))
            }
        }

        let angleContext = machine.angleContext
        for action in machine.actions where !action.isParametric {
            for gate in action.gates {
                guard let resolved = try? gate.resolved(angleBindings: angleContext) else { continue }
                check(resolved, label: "action '\(action.name)'", at: action.location)
            }
        }
        for (index, binding) in callSites.byTransition.enumerated() {
            guard let binding, case .success(let gates) = binding.gates else { continue }
            let action = machine.actions[binding.action]
            guard action.isParametric else { continue }
            let t = machine.transitions[index]
            for gate in gates {
                check(gate, label: "call site \(t.action?.label ?? action.name) on transition \(t.source) --\(t.event)--> \(t.target)",
                      at: t.location)
            }
        }
        return found
    }

    /// `Set(gate.qubits).count == gate.qubits.count`, without building the arrays.
    static func hasDistinctQubits(_ gate: ResolvedGate) -> Bool {
        let (controls, targets) = (gate.controls, gate.targets)
        for (i, q) in controls.enumerated() where controls[(i + 1)...].contains(q) || targets.contains(q) { return false }
        for (i, q) in targets.enumerated() where targets[(i + 1)...].contains(q) { return false }
        return true
    }
}

/// `GateUnitarity.deviation` of non-custom gates with distinct qubits,
/// computed once per matrix: it renumbers the qubits 0…k−1 in order
/// (controls, then targets), so the matrix depends only on the kind, the
/// angle and the two counts.
private struct UnitarityMemo {
    private struct Matrix: Hashable {
        var kind: GateKind
        var controls: Int
        var targets: Int
        var angle: UInt64?
    }

    private var known: [Matrix: Double] = [:]

    mutating func deviation(_ gate: ResolvedGate) -> Double {
        let matrix = Matrix(kind: gate.kind, controls: gate.controls.count, targets: gate.targets.count,
                            angle: gate.angle?.bitPattern)
        if let deviation = known[matrix] { return deviation }
        let deviation = GateUnitarity.deviation(gate)
        known[matrix] = deviation
        return deviation
    }
}
