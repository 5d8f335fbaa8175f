import IR
import Simulate

/// The concept circuits of a dictionary built straight from its features,
/// with the same gates the emitted machine's call sites, `## theta` rows and
/// `## amp branch` rows produce — but without writing and reading text. Used
/// where many dictionaries are evaluated (sweeps, cancellation grids); the
/// tests check it against the machine route.
public enum DictionaryCircuits {
    public static func conceptSet(_ dictionary: FeatureDictionary) throws -> ConceptSet {
        switch dictionary.encoding {
        case .heaRung2(let p):
            let encoding = EncodingTable(kind: "hea", depth: p.depth, entangler: p.entangler.rawValue, rotations: p.rotations)
            let concepts = dictionary.features.map { feature in
                ConceptSet.Concept(label: feature.name, cluster: feature.cluster, location: feature.location,
                                   gates: HEACircuit.gates(Lowering.effectiveTheta(feature, p), encoding: encoding,
                                                           qubits: p.qubitCount, at: feature.location))
            }
            return ConceptSet(actionName: "query_concept", qubitCount: p.qubitCount, concepts: concepts,
                              maxFeatures: dictionary.encoding.maxFeatures)
        case .mpsRung1, .rung3, .rung4, .rung5:
            let action = Lowering.prepareConcept
            let staircase = action.gates  // computed from the statements: once, not per feature
            let layout: AmpBranchCircuit.Layout?
            switch dictionary.encoding {
            case .rung3: layout = .bell
            case .rung4: layout = .product(2)
            case .rung5(let k): layout = .product(k)
            default: layout = nil
            }
            let concepts = try dictionary.features.map { feature -> ConceptSet.Concept in
                let bindings = ["a": feature.alpha, "b": feature.beta, "c": feature.gamma, "phi": feature.phi]
                var gates = try staircase.map { try $0.resolved(angleBindings: bindings) }
                if let layout { gates += AmpBranchCircuit.gates(knobs(feature, dictionary.encoding), layout: layout, first: 3, at: nil) }
                return ConceptSet.Concept(label: feature.name, cluster: feature.cluster, location: feature.location, gates: gates)
            }
            return ConceptSet(actionName: action.name, qubitCount: 3 + (layout?.extraQubits ?? 0), concepts: concepts,
                              maxFeatures: dictionary.encoding.maxFeatures)
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
