/// A concrete circuit on `qubitCount` qubits, applied to |0…0⟩.
public struct Circuit: Hashable, Sendable {
    public var qubitCount: Int
    public var gates: [ResolvedGate]

    public init(qubitCount: Int, gates: [ResolvedGate]) {
        self.qubitCount = qubitCount
        self.gates = gates
    }
}
