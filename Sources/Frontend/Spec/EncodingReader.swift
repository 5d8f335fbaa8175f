import IR
import Yams

/// Reads `encoding:` — a shorthand string (all defaults) or a mapping
/// `{kind: <name>, <param>: <value>, ...}` (README §1 shows this form, e.g.
/// `{kind: hea_rung2, depth: 2, tier_separation_bound: 0.025}`) — and applies
/// polygram's encoding validation (polygram-core.md §2) with its messages.
///
/// `bond_dim` is also accepted on the MPS-family kinds (polygram's own
/// parameter); like polygram, any value but 2 is rejected.
struct EncodingReader {
    let nodes: SpecNodes

    static let kinds = ["mps_rung1", "hea_rung2", "rung3", "rung4", "rung5"]
    static let parameters: [String: [String]] = [
        "mps_rung1": ["bond_dim", "phase_knobs"],
        "hea_rung2": ["depth", "entangler", "rotations", "n_qubits", "tier_separation_bound"],
        "rung3": ["bond_dim"],
        "rung4": ["bond_dim"],
        "rung5": ["bond_dim", "n_amp_qubits"],
    ]
    static let required: [String: String] = ["hea_rung2": "depth", "rung5": "n_amp_qubits"]

    func read(_ node: Node) throws -> Encoding {
        if case .scalar = node {
            let kind = try nodes.string(node, "encoding")
            try checkKind(kind, node)
            if let param = Self.required[kind] {
                throw nodes.error("encoding \(PythonString.repr(kind)) requires parameter \(PythonString.repr(param)); "
                    + "write it as a mapping, e.g. {kind: \(kind), \(param): ...}", at: node)
            }
            switch kind {
            case "mps_rung1": return .mpsRung1(phaseKnobs: true)
            case "rung3": return .rung3
            default: return .rung4
            }
        }
        guard case .mapping(let mapping) = node else {
            throw nodes.error("encoding must be a name or a mapping with key 'kind', got \(nodes.describe(node))", at: node)
        }
        // Find `kind` first so unknown keys can be judged against its parameters.
        guard let kindNode = mapping.first(where: { $0.key.string == "kind" })?.value else {
            throw nodes.error("encoding is missing required key 'kind' (one of "
                + Self.kinds.joinedText(", ") + ")", at: node)
        }
        let kind = try nodes.string(kindNode, "encoding kind")
        try checkKind(kind, kindNode)
        let f = try nodes.mapping(node, "encoding \(kind)", allowed: ["kind"] + Self.parameters[kind]!)
        if let param = Self.required[kind], f[param] == nil {
            throw nodes.error("encoding \(PythonString.repr(kind)) is missing required parameter "
                + PythonString.repr(param), at: node)
        }
        if kind != "hea_rung2", let bondNode = f["bond_dim"] {
            let bond = try nodes.integer(bondNode, "bond_dim")
            let cls = ["mps_rung1": "MPSRung1", "rung3": "Rung3", "rung4": "Rung4", "rung5": "Rung5"][kind]!
            guard bond == 2 else {
                throw nodes.error("\(cls).bond_dim must be 2 (rung-1 / χ=2 only in v0); got \(bond)", at: bondNode)
            }
        }
        switch kind {
        case "mps_rung1":
            let phase = try f["phase_knobs"].map { try nodes.bool($0, "phase_knobs") } ?? true
            return .mpsRung1(phaseKnobs: phase)
        case "hea_rung2":
            return .heaRung2(try hea(f))
        case "rung3":
            return .rung3
        case "rung4":
            return .rung4
        default:
            let kNode = f["n_amp_qubits"]!
            let k = try nodes.integer(kNode, "n_amp_qubits")
            guard k >= 1 else {
                throw nodes.error("Rung5.n_amp_qubits must be >= 1 (use MPSRung1 directly for the 3-qubit "
                    + "MPS-only case); got \(k)", at: kNode)
            }
            guard k <= 16 else {
                throw nodes.error("Rung5.n_amp_qubits must be <= 16 (max_features = 8 * 2**16 = 524288); got \(k)",
                                  at: kNode)
            }
            return .rung5(ampQubits: k)
        }
    }

    private func checkKind(_ kind: String, _ node: Node) throws {
        guard Self.kinds.contains(kind) else {
            throw nodes.error("unknown encoding \(PythonString.repr(kind)); supported: "
                + Self.kinds.joinedText(", "), at: node)
        }
    }

    /// HEA_Rung2 parameters, validated in polygram's order: depth, entangler,
    /// rotations, tier_separation_bound, n_qubits. Duplicate rotations are
    /// refused although polygram's constructor accepts them: the machine it
    /// then emits is one that q-orca (and polygram's own `gram()`) rejects
    /// (`encoding_bad_rotations`), so compiling it would only defer the error
    /// (docs/divergences.md #9).
    private func hea(_ f: Fields) throws -> HEAParameters {
        let depthNode = f["depth"]!
        let depth = try nodes.integer(depthNode, "depth")
        guard depth >= 1 else {
            throw nodes.error("HEA_Rung2.depth must satisfy depth >= 1; got \(depth)", at: depthNode)
        }
        var entangler = HEAParameters.Entangler.ring
        if let node = f["entangler"] {
            let text = try nodes.string(node, "entangler")
            guard let value = HEAParameters.Entangler(rawValue: text) else {
                throw nodes.error("HEA_Rung2.entangler must be one of ('ring', 'chain'); got \(PythonString.repr(text))",
                                  at: node)
            }
            entangler = value
        }
        var rotations: [GateKind] = [.Ry, .Rz]
        if let node = f["rotations"] {
            let items = try nodes.sequence(node, "rotations")
            guard !items.isEmpty else { throw nodes.error("HEA_Rung2.rotations must be non-empty", at: node) }
            rotations = []
            for item in items {
                let text = try nodes.string(item, "rotation")
                guard ["Rx", "Ry", "Rz"].contains(text), let kind = GateKind(rawValue: text) else {
                    throw nodes.error("HEA_Rung2.rotations entries must be in ('Rx', 'Ry', 'Rz'); got "
                        + PythonString.repr(text), at: item)
                }
                guard !rotations.contains(kind) else {
                    throw nodes.error("HEA_Rung2.rotations lists \(text) twice; the emitted `## encoding` table "
                        + "would be rejected (encoding_bad_rotations)", at: item)
                }
                rotations.append(kind)
            }
        }
        var bound: Double? = 0.025
        if let node = f["tier_separation_bound"] {
            if nodes.isNull(node) {
                bound = nil
            } else {
                let value = try nodes.number(node, "tier_separation_bound")
                guard value >= 0, value <= 1 else {
                    throw nodes.error("HEA_Rung2.tier_separation_bound must lie in [0, 1] or be None; got "
                        + PythonFloat.repr(value), at: node)
                }
                bound = value
            }
        }
        var qubits = 3
        if let node = f["n_qubits"] {
            qubits = try nodes.integer(node, "n_qubits")
            guard qubits >= 1 else { throw nodes.error("HEA_Rung2.n_qubits must be >= 1; got \(qubits)", at: node) }
        }
        return HEAParameters(depth: depth, entangler: entangler, rotations: rotations,
                             tierSeparationBound: bound, qubitCount: qubits)
    }
}
