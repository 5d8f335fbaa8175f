import IR

/// `UniformSphereKnobAssignment` (`cluster_method="pca_axis"`, polygram-pipeline.md §3.4).
public struct UniformSphereKnobAssignment: KnobAssignment {
    public var betaRange: (lo: Double, hi: Double)
    public var nInit: Int

    public init(betaRange: (lo: Double, hi: Double) = (-0.5, 0.5), nInit: Int = 4) {
        self.betaRange = betaRange
        self.nInit = nInit
    }

    public func assign(_ request: KnobAssignmentRequest) throws -> KnobAssignmentResult {
        let projections = request.projections.rows
        let n = projections.count
        let k = min(request.nClusters ?? 16, n)
        let units = projections.map { p -> [Double] in
            let norm = DenseMath.norm(p)
            return norm > 0 ? p.map { $0 / norm } : p
        }
        var best: [Int] = [], bestInertia = Double.infinity
        for s in 0..<max(nInit, 1) {
            let labels = KMeans.labels(points: ProjectionRows(units), k: k, seed: request.seed + UInt64(s), progress: request.progress)
            let inertia = Self.inertia(units, labels: labels)
            if best.isEmpty || inertia < bestInertia { best = labels; bestInertia = inertia }
        }
        let clusters = best.map { "cluster_\($0)" }

        var betas = [Double](repeating: KnobMath.mid(betaRange), count: n)
        var explained = 1.0
        if n >= 2 {
            let centred = DenseMath.centred(projections)
            let svd = try DenseMath.thinSVD(centred)
            let coords = centred.map { DenseMath.dot($0, svd.vt[0]) }
            let scale = coords.map(\.magnitude).max() ?? 0
            if scale >= 1e-12 {
                betas = coords.map { $0 / scale * KnobMath.half(betaRange) + KnobMath.mid(betaRange) }
            }
            let total = svd.singularValues.reduce(0) { $0 + $1 * $1 }
            explained = total <= 1e-12 ? 1.0 : min(max(svd.singularValues[0] * svd.singularValues[0] / total, 0), 1)
        }
        var result = KnobAssignmentResult(
            clusterPerFeature: clusters, betas: betas,
            gammas: try KnobMath.gammas(request, clusters: clusters),
            clusterMethod: "pca_axis", betaVarianceExplained: explained)
        try KnobMath.applyPCAKnobs(request.projections, request: request, into: &result)
        return result
    }

    /// Σ over labels 0…max(label) of the within-cluster squared distance to the cluster mean.
    static func inertia(_ points: [[Double]], labels: [Int]) -> Double {
        var total = 0.0
        for label in 0...(labels.max() ?? 0) {
            let members = (0..<points.count).filter { labels[$0] == label }.map { points[$0] }
            guard !members.isEmpty else { continue }
            let mean = DenseMath.mean(members)
            for m in members { total += DenseMath.squaredDistance(m, mean) }
        }
        return total
    }
}

/// The built-in `uniform-sphere` profile.
enum UniformSphereProfile {
    static func make() -> GeometricProfile {
        try! GeometricProfile(name: "uniform-sphere", knobAssignment: UniformSphereKnobAssignment(),
                              geometricFidelity: RankRecallAtKFidelity(), defaultNClusters: 16)
    }
}

/// `RankRecallAtKFidelity`: overlap of the top-k pairs by |cos| and by |G|²,
/// k = max(3, P//2); nil when n ≤ 1 or P < k + 1.
public struct RankRecallAtKFidelity: GeometricFidelity {
    public init() {}
    public var isTierPreservation: Bool { false }

    public func compute(projections rows: ProjectionRows, dictionary: FeatureDictionary) throws -> Double? {
        let projections = rows.rows
        let n = projections.count
        guard n > 1 else { return nil }
        let pairs = n * (n - 1) / 2
        let k = max(3, pairs / 2)
        guard pairs >= k + 1 else { return nil }
        let gram = try DictionaryGram.compute(dictionary)
        let units = projections.map { p -> [Double] in
            let norm = DenseMath.norm(p)
            return norm > 0 ? p.map { $0 / norm } : p
        }
        var a: [Double] = [], b: [Double] = []
        for i in 0..<n {
            for j in (i + 1)..<n {
                a.append(abs(DenseMath.dot(units[i], units[j])))
                b.append(gram.abs2[i][j])
            }
        }
        // The k largest of each, ties to the earlier pair; counted with a mask, not hash sets.
        func topK(_ xs: [Double]) -> ArraySlice<Int> {
            xs.indices.sorted { xs[$0] != xs[$1] ? xs[$0] > xs[$1] : $0 < $1 }.prefix(k)
        }
        var inA = [Bool](repeating: false, count: a.count)
        for i in topK(a) { inA[i] = true }
        return Double(topK(b).reduce(0) { $0 + (inA[$1] ? 1 : 0) }) / Double(k)
    }
}
