import Foundation
import IR
import XCTest
@testable import Analysis
import Simulate

/// The linear-memory forms of the full-width SAE statistics against the
/// direct O(N²) computations they replace (1e-12), and k-means against the
/// straightforward implementation its labels were first checked with.
final class StreamedStatisticsTests: XCTestCase {
    /// Uniform in [-1, 1) from numpy's generator (any fixed stream will do).
    private func matrix(_ rng: inout NumpyRandom, rows: Int, columns: Int) -> [[Double]] {
        (0..<rows).map { _ in (0..<columns).map { _ in 2 * rng.random() - 1 } }
    }

    private func features(_ rng: inout NumpyRandom, count: Int, ampKnobs: Int = 0) -> [Feature] {
        (0..<count).map { i in
            Feature(name: "f\(i)", cluster: "c\(i % 3)", beta: 4 * rng.random() - 2, alpha: 4 * rng.random() - 2,
                    gamma: 4 * rng.random() - 2, phi: 4 * rng.random() - 2, thetaAmp: 2 * rng.random(),
                    psiAux: 6 * rng.random(), thetaAmpB: 2 * rng.random(), psiAmpB: 6 * rng.random(),
                    ampKnobs: (0..<ampKnobs).map { _ in AmpKnob(theta: 2 * rng.random(), psi: 6 * rng.random()) })
        }
    }

    private func dictionary(_ fs: [Feature], _ encoding: Encoding) -> FeatureDictionary {
        FeatureDictionary(name: "D", features: fs, hierarchy: FeatureDictionary.hierarchy(inferredFrom: fs), encoding: encoding)
    }

    func testBlockedGram64MatchesDirectDots() {
        var rng = NumpyRandom(seed: 1)
        for columns in [1, 12, 13] {
            let rows = matrix(&rng, rows: 23, columns: columns)
            var seen = 0
            RealLinearAlgebra.blockedGramFloat64(rows.flatMap { $0 }, rows: 23, columns: columns, block: 5) { i0, j0, ni, nj, block in
                XCTAssertGreaterThanOrEqual(j0, i0)
                for bi in 0..<ni {
                    for bj in (j0 == i0 ? bi + 1 : 0)..<nj {
                        XCTAssertEqual(block[bi * nj + bj], DenseMath.dot(rows[i0 + bi], rows[j0 + bj]), accuracy: 1e-13)
                        seen += 1
                    }
                }
            }
            XCTAssertEqual(seen, 23 * 22 / 2, "every pair once (\(columns) columns)")
        }
    }

    func testEncodedOverlapMatchesDictionaryGram() throws {
        var rng = NumpyRandom(seed: 2)
        let cases: [(Encoding, Int)] = [(.mpsRung1(phaseKnobs: true), 0), (.rung3, 0), (.rung4, 0), (.rung5(ampQubits: 2), 2),
                                        (.rung5(ampQubits: 1), 0)]
        for (encoding, knobs) in cases {
            let d = dictionary(features(&rng, count: 9, ampKnobs: knobs), encoding)
            let gram = try DictionaryGram.compute(d)
            let overlap = try EncodedOverlap(d)
            for i in 0..<9 {
                for j in 0..<9 {
                    XCTAssertEqual(overlap.abs2(i, j), gram.abs2[i][j], accuracy: 1e-14, "\(encoding) \(i),\(j)")
                }
            }
        }
    }

    func testEncodedOverlapRejectsWhatDictionaryGramRejects() throws {
        var rng = NumpyRandom(seed: 3)
        var fs = features(&rng, count: 3, ampKnobs: 2)
        fs[2].ampKnobs = [AmpKnob(theta: 0, psi: 0)]
        let d = dictionary(fs, .rung5(ampQubits: 2))
        var gramError: PolygramError?, overlapError: PolygramError?
        XCTAssertThrowsError(try DictionaryGram.compute(d)) { gramError = $0 as? PolygramError }
        XCTAssertThrowsError(try EncodedOverlap(d)) { overlapError = $0 as? PolygramError }
        XCTAssertNotNil(gramError)
        XCTAssertEqual(overlapError, gramError)
        XCTAssertThrowsError(try EncodedOverlap(dictionary(fs, .heaRung2(HEAParameters(depth: 1)))))
    }

    func testStreamedTierPreservationEqualsDirect() throws {
        var rng = NumpyRandom(seed: 4)
        for (n, columns, block) in [(2, 5, 1024), (50, 13, 7), (64, 16, 64), (97, 8, 10), (40, 6, 1)] {
            var projections = matrix(&rng, rows: n, columns: columns)
            projections[n / 2] = [Double](repeating: 0, count: columns)  // a zero row stays zero
            for encoding in [Encoding.mpsRung1(phaseKnobs: true), .rung4] {
                let d = dictionary(features(&rng, count: n), encoding)
                let direct = try XCTUnwrap(SAEImport.tierPreservation(projections, overlaps: DictionaryGram.compute(d).abs2))
                let streamed = try XCTUnwrap(TierPreservation.pearson(ProjectionRows(projections), overlap: EncodedOverlap(d), block: block))
                if n == 2 {
                    // One pair: both sides flat.
                    XCTAssertTrue(direct.isNaN && streamed.isNaN)
                } else {
                    XCTAssertEqual(streamed, direct, accuracy: 1e-12, "n \(n) block \(block) \(encoding)")
                }
            }
        }
    }

    func testStreamedTierPreservationEdgeCases() throws {
        var rng = NumpyRandom(seed: 5)
        let one = dictionary(features(&rng, count: 1), .mpsRung1(phaseKnobs: true))
        XCTAssertNil(TierPreservation.pearson(ProjectionRows([[1, 2]]), overlap: try EncodedOverlap(one)))
        // Identical features: |G|² is flat → NaN, as the direct form.
        let same = Feature(name: "a", cluster: "c", beta: 0.3)
        var twin = same
        twin.name = "b"
        let flat = dictionary([same, twin, { var f = same; f.name = "c"; return f }()], .mpsRung1(phaseKnobs: true))
        let projections = matrix(&rng, rows: 3, columns: 4)
        XCTAssertTrue(try XCTUnwrap(TierPreservation.pearson(ProjectionRows(projections), overlap: EncodedOverlap(flat), block: 2)).isNaN)
        XCTAssertTrue(try XCTUnwrap(SAEImport.tierPreservation(projections, overlaps: DictionaryGram.compute(flat).abs2)).isNaN)
    }

    func testStreamedPearsonMergesBlocksLikeOnePass() {
        var rng = NumpyRandom(seed: 6)
        // An offset well above the spread: one-pass Σx² − (Σx)²/n sums would lose digits here.
        let xs = (0..<1000).map { _ in 100 + rng.random() }
        let ys = xs.map { $0 * 0.5 + rng.random() }
        var streamed = StreamedPearson()
        var start = 0
        for size in [1, 2, 3, 500, 494] {
            xs[start...].withUnsafeBufferPointer { x in
                ys[start...].withUnsafeBufferPointer { y in streamed.add(x.baseAddress!, y.baseAddress!, count: size) }
            }
            start += size
        }
        XCTAssertEqual(start, 1000)
        XCTAssertEqual(streamed.value, SAEImport.pearson(xs, ys), accuracy: 1e-12)
    }

    /// The k-means as first written (array of rows, means of member lists):
    /// the flat version must give the same labels, not just equivalent ones.
    private func referenceKMeans(_ points: [[Double]], k: Int, seed: UInt64) -> [Int] {
        let n = points.count
        guard k > 1, n > 0 else { return [Int](repeating: 0, count: n) }
        var rng = NumpyRandom(seed: seed)
        var centroids = [points[rng.integers(n)]]
        for _ in 1..<k {
            let d2 = points.map { p in centroids.map { DenseMath.squaredDistance(p, $0) }.min()! }
            let total = d2.reduce(0, +)
            centroids.append(total <= 0 ? points[rng.integers(n)] : points[rng.choice(probabilities: d2.map { $0 / total })])
        }
        var assignment = [Int](repeating: -1, count: n)
        for _ in 0..<100 {
            let next = points.map { p -> Int in
                var best = 0, bestDistance = Double.infinity
                for (c, centroid) in centroids.enumerated() {
                    let d = DenseMath.squaredDistance(p, centroid).squareRoot()
                    if d < bestDistance { best = c; bestDistance = d }
                }
                return best
            }
            if next == assignment { break }
            assignment = next
            for c in 0..<k {
                let members = (0..<n).filter { assignment[$0] == c }.map { points[$0] }
                if !members.isEmpty { centroids[c] = DenseMath.mean(members) }
            }
        }
        return assignment
    }

    func testKMeansLabelsMatchTheReferenceImplementation() {
        var rng = NumpyRandom(seed: 7)
        for (n, columns, k) in [(1, 3, 2), (5, 2, 5), (40, 3, 2), (200, 16, 4), (300, 7, 16), (64, 1, 3)] {
            var points = matrix(&rng, rows: n, columns: columns)
            if n > 4 { points[3] = points[1]; points[4] = points[1] }  // duplicates → ties
            for seed in [0, 1, 3] as [UInt64] {
                XCTAssertEqual(KMeans.labels(points: ProjectionRows(points), k: k, seed: seed), referenceKMeans(points, k: k, seed: seed),
                               "n \(n) k \(k) seed \(seed)")
            }
        }
        // All points equal: every seed after the first has total d² = 0.
        let same = [[Double]](repeating: [1, 2], count: 6)
        XCTAssertEqual(KMeans.labels(points: ProjectionRows(same), k: 3, seed: 0), referenceKMeans(same, k: 3, seed: 0))
    }
}
