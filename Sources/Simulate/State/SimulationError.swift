import Foundation
import IR

/// Why a circuit cannot be simulated.
public enum SimulationError: Error, Equatable, CustomStringConvertible {
    case qubitOutOfRange(gate: ResolvedGate, qubit: Int, qubitCount: Int)
    case repeatedQubit(gate: ResolvedGate)
    case missingAngle(gate: ResolvedGate)
    case notSimulable(gate: ResolvedGate)
    case tooLarge(qubitCount: Int, states: Int, bytes: Double, limit: Double)

    public var description: String {
        switch self {
        case .qubitOutOfRange(let gate, let qubit, let count):
            return "gate \(Self.name(gate)) uses qubit \(qubit), but the register has \(count) qubit(s)"
        case .repeatedQubit(let gate):
            return "gate \(Self.name(gate)) uses the same qubit twice"
        case .missingAngle(let gate):
            return "gate \(Self.name(gate)) needs an angle"
        case .notSimulable(let gate):
            return "gate \(Self.name(gate)) has no known unitary and cannot be simulated"
        case .tooLarge(let n, let states, let bytes, let limit):
            return "simulating \(states) state(s) of \(n) qubits needs \(Self.gib(bytes)) GiB, "
                + "more than the \(Self.gib(limit)) GiB memory budget; refusing"
        }
    }

    /// Where the offending gate was written, if known.
    public var location: SourceLocation? {
        switch self {
        case .qubitOutOfRange(let gate, _, _), .repeatedQubit(let gate), .missingAngle(let gate),
             .notSimulable(let gate):
            return gate.location
        case .tooLarge:
            return nil
        }
    }

    private static func name(_ gate: ResolvedGate) -> String {
        gate.kind == .custom ? (gate.customName ?? "custom") : gate.kind.rawValue
    }

    private static func gib(_ bytes: Double) -> String {
        // Never convert to Int: absurd registers give values beyond Int.max (or inf).
        let value = bytes / 1_073_741_824
        return Printf.double(value, value >= 100 ? "%.0f" : "%.2f")
    }
}
