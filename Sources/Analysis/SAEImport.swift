import Foundation
import IR

/// What `from_sae_lens` reports about a selection (polygram-pipeline.md §2.6),
/// restricted to the fields the analysis report shows.
public struct SelectionReport: Hashable, Sendable {
    public var nInputFeatures: Int
    public var nSelected: Int
    /// `(feature name, cluster)` in selection order.
    public var clusterAssignments: [ClusterAssignment]
    /// `from_labels` or `kmeans`.
    public var clusterMethod: String
    public var betaVarianceExplained: Double
    /// Pearson correlation of projection cosines² vs polygram overlaps; nil for N ≤ 1.
    public var tierPreservation: Double?
    /// `projection_pca` or `zero`.
    public var gammaMethod: String
    public var warnings: [String]
    // Fields only the full `from_sae_lens` path (FromSAELens) fills.
    /// `‖p_i − c(cluster_i)‖₂` per feature, in selection order.
    public var reconstructionError: [Double] = []
    public var geometricFidelity: Double?
    public var profile: String = "clustered"
    public var nBlocks: Int?
    public var meanBlockSize: Double?
    public var nCrossBlockEdges: Int?
    /// Learned path only (`learned_axis_assignment`).
    public var learnedAxisAssignment: LearnedAxisReport?

    public struct ClusterAssignment: Hashable, Sendable {
        public var feature: String
        public var cluster: String
    }
}

/// `from_sae_lens` as `polygram analyze` calls it: MPSRung1, profile
/// `clustered`, `clustered=False`, no encoding argument (so α = φ = 0).
public struct SAEImport {
    public var name = "ImportedSAE"
    public var assignGamma = false
    /// k for k-means when the labels do not decide the clusters (default 2).
    public var nClusters: Int?
    public var betaRange = (lo: -0.5, hi: 0.5)
    public var gammaRange = (lo: -0.25, hi: 0.25)

    public init(assignGamma: Bool = false, nClusters: Int? = nil) {
        self.assignGamma = assignGamma
        self.nClusters = nClusters
    }

    /// Builds the dictionary and its SelectionReport. Errors are `InputError`s
    /// carrying polygram's `from_sae_lens` message; `file` names the source.
    public func run(records: [SAEFeatureRecord], featureIDs: [Int], file: String? = nil)
        throws -> (dictionary: FeatureDictionary, report: SelectionReport) {
        let cap = 8
        if featureIDs.count > cap {
            throw InputError("selected \(featureIDs.count) features, but the MPSRung1 encoding caps a Dictionary at \(cap) features. "
                + "Pick a smaller subset, switch to an encoding with a larger cap (e.g., Rung3 for 16, HEA_Rung2 with larger "
                + "n_qubits for 2**n_qubits), omit `clustered=False` to auto-promote, or pass `clustered=True` explicitly.",
                file: file)
        }
        guard !featureIDs.isEmpty else { throw InputError("feature_ids is empty; nothing to import", file: file) }
        var byID: [Int: SAEFeatureRecord] = [:]
        for record in records where byID[record.featureID] == nil { byID[record.featureID] = record }
        let missing = featureIDs.filter { byID[$0] == nil }
        guard missing.isEmpty else {
            throw InputError("feature_id(s) not in records: [\(missing.map(String.init).joinedText(", "))]", file: file)
        }
        let selected = featureIDs.map { byID[$0]! }
        let dimension = selected[0].projection.count
        if let bad = selected.first(where: { $0.projection.count != dimension }) {
            throw InputError("projections must all have the same length: '\(selected[0].name)' has \(dimension), "
                             + "'\(bad.name)' has \(bad.projection.count)", at: bad.location, file: file)
        }
        let projections = selected.map(\.projection)
        let n = selected.count

        // Clusters: labels when every selected record has a "<prefix>/…" label, else k-means.
        var warnings: [String] = []
        let clusterMethod: String
        let clusters: [String]
        let labelPrefixes = selected.map { record -> String? in
            guard let label = record.label, let slash = label.firstIndex(of: "/") else { return nil }
            let prefix = String(label[..<slash])
            return prefix.isEmpty ? nil : prefix
        }
        if labelPrefixes.allSatisfy({ $0 != nil }) {
            clusterMethod = "from_labels"
            clusters = labelPrefixes.map { $0! }
        } else {
            let requested = nClusters ?? 2
            if requested > n { warnings.append("n_clusters=\(requested) > selected=\(n); clamping to \(n)") }
            let labels = KMeans.labels(points: ProjectionRows(projections), k: min(requested, n), seed: 0)
            clusterMethod = "kmeans"
            clusters = labels.map { "cluster_\($0)" }
        }
        var clusterOrder: [String] = []
        for c in clusters where !clusterOrder.contains(c) { clusterOrder.append(c) }
        let betaOfCluster: [String: Double] = Dictionary(uniqueKeysWithValues: clusterOrder.enumerated().map { i, c in
            let m = clusterOrder.count
            let beta = m == 1 ? (betaRange.lo + betaRange.hi) / 2
                              : betaRange.lo + (betaRange.hi - betaRange.lo) * Double(i) / Double(m - 1)
            return (c, beta)
        })
        let gammas = assignGamma ? try gammaViaClusterPCA(projections, clusters: clusters) : [Double](repeating: 0, count: n)
        let features = zip(selected, zip(clusters, gammas)).map { record, cg in
            Feature(name: record.name, cluster: cg.0, beta: betaOfCluster[cg.0]!, gamma: cg.1, location: record.location)
        }
        try validateNames(features, clusterOrder: clusterOrder, file: file)
        let dictionary = FeatureDictionary(name: name, features: features,
                                           hierarchy: FeatureDictionary.hierarchy(inferredFrom: features),
                                           encoding: .mpsRung1(phaseKnobs: true))
        let overlaps = try MPSOverlap.overlapMatrix(dictionary.features)
        let report = SelectionReport(
            nInputFeatures: records.count, nSelected: n,
            clusterAssignments: features.map { .init(feature: $0.name, cluster: $0.cluster) },
            clusterMethod: clusterMethod,
            betaVarianceExplained: SAEImport.varianceExplained(ProjectionRows(projections), clusters: clusters),
            tierPreservation: SAEImport.tierPreservation(projections, overlaps: overlaps),
            gammaMethod: assignGamma ? "projection_pca" : "zero",
            warnings: warnings)
        return (dictionary, report)
    }

    /// Dictionary validation rules 2 and 3 (polygram-core.md §1.2) — the
    /// ones a selection can violate (repeated ids, a label prefix equal to a feature name).
    private func validateNames(_ features: [Feature], clusterOrder: [String], file: String?) throws {
        var seen: Set<String> = [], duplicates: Set<String> = []
        for f in features where !seen.insert(f.name).inserted { duplicates.insert(f.name) }
        if !duplicates.isEmpty {
            throw InputError("duplicate feature name(s): \(pythonList(duplicates.sorted()))", file: file)
        }
        let collisions = clusterOrder.filter { seen.contains($0) }
        if !collisions.isEmpty {
            throw InputError("name collision between feature(s) and cluster(s): \(pythonList(collisions.sorted())); "
                             + "rename either the feature or the cluster so with_knob paths resolve unambiguously", file: file)
        }
    }

    private func pythonList(_ items: [String]) -> String {
        "[" + items.map { "'\($0)'" }.joinedText(", ") + "]"
    }

    /// `_gamma_via_cluster_pca`: PC1 coordinate within each cluster of ≥ 2
    /// members, one global scale onto `gammaRange`.
    func gammaViaClusterPCA(_ projections: [[Double]], clusters: [String]) throws -> [Double] {
        let n = projections.count
        var raw = [Double](repeating: 0, count: n)
        var order: [String] = []
        for c in clusters where !order.contains(c) { order.append(c) }
        for cluster in order {
            let members = (0..<n).filter { clusters[$0] == cluster }
            guard members.count >= 2 else { continue }
            let rows = members.map { projections[$0] }
            let mean = DenseMath.mean(rows)
            let centred = rows.map { row in zip(row, mean).map { $0 - $1 } }
            let pc1 = try DenseMath.firstRightSingularVector(centred)
            for (k, i) in members.enumerated() { raw[i] = DenseMath.dot(centred[k], pc1) }
        }
        let scale = raw.map(\.magnitude).max() ?? 0
        guard scale > 0 else { return [Double](repeating: 0, count: n) }
        let half = (gammaRange.hi - gammaRange.lo) / 2, mid = (gammaRange.hi + gammaRange.lo) / 2
        return raw.map { $0 / scale * half + mid }
    }

    /// `clip(1 − SS_res/SS_tot, 0, 1)`; 1.0 when SS_tot < 1e-12.
    static func varianceExplained(_ projections: ProjectionRows, clusters: [String]) -> Double {
        let overall = DenseMath.mean(projections)
        var total = 0.0
        for i in 0..<projections.count { total += DenseMath.squaredDistance(projections[i], overall) }
        guard total >= 1e-12 else { return 1.0 }
        var centroids: [String: [Double]] = [:]
        for c in Set(clusters) {
            centroids[c] = DenseMath.mean(projections.subset(clusters.indices.filter { clusters[$0] == c }))
        }
        var residual = 0.0
        for (i, c) in clusters.enumerated() { residual += DenseMath.squaredDistance(projections[i], centroids[c]!) }
        return min(max(1 - residual / total, 0), 1)
    }

    /// TierPreservationFidelity: Pearson r over the upper triangle of
    /// `(unit_i·unit_j)²` vs `|G_ij|²`; nil for N ≤ 1, NaN if either side is flat.
    /// The direct O(N²) form, for `analyze` (≤ 8 features) and as the oracle of
    /// `TierPreservation.pearson`, the streamed form large selections use.
    static func tierPreservation(_ projections: [[Double]], overlaps: [[Double]]) -> Double? {
        let n = projections.count
        guard n > 1 else { return nil }
        let units = projections.map { p -> [Double] in
            let norm = DenseMath.dot(p, p).squareRoot()
            return norm > 0 ? p.map { $0 / norm } : p
        }
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<n {
            for j in (i + 1)..<n {
                let c = DenseMath.dot(units[i], units[j])
                xs.append(c * c)
                ys.append(overlaps[i][j])
            }
        }
        return pearson(xs, ys)
    }

    static func pearson(_ xs: [Double], _ ys: [Double]) -> Double {
        let count = Double(xs.count)
        let mx = xs.reduce(0, +) / count, my = ys.reduce(0, +) / count
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for (x, y) in zip(xs, ys) {
            sxx += (x - mx) * (x - mx)
            syy += (y - my) * (y - my)
            sxy += (x - mx) * (y - my)
        }
        let sx = (sxx / count).squareRoot(), sy = (syy / count).squareRoot()
        guard sx >= 1e-12, sy >= 1e-12 else { return .nan }
        return sxy / (sxx.squareRoot() * syy.squareRoot())
    }
}
