import Simulate

/// `TierPreservationFidelity`'s number (Pearson r of the upper-triangle
/// `cos²(p_i, p_j)` vs `|G_ij|²`) streamed over block pairs: the same
/// statistic `SAEImport.tierPreservation` computes from two N(N−1)/2 sample
/// arrays and the N × N Gram, in memory O(N·d + block²), so it stays
/// computable for every feature of a full-width SAE (24,576² pairs).
enum TierPreservation {
    /// Block rows per float64 Gram block (two 8 MB sample buffers).
    static let defaultBlock = 1024

    /// nil for N ≤ 1; NaN when either side is flat.
    static func pearson(_ projections: ProjectionRows, overlap: EncodedOverlap, block: Int = defaultBlock,
                        progress: AnalysisProgress? = nil) -> Double? {
        let n = projections.count
        guard n > 1 else { return nil }
        let d = projections.dimension
        // Unit rows (zero rows stay zero), float64, row-major.
        var units = [Double]()
        units.reserveCapacity(n * d)
        for i in 0..<n {
            let p = projections[i]
            let norm = DenseMath.dot(p, p).squareRoot()
            if norm > 0 { units.append(contentsOf: p.lazy.map { $0 / norm }) } else { units.append(contentsOf: p) }
        }
        var accumulator = StreamedPearson()
        var xs = [Double](repeating: 0, count: block * block), ys = xs
        let blocks = (n + block - 1) / block
        let total = blocks * (blocks + 1) / 2
        var done = 0
        RealLinearAlgebra.blockedGramFloat64(units, rows: n, columns: d, block: block) { i0, j0, ni, nj, cosines in
            var m = 0
            xs.withUnsafeMutableBufferPointer { xs in
                ys.withUnsafeMutableBufferPointer { ys in
                    for bi in 0..<ni {
                        let first = j0 == i0 ? bi + 1 : 0
                        for bj in first..<nj {
                            let c = cosines[bi * nj + bj]
                            xs[m + bj - first] = c * c
                        }
                        overlap.abs2(row: i0 + bi, columns: (j0 + first)..<(j0 + nj), into: ys.baseAddress! + m)
                        m += nj - first
                    }
                    accumulator.add(xs.baseAddress!, ys.baseAddress!, count: m)
                }
            }
            done += 1
            progress?("fidelity", done, total)
        }
        return accumulator.value
    }
}
