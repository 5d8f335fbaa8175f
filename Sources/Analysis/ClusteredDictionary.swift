import Foundation
import IR

/// A dictionary split into blocks with sparse cross-block cosine edges
/// (`clustered_dictionary.py`, polygram-pipeline.md §6).
public struct ClusteredDictionary: Sendable {
    /// `(block_i, local_i, block_j, local_j)` with `block_i < block_j`.
    public struct EdgeKey: Hashable, Sendable, Comparable {
        public var blockI: Int, localI: Int, blockJ: Int, localJ: Int
        public init(_ bi: Int, _ li: Int, _ bj: Int, _ lj: Int) {
            blockI = bi; localI = li; blockJ = bj; localJ = lj
        }
        public static func < (a: EdgeKey, b: EdgeKey) -> Bool {
            (a.blockI, a.localI, a.blockJ, a.localJ) < (b.blockI, b.localI, b.blockJ, b.localJ)
        }
    }

    /// `BlockView(indices, decoder_slice=None, encoding, feature_names, feature_clusters)`.
    public struct BlockView: Hashable, Sendable {
        public var indices: [Int]
        public var encoding: Encoding
        public var featureNames: [String]
        public var featureClusters: [String]
    }

    public var name: String
    public var blocks: [FeatureDictionary]
    public var blockViews: [BlockView]
    /// Cosine of the float64-normalised decoder rows for every graph pair across blocks.
    public var crossBlockEdges: [EdgeKey: Double]
    public var blockFormation: BlockFormation
    /// `"Degenerate cosine partition…"` warnings raised while building.
    public var warnings: [String]

    public var nFeatures: Int { blocks.reduce(0) { $0 + $1.features.count } }
    public var nBlocks: Int { blocks.count }
    public var meanBlockSize: Double { Double(nFeatures) / Double(nBlocks) }
    public var nCrossBlockEdges: Int { crossBlockEdges.count }

    /// `build_clustered_dictionary(name, features, decoder_vectors, encoding, block_formation, hierarchy)`.
    public static func build(name: String, features: [Feature], decoderVectors: [[Double]], encoding: Encoding,
                             blockFormation: BlockFormation,
                             hierarchy: [FeatureDictionary.Cluster]? = nil,
                             progress: AnalysisProgress? = nil) throws -> ClusteredDictionary {
        try build(name: name, features: features, decoderVectors: ProjectionRows(decoderVectors), encoding: encoding,
                  blockFormation: blockFormation, hierarchy: hierarchy, progress: progress)
    }

    /// Same, over rows shared with the records (float32 for checkpoints).
    public static func build(name: String, features: [Feature], decoderVectors: ProjectionRows, encoding: Encoding,
                             blockFormation: BlockFormation,
                             hierarchy: [FeatureDictionary.Cluster]? = nil,
                             progress: AnalysisProgress? = nil) throws -> ClusteredDictionary {
        guard features.count == decoderVectors.count else {
            throw PolygramError.value("build_clustered_dictionary: len(features)=\(features.count) does not match "
                                      + "decoder_vectors.shape[0]=\(decoderVectors.count)")
        }
        guard !features.isEmpty else { throw PolygramError.value("build_clustered_dictionary: features is empty") }
        try FromSAELens.validateDictionaryName(name)
        let n = features.count
        let cap = blockFormation.blockSizeMax ?? encoding.maxFeatures
        let graph = CosinePairGraph(rows: decoderVectors, threshold: blockFormation.cosineThreshold, progress: progress)
        let rows: [[Int]]
        switch blockFormation.strategy {
        case .cosine:
            rows = BlockFormation.cosineBlocks(n: n, pairs: graph.pairs, cap: cap, progress: progress)
        case .userDeclared:
            guard let hierarchy else {
                throw PolygramError.value("build_clustered_dictionary: strategy='user_declared' requires a hierarchy")
            }
            rows = try BlockFormation.userDeclaredBlocks(names: features.map(\.name), hierarchy: hierarchy, cap: cap)
        case .coFiring:
            throw PolygramError.notImplemented("BlockFormation strategy 'co_firing' is not implemented")
        }
        var warnings: [String] = []
        if blockFormation.strategy == .cosine, n >= 2, !rows.contains(where: { $0.count > 1 }) {
            let maxCos = max(graph.maxOffDiagonalCosine, 0)
            let recommended = max(0.05, min(0.5, 0.8 * maxCos))
            warnings.append("Degenerate cosine partition: n_multi_feature_blocks=0 at cosine_threshold="
                            + "\(PythonFloat.repr(blockFormation.cosineThreshold)). Max observed off-diagonal cosine: "
                            + Printf.double(maxCos, "%.4f") + ". Recommended fallback: " + Printf.double(recommended, "%.3f"))
        }
        var blocks: [FeatureDictionary] = []
        var views: [BlockView] = []
        var location = [(block: Int, local: Int)](repeating: (0, 0), count: n)
        for (b, members) in rows.enumerated() {
            let fs = members.map { features[$0] }
            for (l, i) in members.enumerated() { location[i] = (b, l) }
            let block = FeatureDictionary(name: "\(name)_b\(b)", features: fs,
                                          hierarchy: FeatureDictionary.hierarchy(inferredFrom: fs), encoding: encoding)
            try FromSAELens.validateFeatures(block)
            guard fs.count <= encoding.maxFeatures else {
                throw PolygramError.value("block \(b) has \(fs.count) features, above the encoding cap \(encoding.maxFeatures)")
            }
            blocks.append(block)
            views.append(BlockView(indices: members, encoding: encoding, featureNames: fs.map(\.name),
                                   featureClusters: fs.map(\.cluster)))
            progress?("blocks", b + 1, rows.count)
        }
        // Normalised rows only for the (sparse) edges: no second N × d copy.
        let norms = (0..<n).map { i -> Double in
            let norm = DenseMath.norm(decoderVectors[i])
            return norm < 1e-12 ? 1 : norm
        }
        func unit(_ i: Int) -> [Double] { decoderVectors[i].map { $0 / norms[i] } }
        var edges: [EdgeKey: Double] = [:]
        for p in graph.pairs {
            var a = location[p.i], b = location[p.j]
            guard a.block != b.block else { continue }
            if a.block > b.block { swap(&a, &b) }
            edges[EdgeKey(a.block, a.local, b.block, b.local)] = DenseMath.dot(unit(p.i), unit(p.j))
        }
        return ClusteredDictionary(name: name, blocks: blocks, blockViews: views, crossBlockEdges: edges,
                                   blockFormation: blockFormation, warnings: warnings)
    }

    /// Per-block Grams (intra-block encoded overlaps); cross-block entries are `crossBlockEdges`.
    public func blockGrams() throws -> [DictionaryGram] { try blocks.map(DictionaryGram.compute) }

    /// `cross_block_redundant_pairs(threshold)`: edges with cosine ≥ threshold, descending;
    /// the total edge count; per-(bi, bj) counts.
    public func crossBlockRedundantPairs(threshold: Double = 0.7)
        -> (pairs: [(key: EdgeKey, cosine: Double)], totalEdges: Int, perBlockPair: [[Int]: Int]) {
        let kept = crossBlockEdges.filter { $0.value >= threshold }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { (key: $0.key, cosine: $0.value) }
        var counts: [[Int]: Int] = [:]
        for p in kept { counts[[p.key.blockI, p.key.blockJ], default: 0] += 1 }
        return (kept, crossBlockEdges.count, counts)
    }

    /// `BlockSparseGram.density = 2·#edges / (N² − Σ K_b²)` (0 when there are no off-block cells).
    public var crossBlockDensity: Double {
        let n = nFeatures
        let off = n * n - blocks.reduce(0) { $0 + $1.features.count * $1.features.count }
        return off == 0 ? 0 : 2 * Double(nCrossBlockEdges) / Double(off)
    }
}
