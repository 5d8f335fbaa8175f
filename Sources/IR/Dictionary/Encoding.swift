/// A dictionary's circuit family and its parameters (polygram-core.md §2).
public enum Encoding: Hashable, Sendable {
    case mpsRung1(phaseKnobs: Bool)
    case heaRung2(HEAParameters)
    case rung3
    case rung4
    case rung5(ampQubits: Int)

    /// The most features whose states can be linearly independent.
    public var maxFeatures: Int {
        switch self {
        case .mpsRung1: return 8
        case .heaRung2(let p): return 1 << min(p.qubitCount, 62)
        case .rung3: return 16
        case .rung4: return 32
        case .rung5(let k): return 8 << k
        }
    }

    /// polygram's `repr` of the encoding, used in messages.
    public var pythonRepr: String {
        switch self {
        case .mpsRung1(let phase): return "MPSRung1(bond_dim=2, phase_knobs=\(phase ? "True" : "False"))"
        case .heaRung2(let p): return p.pythonRepr
        case .rung3: return "Rung3(bond_dim=2)"
        case .rung4: return "Rung4(bond_dim=2)"
        case .rung5(let k): return "Rung5(bond_dim=2, n_amp_qubits=\(k))"
        }
    }

    /// Whether the encoding is prepared by the MPS staircase on q0–q2.
    public var isMPSFamily: Bool {
        if case .heaRung2 = self { return false }
        return true
    }
}

/// HEA_Rung2 parameters.
public struct HEAParameters: Hashable, Sendable {
    public enum Entangler: String, Hashable, Sendable, CaseIterable { case ring, chain }

    public var depth: Int
    public var entangler: Entangler
    /// Rotation kinds per layer, each one of Rx, Ry, Rz.
    public var rotations: [GateKind]
    public var tierSeparationBound: Double?
    public var qubitCount: Int

    public init(depth: Int, entangler: Entangler = .ring, rotations: [GateKind] = [.Ry, .Rz],
                tierSeparationBound: Double? = 0.025, qubitCount: Int = 3) {
        self.depth = depth
        self.entangler = entangler
        self.rotations = rotations
        self.tierSeparationBound = tierSeparationBound
        self.qubitCount = qubitCount
    }

    /// `(len(rotations), depth, n_qubits)`.
    public var thetaShape: [Int] { [rotations.count, depth, qubitCount] }

    public var pythonRepr: String {
        let rots = rotations.map { "'\($0.rawValue)'" }
        let tuple = rots.count == 1 ? "(\(rots[0]),)" : "(\(rots.joinedText(", ")))"
        let bound = tierSeparationBound.map(PythonFloat.repr) ?? "None"
        return "HEA_Rung2(depth=\(depth), entangler='\(entangler.rawValue)', rotations=\(tuple), "
            + "tier_separation_bound=\(bound), n_qubits=\(qubitCount))"
    }
}
