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
        let unitarityRule = machine.verificationRules.contains { $0.kind == "unitarity" }
        let register = Register.declaredSize(machine)
        var found: [Diagnostic] = []
        var checkedMatrices = Set<ResolvedGate>()

        func check(_ gate: ResolvedGate, label: String, at fallback: SourceLocation?) {
            let location = gate.location ?? fallback
            let name = gate.kind == .custom ? (gate.customName ?? "custom") : gate.kind.rawValue
            if unitarityRule {
                if gate.kind == .custom {
                    found.append(Diagnostic("UNVERIFIED_UNITARITY", .warning,
                        "Custom gate '\(name)' in \(label) cannot be statically verified as unitary", at: location))
                }
                if let n = register {
                    for q in gate.targets where q >= n {
                        found.append(Diagnostic("QUBIT_INDEX_OUT_OF_RANGE", .error,
                            "Gate '\(name)' in \(label) targets qubit \(q), but machine only has \(n) qubit(s)", at: location))
                    }
                    for q in gate.controls where q >= n {
                        found.append(Diagnostic("QUBIT_INDEX_OUT_OF_RANGE", .error,
                            "Gate '\(name)' in \(label) uses control qubit \(q), but machine only has \(n) qubit(s)", at: location))
                    }
                }
                let overlap = Set(gate.controls).intersection(gate.targets).sorted()
                if !overlap.isEmpty {
                    found.append(Diagnostic("CONTROL_TARGET_OVERLAP", .error,
                        "Gate '\(name)' in \(label) has overlapping control and target qubits: \(overlap.map(String.init).joined(separator: ", "))",
                        at: location))
                }
            }
            var key = gate
            key.location = nil
            guard gate.kind != .custom, Set(gate.qubits).count == gate.qubits.count,
                  checkedMatrices.insert(key).inserted else { return }
            let deviation = GateUnitarity.deviation(gate)
            if !(deviation <= 1e-10) {
                let angle = gate.angle.map { " with angle \(PythonFloat.repr($0))" } ?? ""
                found.append(Diagnostic("DYNAMIC_NON_UNITARY_GATE", .error,
                    "Gate '\(name)'\(angle) in \(label) is not unitary: ‖U†U − I‖ = \(String(format: "%.2e", deviation))",
                    at: location))
            }
        }

        for action in machine.actions where !action.isParametric {
            for gate in action.gates {
                guard let resolved = try? gate.resolved(angleBindings: machine.angleContext) else { continue }
                check(resolved, label: "action '\(action.name)'", at: action.location)
            }
        }
        for site in CallSite.all(in: machine) where site.action.isParametric {
            let t = site.transition
            let label = "call site \(t.action?.label ?? site.action.name) on transition \(t.source) --\(t.event)--> \(t.target)"
            for gate in site.gates { check(gate, label: label, at: t.location) }
        }
        return found
    }
}
