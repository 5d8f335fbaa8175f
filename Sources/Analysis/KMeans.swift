/// polygram's `_kmeans` (polygram-pipeline.md §3.2): k-means++ seeding from
/// `default_rng(seed)`, then Lloyd until the assignment repeats (≤ max_iter).
///
/// Labels must be bit-identical to the straightforward version (each squared
/// distance summed over coordinates in order, √ before comparing, first
/// minimum on ties). A sequential sum is latency-bound, so eight points are
/// summed side by side in SIMD lanes, each lane in exactly that order; points
/// are stored in panels of eight, coordinate-major within a panel, so the
/// eight values load together and a panel streams through the cache.
/// O(n·k·d) per step, no per-point allocations.
enum KMeans {
    typealias Lanes = SIMD8<Double>
    static let lanes = 8

    static func labels(points: ProjectionRows, k: Int, seed: UInt64, maxIterations: Int = 100,
                       progress: AnalysisProgress? = nil) -> [Int] {
        let n = points.count
        guard k > 1, n > 0 else { return [Int](repeating: 0, count: n) }
        let d = points.dimension
        // panels[(g · d + j) · lanes + l] = points[g · lanes + l][j]; the last panel is zero-padded.
        let groups = (n + lanes - 1) / lanes
        var panels = [Double](repeating: 0, count: groups * d * lanes)
        for i in 0..<n {
            let (g, l) = i.quotientAndRemainder(dividingBy: lanes)
            let row = points[i]
            for j in 0..<d { panels[(g * d + j) * lanes + l] = row[j] }
        }
        func value(_ i: Int, _ j: Int) -> Double { panels[((i / lanes) * d + j) * lanes + i % lanes] }
        var centroids = [Double](repeating: 0, count: k * d)
        var squared = [Double](repeating: 0, count: groups * lanes)

        /// squared[i] = Σ_j (points[i][j] − centroid c[j])², summed in j order.
        func squaredDistances(to c: Int) {
            panels.withUnsafeBufferPointer { x in
                centroids.withUnsafeBufferPointer { centre in
                    squared.withUnsafeMutableBufferPointer { out in
                        let base = c * d
                        for g in 0..<groups {
                            var s = Lanes()
                            var o = g * d * lanes
                            for j in 0..<d {
                                let point = UnsafeRawPointer(x.baseAddress! + o).loadUnaligned(as: Lanes.self)
                                let t = point - Lanes(repeating: centre[base + j])
                                s += t * t
                                o += lanes
                            }
                            for l in 0..<lanes { out[g * lanes + l] = s[l] }
                        }
                    }
                }
            }
        }
        func setCentroid(_ c: Int, toPoint p: Int) {
            for j in 0..<d { centroids[c * d + j] = value(p, j) }
        }

        var rng = NumpyRandom(seed: seed)
        setCentroid(0, toPoint: rng.integers(n))
        var d2 = [Double](repeating: .infinity, count: n)
        for ci in 1..<k {
            // The min over the seeds so far, kept as a running min.
            squaredDistances(to: ci - 1)
            for i in 0..<n { d2[i] = min(d2[i], squared[i]) }
            let total = d2.reduce(0, +)
            if total <= 0 {
                setCentroid(ci, toPoint: rng.integers(n))
            } else {
                setCentroid(ci, toPoint: rng.choice(probabilities: d2.map { $0 / total }))
            }
        }

        var assignment = [Int](repeating: -1, count: n)
        var next = [Int](repeating: 0, count: n)
        var best = [Double](repeating: 0, count: n)
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        for iteration in 0..<maxIterations {
            for i in 0..<n { next[i] = 0; best[i] = .infinity }
            for c in 0..<k {
                squaredDistances(to: c)
                for i in 0..<n {
                    let distance = squared[i].squareRoot()
                    if distance < best[i] { next[i] = c; best[i] = distance }
                }
            }
            progress?("k-means", iteration + 1, maxIterations)
            if next == assignment { break }
            assignment = next
            // Member means, rows summed in index order (numpy's mean(axis=0)); empty clusters keep their centroid.
            for t in 0..<(k * d) { sums[t] = 0 }
            for c in 0..<k { counts[c] = 0 }
            for i in 0..<n { counts[assignment[i]] += 1 }
            sums.withUnsafeMutableBufferPointer { sums in
                panels.withUnsafeBufferPointer { x in
                    // Whole rows from the panels (no widening per iteration): coordinates are independent sums.
                    for i in 0..<n {
                        let row = assignment[i] * d
                        var o = (i / lanes) * d * lanes + i % lanes
                        for j in 0..<d {
                            sums[row + j] += x[o]
                            o += lanes
                        }
                    }
                }
            }
            for c in 0..<k where counts[c] > 0 {
                let count = Double(counts[c])
                for j in 0..<d { centroids[c * d + j] = sums[c * d + j] / count }
            }
        }
        return assignment
    }
}
