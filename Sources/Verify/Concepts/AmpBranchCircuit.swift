import IR

/// Gates that prepare polygram's amplitude branch on the qubits after the
/// MPS register, so the verifier simulates the whole Rung3/4/5 register and
/// the complex overlaps equal polygram's analytic factors (polygram-core.md
/// §2.4–2.6), phases included.
///
/// * Rung3, one pair on (q3, q4): `Ry(q3, 2θ); CNOT(q3, q4); Rz(q3, ψ);
///   RZZ(q3, q4, −ψ)` gives cos θ|00⟩ + e^{iψ} sin θ|11⟩ exactly: Rz leaves
///   phases e^{∓iψ/2} on |00⟩/|11⟩, and RZZ(−ψ) multiplies both (ZZ = +1 on
///   them) by e^{+iψ/2}.
/// * Rung4/Rung5, one qubit per pair plus a phase-reference qubit r that stays
///   in |0⟩: `Ry(q, 2θ); Rz(q, ψ); Rz(r, −ψ)` gives cos θ|0⟩ + e^{iψ} sin θ|1⟩
///   on q. Rz alone would leave a global phase e^{−iψ/2} that differs between
///   concepts and would rotate the complex Gram entries; Rz(r, −ψ) on |0⟩ is
///   exactly the compensating factor e^{+iψ/2}. r is identical in every
///   concept, so it changes no overlap.
enum AmpBranchCircuit {
    enum Layout {
        case bell          // Rung3
        case product(Int)  // Rung4 (2) and Rung5 (k)

        /// Qubits after the 3 MPS qubits.
        var extraQubits: Int {
            switch self {
            case .bell: return 2
            case .product(let k): return k + 1
            }
        }
    }

    static func layout(of table: AmpBranchTable) -> Layout {
        table.columns.count == 3 && table.columns[1] == "theta_amp" ? .bell : .product((table.columns.count - 1) / 2)
    }

    /// Gates for one concept's knobs; `first` is the first amp qubit (3).
    static func gates(_ knobs: [AmpKnob], layout: Layout, first: Int, at location: SourceLocation?) -> [ResolvedGate] {
        switch layout {
        case .bell:
            let (theta, psi) = (knobs[0].theta, knobs[0].psi)
            return [
                ResolvedGate(kind: .Ry, targets: [first], angle: 2 * theta, location: location),
                ResolvedGate(kind: .CNOT, targets: [first + 1], controls: [first], location: location),
                ResolvedGate(kind: .Rz, targets: [first], angle: psi, location: location),
                ResolvedGate(kind: .RZZ, targets: [first, first + 1], angle: -psi, location: location),
            ]
        case .product(let k):
            let reference = first + k
            return knobs.enumerated().flatMap { i, knob in [
                ResolvedGate(kind: .Ry, targets: [first + i], angle: 2 * knob.theta, location: location),
                ResolvedGate(kind: .Rz, targets: [first + i], angle: knob.psi, location: location),
                ResolvedGate(kind: .Rz, targets: [reference], angle: -knob.psi, location: location),
            ] }
        }
    }
}
