import Foundation
import Simulate
import IR
import XCTest
@testable import Analysis

/// Clustered dictionaries (cases J and K): blocks, block views, per-block
/// Grams, cross-block edges (as a set; Python set order is not reproduced).
final class ClusteredDictionaryReferenceTests: FromSAELensTestCase {
    func runClusteredCase(_ file: String, options: FromSAELensOptions) throws {
        let ref = try Self.reference(file)
        let ids = ref["feature_ids"] as! [Int]
        let (result, report) = try FromSAELens.run(records: Self.synth(), featureIDs: ids, options: options)
        checkReport(report, ref, file)
        guard let cd = result.clustered else { return XCTFail("\(file): expected a ClusteredDictionary") }
        let rc = ref["clustered_dictionary"] as! [String: Any]
        XCTAssertEqual(cd.name, rc["name"] as? String)
        XCTAssertEqual(cd.nBlocks, rc["n_blocks"] as? Int)
        XCTAssertEqual(cd.nFeatures, rc["n_features"] as? Int)
        XCTAssertEqual(cd.meanBlockSize, rc["mean_block_size"] as! Double, accuracy: 1e-15)
        XCTAssertEqual(cd.nCrossBlockEdges, rc["n_cross_block_edges"] as? Int)
        let bf = rc["block_formation"] as! [String: Any]
        XCTAssertEqual(cd.blockFormation.strategy.rawValue, bf["strategy"] as? String)
        XCTAssertEqual(cd.blockFormation.cosineThreshold, bf["cosine_threshold"] as? Double)
        XCTAssertEqual(cd.blockViews.map(\.indices), rc["block_view_indices"] as? [[Int]])
        let blocks = rc["blocks"] as! [[String: Any]]
        XCTAssertEqual(cd.blocks.count, blocks.count)
        for (b, rb) in zip(cd.blocks, blocks) {
            XCTAssertEqual(b.name, rb["name"] as? String)
            XCTAssertEqual(b.features.map(\.name), rb["features"] as? [String])
            let h = rb["hierarchy"] as! [String: [String]]
            XCTAssertEqual(b.hierarchy.count, h.count, b.name)
            for c in b.hierarchy { XCTAssertEqual(c.members, h[c.name], b.name) }
            checkGram(try DictionaryGram.compute(b), real: nil, imag: nil, abs2: rb["gram_abs2"], "\(file) \(b.name)")
        }
        var expected: [ClusteredDictionary.EdgeKey: Double] = [:]
        for p in rc["cross_block_pairs"] as! [[String: Any]] {
            let k = p["key"] as! [Int]
            expected[ClusteredDictionary.EdgeKey(k[0], k[1], k[2], k[3])] = p["cosine"] as? Double
        }
        XCTAssertEqual(Set(cd.crossBlockEdges.keys), Set(expected.keys), file)
        for (k, v) in cd.crossBlockEdges {
            if let e = expected[k] { XCTAssertEqual(v, e, accuracy: Self.tolerance, "\(file) edge \(k)") }
        }
    }

    func testCaseJ_autoPromotedClustered() throws {
        try runClusteredCase("J_synth64_auto_clustered.json", options: .init())
    }

    func testCaseK_uniformSphereClustered() throws {
        try runClusteredCase("K_synth64_uniform_sphere_clustered.json",
                             options: Self.options { $0.profileName = "uniform-sphere"; $0.clustered = true })
    }

    func testCosinePairGraphAndDegenerateWarning() throws {
        // Orthogonal rows: no pairs, every block a singleton → the degenerate warning.
        let rows = (0..<4).map { i in (0..<4).map { $0 == i ? 1.0 : 0.0 } }
        XCTAssertTrue(CosinePairGraph(rows: rows, threshold: 0.3).pairs.isEmpty)
        let features = (0..<4).map { Feature(name: "f\($0)", cluster: "c", beta: 0) }
        let cd = try ClusteredDictionary.build(name: "D", features: features, decoderVectors: rows,
                                               encoding: .mpsRung1(phaseKnobs: true), blockFormation: BlockFormation(.cosine))
        XCTAssertEqual(cd.nBlocks, 4)
        XCTAssertEqual(cd.warnings, ["Degenerate cosine partition: n_multi_feature_blocks=0 at cosine_threshold=0.3. "
                                     + "Max observed off-diagonal cosine: 0.0000. Recommended fallback: 0.050"])
        // Indices relabel the pairs.
        let g = CosinePairGraph(rows: [[1, 0], [1, 0.1], [0, 1]], threshold: 0.5, indices: [10, 20, 30])
        XCTAssertEqual(g.pairs, [CosinePairGraph.Pair(10, 20)])
    }
}

/// The blocked path (full-width SAEs) finds the same pairs as one ssyrk.
final class BlockedCosineGraphTests: XCTestCase {
    func testBlockedGramVisitsEveryPairOnceWithTheDenseValues() {
        var seed: UInt64 = 11
        func next() -> Float {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: seed >> 11) % 2000) / 1000 - 1
        }
        let n = 301, d = 7
        let a = (0..<(n * d)).map { _ in next() }
        let dense = RealLinearAlgebra.gramFloat32(a, rows: n, columns: d)
        var seen = 0
        RealLinearAlgebra.blockedGramFloat32(a, rows: n, columns: d, block: 64) { i0, j0, ni, nj, c in
            for bi in 0..<ni {
                for bj in (j0 == i0 ? bi + 1 : 0)..<nj {
                    XCTAssertEqual(c[bi * nj + bj], dense[(i0 + bi) * n + j0 + bj], accuracy: 1e-5)
                    seen += 1
                }
            }
        }
        XCTAssertEqual(seen, n * (n - 1) / 2)
    }
}
