import Simulate

/// q-orca's `compute_tier_separation` (qorca-language.md §7.4): the smallest
/// within-cluster mean overlap minus the largest cross-cluster overlap.
public enum TierSeparation {
    public struct Result: Equatable {
        public var separation: Double
        /// The sorted cluster pair of the largest cross-cluster overlap
        /// (ties → the later pair); ("", "") when there is none.
        public var drivingPair: (String, String)
        public static func == (a: Result, b: Result) -> Bool {
            a.separation == b.separation && a.drivingPair == b.drivingPair
        }
    }

    /// nil when no cluster has two members.
    public static func compute(_ gram: GramMatrix, clusters: [String]) -> Result? {
        var crossMax = 0.0
        var pair = ("", "")
        var sums: [String: (Double, Int)] = [:]
        var order: [String] = []
        for i in 0..<gram.size {
            for j in (i + 1)..<max(gram.size, i + 1) {
                let overlap = gram.overlap(i, j)
                if clusters[i] == clusters[j] {
                    if sums[clusters[i]] == nil { order.append(clusters[i]) }
                    let (sum, count) = sums[clusters[i], default: (0, 0)]
                    sums[clusters[i]] = (sum + overlap, count + 1)
                } else if overlap >= crossMax {
                    crossMax = overlap
                    pair = clusters[i] < clusters[j] ? (clusters[i], clusters[j]) : (clusters[j], clusters[i])
                }
            }
        }
        let means = order.map { sums[$0]!.0 / Double(sums[$0]!.1) }
        guard let minMean = means.min() else { return nil }
        return Result(separation: minMean - crossMax, drivingPair: pair)
    }
}
