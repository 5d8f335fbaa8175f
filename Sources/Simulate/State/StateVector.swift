import IR

/// A dense n-qubit state, complex128 amplitudes stored as interleaved
/// (re, im) doubles. Qubit 0 is the most significant bit of the index
/// (polygram-core.md §0.3).
public struct StateVector: Hashable, Sendable {
    public let qubitCount: Int
    /// 2 · 2^n doubles: re(ψ₀), im(ψ₀), re(ψ₁), …
    public internal(set) var amplitudes: [Double]

    /// |0…0⟩. Call `MemoryGuard.check` first for sizes that come from input.
    public init(qubitCount: Int) {
        precondition(qubitCount >= 0 && qubitCount < 40, "StateVector: qubit count outside the guarded range")
        self.qubitCount = qubitCount
        var amplitudes = [Double](repeating: 0, count: 2 << qubitCount)
        amplitudes[0] = 1
        self.amplitudes = amplitudes
    }

    public var dimension: Int { 1 << qubitCount }

    public subscript(index: Int) -> (re: Double, im: Double) {
        (amplitudes[2 * index], amplitudes[2 * index + 1])
    }

    /// Applies gates in order; throws for a qubit outside the register or a
    /// gate that cannot be simulated (custom gates).
    public mutating func apply(_ gates: [ResolvedGate]) throws {
        for gate in gates { try apply(gate) }
    }

    public mutating func apply(_ gate: ResolvedGate) throws {
        // Range and distinctness without allocating (this runs once per gate).
        var seen: UInt64 = 0
        for operands in [gate.controls, gate.targets] {
            for q in operands {
                guard q >= 0, q < qubitCount else {
                    throw SimulationError.qubitOutOfRange(gate: gate, qubit: q, qubitCount: qubitCount)
                }
                guard seen & (1 << UInt64(q)) == 0 else { throw SimulationError.repeatedQubit(gate: gate) }
                seen |= 1 << UInt64(q)
            }
        }
        try GateKernels.apply(gate, to: &amplitudes, qubitCount: qubitCount)
    }

    /// Runs a circuit from |0…0⟩.
    public static func simulate(_ circuit: Circuit) throws -> StateVector {
        try MemoryGuard.check(qubitCount: circuit.qubitCount, states: 1)
        var state = StateVector(qubitCount: circuit.qubitCount)
        try state.apply(circuit.gates)
        return state
    }
}
