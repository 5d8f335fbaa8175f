import IR

/// `ClusteredKnobAssignment` (`cluster_method="kmeans"`, polygram-pipeline.md §3.3).
public struct ClusteredKnobAssignment: KnobAssignment {
    public var betaRange: (lo: Double, hi: Double)

    public init(betaRange: (lo: Double, hi: Double) = (-0.5, 0.5)) { self.betaRange = betaRange }

    public func assign(_ request: KnobAssignmentRequest) throws -> KnobAssignmentResult {
        let projections = request.projections
        let n = projections.count
        let k = min(request.nClusters ?? 2, n)
        let clusters = KMeans.labels(points: projections, k: k, seed: request.seed, progress: request.progress)
            .map { "cluster_\($0)" }
        var result = KnobAssignmentResult(
            clusterPerFeature: clusters,
            betas: KnobMath.spreadBetas(clusters, range: betaRange),
            gammas: try KnobMath.gammas(request, clusters: clusters),
            clusterMethod: "kmeans",
            betaVarianceExplained: KnobMath.varianceExplained(projections, clusters: clusters))
        try KnobMath.applyPCAKnobs(projections, request: request, into: &result)
        return result
    }
}

/// The built-in `clustered` profile.
enum ClusteredProfile {
    static func make() -> GeometricProfile {
        // Constant arguments: cannot throw.
        try! GeometricProfile(name: "clustered", knobAssignment: ClusteredKnobAssignment(),
                              geometricFidelity: TierPreservationFidelity(), defaultNClusters: 2)
    }
}

/// `TierPreservationFidelity`: Pearson r of upper-triangle cos² vs |G|² (nil for n ≤ 1, NaN when flat).
public struct TierPreservationFidelity: GeometricFidelity {
    public init() {}
    public var isTierPreservation: Bool { true }

    public func compute(projections: ProjectionRows, dictionary: FeatureDictionary) throws -> Double? {
        try compute(projections: projections, dictionary: dictionary, progress: nil)
    }

    /// Streamed over block pairs (memory linear in N): no N × N Gram is formed.
    public func compute(projections: ProjectionRows, dictionary: FeatureDictionary, progress: AnalysisProgress?) throws -> Double? {
        guard projections.count > 1 else { return nil }
        return TierPreservation.pearson(projections, overlap: try EncodedOverlap(dictionary), progress: progress)
    }
}
