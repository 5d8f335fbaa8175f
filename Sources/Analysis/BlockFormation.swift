import IR

/// `BlockFormation(strategy, cosine_threshold=0.3, block_size_max=None, firing_corpus=None)`
/// (polygram-pipeline.md §6.1, §6.3).
public struct BlockFormation: Hashable, Sendable {
    public enum Strategy: String, Hashable, Sendable { case cosine, coFiring = "co_firing", userDeclared = "user_declared" }

    public var strategy: Strategy
    public var cosineThreshold: Double
    /// nil → the encoding's `max_features`.
    public var blockSizeMax: Int?
    /// Whether a firing corpus was supplied (only `co_firing` takes one; not implemented here).
    public var hasFiringCorpus: Bool

    public init(_ strategy: Strategy = .cosine, cosineThreshold: Double = 0.3, blockSizeMax: Int? = nil,
                hasFiringCorpus: Bool = false) throws {
        guard (0...1).contains(cosineThreshold) else {
            throw PolygramError.value("BlockFormation.cosine_threshold must be in [0, 1]; got \(PythonFloat.repr(cosineThreshold))")
        }
        if let k = blockSizeMax, k < 1 {
            throw PolygramError.value("BlockFormation.block_size_max must be >= 1 or None; got \(k)")
        }
        if strategy == .coFiring && !hasFiringCorpus {
            throw PolygramError.value("BlockFormation(strategy='co_firing') requires firing_corpus")
        }
        if strategy != .coFiring && hasFiringCorpus {
            throw PolygramError.value("BlockFormation.firing_corpus is only used with strategy='co_firing'")
        }
        self.strategy = strategy
        self.cosineThreshold = cosineThreshold
        self.blockSizeMax = blockSizeMax
        self.hasFiringCorpus = hasFiringCorpus
    }

    /// Greedy single-linkage BFS with cap `cap` over the pair graph (row indices).
    static func cosineBlocks(n: Int, pairs: Set<CosinePairGraph.Pair>, cap: Int,
                             progress: AnalysisProgress? = nil) -> [[Int]] {
        var neighbours = [[Int]](repeating: [], count: n)
        for p in pairs {
            neighbours[p.i].append(p.j)
            neighbours[p.j].append(p.i)
        }
        for i in 0..<n { neighbours[i].sort() }
        var assigned = [Bool](repeating: false, count: n)
        var blocks: [[Int]] = []
        for seed in 0..<n where !assigned[seed] {
            var block = [seed]
            assigned[seed] = true
            var frontier = [seed]
            while !frontier.isEmpty && block.count < cap {
                var next: [Int] = []
                outer: for feat in frontier {
                    if block.count >= cap { break }
                    for nb in neighbours[feat] where !assigned[nb] {
                        block.append(nb)
                        assigned[nb] = true
                        next.append(nb)
                        if block.count >= cap { break outer }
                    }
                }
                frontier = next
            }
            blocks.append(block)
            progress?("block formation", seed + 1, n)
        }
        return blocks
    }

    /// `user_declared`: each hierarchy cluster's members split into consecutive chunks of ≤ cap.
    static func userDeclaredBlocks(names: [String], hierarchy: [FeatureDictionary.Cluster], cap: Int) throws -> [[Int]] {
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[name] == nil { index[name] = i }
        var seen: Set<String> = []
        var blocks: [[Int]] = []
        for cluster in hierarchy {
            var rows: [Int] = []
            for name in cluster.members {
                guard let i = index[name] else {
                    throw PolygramError.value("user_declared block formation: hierarchy names unknown feature '\(name)'")
                }
                guard seen.insert(name).inserted else {
                    throw PolygramError.value("user_declared block formation: feature '\(name)' is listed twice in the hierarchy")
                }
                rows.append(i)
            }
            var start = 0
            while start < rows.count {
                blocks.append(Array(rows[start..<min(start + cap, rows.count)]))
                start += cap
            }
        }
        let missing = names.filter { !seen.contains($0) }
        if !missing.isEmpty {
            let shown = missing.prefix(5).map { "'\($0)'" }.joinedText(", ")
            throw PolygramError.value("user_declared block formation: \(missing.count) feature(s) not covered by the hierarchy: [\(shown)]")
        }
        return blocks
    }
}
