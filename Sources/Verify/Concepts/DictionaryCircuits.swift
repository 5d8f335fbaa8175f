import IR
import Simulate

/// The concept circuits of a dictionary built straight from its features,
/// with the same gates the emitted machine's call sites, `## theta` rows and
/// `## amp branch` rows produce — but without writing and reading text. Used
/// where many dictionaries are evaluated (sweeps, cancellation grids); the
/// tests check it against the machine route.
public enum DictionaryCircuits {
    public static func conceptSet(_ dictionary: FeatureDictionary) throws -> ConceptSet {
        let concepts = try dictionary.features.map { feature in
            ConceptSet.Concept(label: feature.name, cluster: feature.cluster, location: feature.location,
                               gates: try gates(of: feature, encoding: dictionary.encoding))
        }
        return ConceptSet(actionName: actionName(dictionary.encoding), qubitCount: qubitCount(dictionary.encoding),
                          concepts: concepts, maxFeatures: dictionary.encoding.maxFeatures)
    }

    /// The qubits of every concept circuit of `encoding`.
    public static func qubitCount(_ encoding: Encoding) -> Int {
        switch encoding {
        case .heaRung2(let p): return p.qubitCount
        default: return 3 + (ampLayout(encoding)?.extraQubits ?? 0)
        }
    }

    /// One feature's concept circuit, without building a dictionary around it
    /// (sweeps and grids simulate one feature per knob value).
    public static func gates(of feature: Feature, encoding: Encoding) throws -> [ResolvedGate] {
        switch encoding {
        case .heaRung2(let p):
            let table = EncodingTable(kind: "hea", depth: p.depth, entangler: p.entangler.rawValue, rotations: p.rotations)
            return HEACircuit.gates(Lowering.effectiveTheta(feature, p), encoding: table, qubits: p.qubitCount, at: feature.location)
        case .mpsRung1, .rung3, .rung4, .rung5:
            let bindings = ["a": feature.alpha, "b": feature.beta, "c": feature.gamma, "phi": feature.phi]
            var gates = try staircase.map { try $0.resolved(angleBindings: bindings) }
            if let layout = ampLayout(encoding) {
                gates += AmpBranchCircuit.gates(knobs(feature, encoding), layout: layout, first: 3, at: nil)
            }
            return gates
        }
    }

    /// `prepare_concept`'s gates, taken from its statements once.
    private static let staircase = Lowering.prepareConcept.gates

    private static func actionName(_ encoding: Encoding) -> String {
        if case .heaRung2 = encoding { return "query_concept" }
        return Lowering.prepareConcept.name
    }

    /// The amplitude-branch layout of the MPS-family encodings that have one.
    private static func ampLayout(_ encoding: Encoding) -> AmpBranchCircuit.Layout? {
        switch encoding {
        case .rung3: return .bell
        case .rung4: return .product(2)
        case .rung5(let k): return .product(k)
        default: return nil
        }
    }

    /// The amp knobs polygram writes in `## amp branch` for this encoding.
    static func knobs(_ feature: Feature, _ encoding: Encoding) -> [AmpKnob] {
        switch encoding {
        case .rung3: return [AmpKnob(theta: feature.thetaAmp, psi: feature.psiAux)]
        case .rung4: return [AmpKnob(theta: feature.thetaAmp, psi: feature.psiAux), AmpKnob(theta: feature.thetaAmpB, psi: feature.psiAmpB)]
        default: return feature.ampKnobs
        }
    }

    /// The dictionary's Gram by simulation.
    public static func gram(_ dictionary: FeatureDictionary) throws -> GramMatrix {
        try conceptSet(dictionary).gram()
    }
}
