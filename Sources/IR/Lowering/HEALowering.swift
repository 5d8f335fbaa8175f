/// Lowers an HEA_Rung2 dictionary to polygram's query machine with its
/// `## encoding` and `## theta` sections (polygram-core.md §2.3, §3.3).
enum HEALowering {
    static func lower(_ dictionary: FeatureDictionary, _ p: HEAParameters) throws -> Machine {
        let slugs = try dictionary.features.map { try slug($0.name) }
        let register = "[" + (0..<p.qubitCount).map { "q\($0)" }.joinedText(", ") + "]"
        var machine = Machine(name: dictionary.name, location: dictionary.location)
        let rotations = "[" + p.rotations.map { "'\($0.rawValue)'" }.joinedText(", ") + "]"
        machine.summary = ["Polygram-generated rung-2 HEA dictionary (\(dictionary.features.count) features, "
            + "\(dictionary.hierarchy.count) clusters; depth=\(p.depth), entangler=\(p.entangler.rawValue), rotations=\(rotations))."]
        machine.context = [ContextField(name: "qubits", type: "list<qubit>", defaultValue: register)]
        machine.events = slugs.map { EventDecl(name: "prep_\($0)") }
        machine.states = [StateDecl(name: "idle", isInitial: true,
                                    description: "Ground state of the \(p.qubitCount)-qubit register, before any concept preparation.")]
        for (feature, slug) in zip(dictionary.features, slugs) {
            machine.states.append(StateDecl(name: "queried_\(slug)", isFinal: true,
                description: "Register holds concept `\(feature.name)` (cluster: \(feature.cluster)).", location: feature.location))
            machine.transitions.append(Transition(source: "idle", event: "prep_\(slug)", target: "queried_\(slug)",
                action: ActionCall(name: "query_concept", label: "query_concept", arguments: nil), location: feature.location))
        }
        machine.actions = [ActionDecl(name: "query_concept", signature: "(qs) -> qs", parameters: [], returnType: "qs",
                                      effectText: "", statements: [])]
        machine.encoding = EncodingTable(kind: "hea", depth: p.depth, entangler: p.entangler.rawValue, rotations: p.rotations)
        machine.theta = zip(dictionary.features, slugs).map { feature, slug in
            ThetaRow(concept: slug, tensor: effectiveTheta(feature, p), cluster: feature.cluster, location: feature.location)
        }
        if let bound = p.tierSeparationBound {
            machine.invariants = [Invariant(kind: .tierSeparation(.ge, bound),
                                            text: "concept_gram_tier_separation >= \(PythonFloat.repr(bound))")]
        }
        return machine
    }

    /// The explicit tensor, or polygram's default synthesised from (α, β, γ, φ).
    static func effectiveTheta(_ feature: Feature, _ p: HEAParameters) -> [[[Double]]] {
        feature.theta ?? defaultTheta(feature, p)
    }

    /// `_default_hea_theta` (polygram-core.md §2.3), odd corners included:
    /// φ overwrites β when Rz is the first rotation (α when n = 1), and is
    /// dropped when Rz is not first and n < 2.
    static func defaultTheta(_ feature: Feature, _ p: HEAParameters) -> [[[Double]]] {
        let n = p.qubitCount
        var theta = Array(repeating: Array(repeating: Array(repeating: 0.0, count: n), count: p.depth),
                          count: p.rotations.count)
        let seeds = [feature.alpha, feature.beta, feature.gamma]
        for q in 0..<min(n, 3) { theta[0][0][q] = seeds[q] }
        if let rz = p.rotations.firstIndex(of: .Rz), feature.phi != 0.0 {
            if rz != 0 && n >= 2 {
                theta[rz][0][1] = feature.phi
            } else if rz == 0 {
                theta[0][0][n >= 2 ? 1 : 0] = feature.phi
            }
        }
        return theta
    }
}
