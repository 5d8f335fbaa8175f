import Foundation
import IR
import Simulate

/// Checks on the simulated concept Gram: bond dimension, tier ordering,
/// declared tier values and the tier-separation invariant.
public enum GramChecks {
    public static let codes: [(String, String)] = [
        ("HEA_GRAM_INVALID", "An HEA machine's `## theta` rows do not pair with its query_concept call sites."),
        ("CONCEPT_GRAM_INVALID", "Concept call sites cannot be bound, or `## amp branch` rows do not match the concepts."),
        ("CONCEPT_SIMULATION_FAILED", "The concept circuits cannot be simulated (bad qubit, custom gate, too large)."),
        ("MPS_BOND_DIMENSION_EXCEEDED", "A concept of an mps_bond_2 machine has Schmidt rank above 2 at some cut."),
        ("TIER_ORDER_VIOLATED", "Some within-cluster overlap is not above every cross-cluster overlap."),
        ("TIER_VALUE_MISMATCH", "A tier chain declared in a verification rule (a > b > c) does not match the Gram."),
        ("HEA_THETA_ORDER", "An HEA `## theta` row is paired (by position) with a call site that prepares another concept."),
        ("RANK_DEFICIENT", "More concepts than the encoding's max_features: the Gram is rank-deficient (warning)."),
        ("HEA_TIER_UNDEFINED", "A tier-separation invariant is declared but no cluster has two concepts."),
        ("HEA_TIER_INVARIANT_VIOLATED", "The concept Gram's tier separation violates the declared invariant."),
    ]

    static func run(_ machine: Machine, concepts: ConceptSet, gram: GramMatrix) -> [Diagnostic] {
        var found: [Diagnostic] = []
        found += bondDimension(machine, concepts)
        found += tierOrdering(concepts, gram)
        found += DeclaredTierValues.check(machine, gram)
        found += tierInvariant(machine, concepts, gram)
        found += rank(concepts, gram)
        return found
    }

    /// Schmidt rank ≤ 2 across the MPS cuts (after q0 and after q1; the
    /// Rung3/4/5 amp branch on later qubits is a separate factor).
    static func bondDimension(_ machine: Machine, _ concepts: ConceptSet) -> [Diagnostic] {
        guard machine.verificationRules.contains(where: { $0.kind.hasPrefix("mps_bond_2") }) else { return [] }
        return concepts.concepts.indices.compactMap { index in
            let concept = concepts.concepts[index]
            guard let state = try? concepts.state(index), state.qubitCount >= 2,
                  let ranks = try? (1...min(2, state.qubitCount - 1)).map({ try Schmidt.rank(state, cut: $0) }),
                  let worst = ranks.max(), worst > 2 else { return nil }
            let cut = ranks.firstIndex(of: worst)! + 1
            return Diagnostic("MPS_BOND_DIMENSION_EXCEEDED", .error,
                "Concept '\(concept.label)' has Schmidt rank \(worst) across the cut after qubit \(cut - 1); a bond-2 MPS allows at most 2",
                at: concept.location)
        }
    }

    static func tierOrdering(_ concepts: ConceptSet, _ gram: GramMatrix) -> [Diagnostic] {
        let clusters = concepts.concepts.map(\.cluster)
        guard clusters.allSatisfy({ $0 != nil }), Set(clusters.compactMap { $0 }).count >= 2 else { return [] }
        var within: (Double, Int, Int)? = nil, cross: (Double, Int, Int)? = nil
        for i in 0..<gram.size {
            for j in (i + 1)..<gram.size {
                let o = gram.overlap(i, j)
                if clusters[i] == clusters[j] {
                    if within == nil || o < within!.0 { within = (o, i, j) }
                } else if cross == nil || o > cross!.0 {
                    cross = (o, i, j)
                }
            }
        }
        guard let w = within, let c = cross, w.0 <= c.0 else { return [] }
        let name = { (i: Int) in concepts.concepts[i].label }
        return [Diagnostic("TIER_ORDER_VIOLATED", .warning,
            "within-cluster overlap \(format(w.0)) (\(name(w.1)), \(name(w.2))) is not above cross-cluster overlap \(format(c.0)) (\(name(c.1)), \(name(c.2)))",
            at: concepts.concepts[w.2].location)]
    }

    static func tierInvariant(_ machine: Machine, _ concepts: ConceptSet, _ gram: GramMatrix) -> [Diagnostic] {
        guard let invariant = machine.invariants.first(where: {
            if case .tierSeparation = $0.kind { return true } else { return false }
        }), case .tierSeparation(let op, let bound) = invariant.kind else { return [] }
        let clusters = concepts.concepts.map { $0.cluster ?? "_default" }
        guard let result = TierSeparation.compute(gram, clusters: clusters) else {
            return [Diagnostic("HEA_TIER_UNDEFINED", .error,
                "machine '\(machine.name)': `concept_gram_tier_separation` invariant declared, but every concept is in its own singleton cluster — no intra-cluster pairs to evaluate",
                at: invariant.location)]
        }
        guard !op.holds(result.separation, bound) else { return [] }
        return [Diagnostic("HEA_TIER_INVARIANT_VIOLATED", .error,
            "machine '\(machine.name)': `concept_gram_tier_separation \(op.rawValue) \(PythonFloat.repr(bound))` violated — actual \(Printf.double(result.separation, "%.6f")) (driven by cluster pair ('\(result.drivingPair.0)', '\(result.drivingPair.1)'))",
            at: invariant.location)]
    }

    /// polygram allows dictionaries above `max_features`; their concepts are
    /// then linearly dependent, which is worth a warning with the rank found.
    static func rank(_ concepts: ConceptSet, _ gram: GramMatrix) -> [Diagnostic] {
        guard concepts.concepts.count > concepts.maxFeatures, let rank = try? gram.numericalRank() else { return [] }
        return [Diagnostic("RANK_DEFICIENT", .warning,
            "\(concepts.concepts.count) concepts exceed the encoding's max_features = \(concepts.maxFeatures); the concept Gram has numerical rank \(rank)",
            at: concepts.concepts[concepts.maxFeatures].location)]
    }

    static func format(_ x: Double) -> String { FixedDecimal.format(x, places: 4) }
}
