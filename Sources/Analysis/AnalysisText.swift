/// The fixed texts of polygram 0.15.0's analysis report and feature graphs
/// (polygram-core.md §6.3–6.4), verbatim.
enum AnalysisText {
    /// The "## Caveats" paragraph.
    static let caveat = #"""
All predictions assume the rung-1 MPS encoding with `α = 0`, `φ = 0` defaults from `polygram.from_sae_lens`. β values come from cluster centroids; γ defaults to 0 unless `assign_gamma=True` was used. Re-running with different encoding choices will shift M and V; the structural floor is invariant under uniform-φ shifts.
"""#

    /// The "## Choosing knobs" block.
    static let choosingKnobs = #"""
**Default knob.** Start with a single `<feature>.phi` per target feature (`Cancellation`'s default). On `MPSRung1` this is the final `Rz(qs[1], phi)` — the highest-leverage axis. On `HEA_Rung2` it is also the cleanest single axis (`phi` factors out of the θ tensor regardless of depth).

**Multi-feature binding.** When several features should be tuned coherently within a cluster, prefer the cluster-shared grammar (`<cluster>.phi`, `<cluster>.theta[r,d,q]`) over a list of per-feature paths. Bit-for-bit Gram preservation holds for `MPSRung1 <cluster>.phi` (final-Rz factorization). HEA cluster-shared paths ship as a search-space dimensionality reduction (one axis per cluster, bounding optimizer leverage), not an algebraic invariant.

**Cluster-shatterer hazard.** Per-feature θ knobs on diverse-sibling HEA fixtures can drive a target pair to ≈0 while shattering the cluster ordering. Empirically: a 4-θ Ry knob set drove `(dog_poodle, bird_hawk)` overlap to ≈0 while inverting `(dog_poodle, dog_beagle)` from 0.9999 → 0.5735 and `tier_separation` from +0.22 to −0.20. Only reach for per-feature θ after verifying tier separation will not invert.

**HEA Pauli leverage.** `Rz` at depth 0 has zero leverage on `|0⟩` initial states (`Rz |0⟩` is a global phase). `Rz` at later depths takes effect only after entanglers rotate states off the Z basis; leverage is depth- and entangler-dependent. `Ry` has across-the-board leverage but is the cluster-shatterer above. There is no defensible *per-feature* safe HEA knob; the principled answer is the cluster-shared grammar.

**Structural floor.** Pure-φ search bounds the squared overlap to [M − |V|, M + |V|]. The floor at `M − |V|` cannot be pierced by any φ tuning. To reduce overlap below the floor, β/α/γ adjustment or a richer encoding is needed (deferred — see `docs/research/cancellation-phase-floor.md`).

**Sensitivity ranking.** No `suggest_safe_knobs` helper is provided; sorting features by `feature_sensitivity` is two lines at the call site:

    top = sorted(prediction.feature_sensitivity.items(),
                 key=lambda kv: kv[1], reverse=True)[:n]
"""#

    /// The fenced formula block under "## Encoding suitability".
    static let suitabilityFormula = #"""
encoding_suitability_score = mean_cancellation_gap × min_pairwise_separation
  mean_cancellation_gap   = mean over pairs of (current_overlap − structural_floor)
  min_pairwise_separation = 1 − max over pairs of current_overlap
Intuition: rewards subsets that have phase headroom to drive overlaps down (large gaps) AND don't have any near-coincident pair before phase tuning (clean separation). Both factors live in [0, 1], so the score lives in [0, 1] too. Higher is better.
"""#

    /// `metadata.formula` of a sharing graph.
    static let sharingFormula = #"""
ratio  = p.cancellation_gap / max(p.current_overlap, 1e-12)
weight = clip(ratio, 0.0, 1.0)
         × (0.0 if p.structural_floor > FLOOR_BLOCK else 1.0)
         × (0.0 if (p.is_cross_cluster and not allow_cross_cluster)
            else 1.0)
"""#

    /// `metadata.formula` of a separation graph.
    static let separationFormula = #"""
weight = clip(p.structural_floor, 0.0, 1.0)
         × (0.0 if (not p.is_cross_cluster
                    and not include_within_cluster) else 1.0)
"""#
}
