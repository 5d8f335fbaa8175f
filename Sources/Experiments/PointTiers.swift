/// A sweep point's tier numbers from its |G|² matrix: polygram's pooled tier
/// means (§4.5, `TierStatistics`) and q-orca's tier separation (§4.6,
/// `TierSeparation.compute`), with clusters as small integers so that a
/// point costs no string hashing. Sums run in the same order as those two,
/// so the numbers are the same bits.
struct PointTiers {
    /// Cluster number per feature, numbered by first appearance.
    let clusters: [Int]
    let clusterCount: Int
    private var sums: [Double]
    private var counts: [Int]

    init(clusters names: [String]) {
        var numbers: [String: Int] = [:]
        clusters = names.map { name in
            if let k = numbers[name] { return k }
            numbers[name] = numbers.count
            return numbers.count - 1
        }
        clusterCount = numbers.count
        sums = [Double](repeating: 0, count: clusterCount)
        counts = [Int](repeating: 0, count: clusterCount)
    }

    /// (sibling mean, cross-cluster mean) over ordered pairs i ≠ j of the
    /// symmetric N×N `squared` (row-major); NaN when there is no such pair.
    func means(_ squared: UnsafePointer<Double>) -> (sibling: Double, cross: Double) {
        let n = clusters.count
        var same = 0.0, sameCount = 0, cross = 0.0, crossCount = 0
        for i in 0..<n {
            for j in 0..<n where i != j {
                let o = squared[i * n + j]
                if clusters[i] == clusters[j] { same += o; sameCount += 1 } else { cross += o; crossCount += 1 }
            }
        }
        return (sameCount > 0 ? same / Double(sameCount) : .nan, crossCount > 0 ? cross / Double(crossCount) : .nan)
    }

    /// min over clusters with two or more members of their mean pair overlap,
    /// minus the largest cross-cluster overlap (at least 0); nil when no
    /// cluster has two members.
    mutating func separation(_ squared: UnsafePointer<Double>) -> Double? {
        let n = clusters.count
        for k in 0..<clusterCount { sums[k] = 0; counts[k] = 0 }
        var crossMax = 0.0
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let o = squared[i * n + j]
                if clusters[i] == clusters[j] {
                    sums[clusters[i]] += o
                    counts[clusters[i]] += 1
                } else if o >= crossMax {
                    crossMax = o
                }
            }
        }
        var minMean: Double?
        for k in 0..<clusterCount where counts[k] > 0 {
            let mean = sums[k] / Double(counts[k])
            if minMean == nil || mean < minMean! { minMean = mean }
        }
        return minMean.map { $0 - crossMax }
    }
}
