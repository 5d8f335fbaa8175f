import Foundation
import IR

/// Helpers shared by every knob-assignment strategy and the bypass path
/// (polygram-pipeline.md §2.4, §3.3–3.6).
enum KnobMath {
    static func mid(_ r: (lo: Double, hi: Double)) -> Double { (r.lo + r.hi) / 2 }
    static func half(_ r: (lo: Double, hi: Double)) -> Double { (r.hi - r.lo) / 2 }

    /// Clusters in first-appearance order.
    static func order(_ clusters: [String]) -> [String] {
        var seen: Set<String> = [], out: [String] = []
        for c in clusters where seen.insert(c).inserted { out.append(c) }
        return out
    }

    /// `_spread_betas`: one cluster → mid; m ≥ 2 → `lo + (hi−lo)·i/(m−1)`.
    static func spreadBetas(_ clusters: [String], range: (lo: Double, hi: Double)) -> [Double] {
        let order = order(clusters)
        let m = order.count
        var beta: [String: Double] = [:]
        for (i, c) in order.enumerated() {
            beta[c] = m == 1 ? mid(range) : range.lo + (range.hi - range.lo) * Double(i) / Double(m - 1)
        }
        return clusters.map { beta[$0]! }
    }

    /// Per-cluster means of the raw projections.
    static func centroids(_ projections: ProjectionRows, clusters: [String]) -> [String: [Double]] {
        var out: [String: [Double]] = [:]
        for c in order(clusters) {
            out[c] = DenseMath.mean(projections.subset(clusters.indices.filter { clusters[$0] == c }))
        }
        return out
    }

    /// `clip(1 − SS_res/SS_tot, 0, 1)`; 1.0 when SS_tot < 1e-12.
    static func varianceExplained(_ projections: ProjectionRows, clusters: [String]) -> Double {
        SAEImport.varianceExplained(projections, clusters: clusters)
    }

    /// `‖p_i − c(cluster_i)‖₂`.
    static func reconstructionErrors(_ projections: ProjectionRows, clusters: [String]) -> [Double] {
        let c = centroids(projections, clusters: clusters)
        return clusters.enumerated().map { i, cluster in DenseMath.squaredDistance(projections[i], c[cluster]!).squareRoot() }
    }

    /// `_gamma_via_cluster_pca` (one global scale; singletons get mid; all-zero → zeros, bug B10).
    static func gammaViaClusterPCA(_ projections: ProjectionRows, clusters: [String],
                                   range: (lo: Double, hi: Double), progress: AnalysisProgress? = nil) throws -> [Double] {
        let n = projections.count
        var raw = [Double](repeating: 0, count: n)
        let clusterOrder = order(clusters)
        for (c, cluster) in clusterOrder.enumerated() {
            defer { progress?("cluster PCA", c + 1, clusterOrder.count) }
            let members = (0..<n).filter { clusters[$0] == cluster }
            guard members.count >= 2 else { continue }
            let rows = projections.subset(members)
            let mean = DenseMath.mean(rows)
            let pc1 = try DenseMath.firstRightSingularVector(centring: rows, mean: mean)
            // Centred rows re-formed one at a time (the SVD consumed its copy).
            for i in members { raw[i] = DenseMath.dot(zip(projections[i], mean).map { $0 - $1 }, pc1) }
        }
        let scale = raw.map(\.magnitude).max() ?? 0
        guard scale > 0 else { return [Double](repeating: 0, count: n) }
        return raw.map { $0 / scale * half(range) + mid(range) }
    }

    /// PCA of the centred projections, shared by the phase and amp helpers:
    /// nil when n < 2 or σ₁ < 1e-12; else Vᵀ rows, the centred rows and the
    /// number of axes above the 1e-9·σ₁ noise floor.
    struct PCA {
        var centred: [[Double]]
        var vt: [[Double]]
        var available: Int

        init?(_ projections: ProjectionRows) throws {
            guard projections.count >= 2 else { return nil }
            centred = DenseMath.centred(projections)
            let svd = try DenseMath.thinSVD(centred)
            guard let s1 = svd.singularValues.first, s1 >= 1e-12 else { return nil }
            vt = svd.vt
            available = svd.singularValues.filter { $0 > 1e-9 * s1 }.count
        }

        /// `coords/max|coords|·half + mid` on axis `index`, or nil (unavailable / degenerate).
        func knob(axis index: Int, range: (lo: Double, hi: Double)) -> [Double]? {
            guard index < available else { return nil }
            let coords = centred.map { DenseMath.dot($0, vt[index]) }
            let scale = coords.map(\.magnitude).max() ?? 0
            guard scale >= 1e-12 else { return nil }
            return coords.map { $0 / scale * KnobMath.half(range) + KnobMath.mid(range) }
        }
    }

    static let phaseRange = (lo: 0.0, hi: 2 * Double.pi)
    static let thetaRange = (lo: 0.0, hi: Double.pi / 2)

    /// `assign_phase_knobs_pca`: PC2 → α, PC3 → φ on [0, 2π]; HEA_Rung2 → none.
    static func phaseKnobs(_ projections: ProjectionRows, encoding: Encoding) throws -> (alphas: [Double]?, phis: [Double]?) {
        if case .heaRung2 = encoding { return (nil, nil) }
        guard let pca = try PCA(projections) else { return (nil, nil) }
        return (pca.knob(axis: 1, range: phaseRange), pca.knob(axis: 2, range: phaseRange))
    }

    /// `assign_amp_knobs_pca` (Rung3: PC4/PC5; Rung4: + PC6/PC7; Rung5: pairs from PC4 on).
    static func ampKnobs(_ projections: ProjectionRows, encoding: Encoding, into result: inout KnobAssignmentResult) throws {
        switch encoding {
        case .mpsRung1, .heaRung2: return
        case .rung3, .rung4:
            guard let pca = try PCA(projections) else { return }
            result.thetaAmps = pca.knob(axis: 3, range: thetaRange)
            result.psiAuxes = pca.knob(axis: 4, range: phaseRange)
            if encoding == .rung4 {
                result.thetaAmpBs = pca.knob(axis: 5, range: thetaRange)
                result.psiAmpBs = pca.knob(axis: 6, range: phaseRange)
            }
        case .rung5(let k):
            guard let pca = try PCA(projections) else { return }
            let n = projections.count
            var list = [[AmpKnob]](repeating: [AmpKnob](repeating: AmpKnob(theta: 0, psi: 0), count: k), count: n)
            for i in 0..<k {
                let thetas = pca.knob(axis: 3 + 2 * i, range: thetaRange)
                let psis = pca.knob(axis: 4 + 2 * i, range: phaseRange)
                for f in 0..<n {
                    list[f][i] = AmpKnob(theta: thetas?[f] ?? 0, psi: psis?[f] ?? 0)
                }
            }
            result.ampKnobsList = list
        }
    }

    /// Phase and amp knobs when the flags are set and an encoding was passed.
    static func applyPCAKnobs(_ projections: ProjectionRows, request: KnobAssignmentRequest,
                              into result: inout KnobAssignmentResult) throws {
        guard let encoding = request.encoding else { return }
        if request.assignPhaseKnobs {
            let (a, p) = try phaseKnobs(projections, encoding: encoding)
            result.alphas = a
            result.phis = p
        }
        if request.assignAmpKnobs { try ampKnobs(projections, encoding: encoding, into: &result) }
    }

    static func gammas(_ request: KnobAssignmentRequest, clusters: [String]) throws -> [Double] {
        request.assignGamma
            ? try gammaViaClusterPCA(request.projections, clusters: clusters, range: request.gammaRange,
                                     progress: request.progress)
            : [Double](repeating: 0, count: request.projections.count)
    }
}
