import Foundation
import Simulate

/// `compute_cosine_pair_graph(V, threshold, indices=None)` (polygram-pipeline.md §6.2):
/// rows cast to float32 and normalised (norm < 1e-12 → divide by 1); all
/// cosines from ONE BLAS `ssyrk` over the normalised rows (numpy's `Vn @ Vn.T`).
public struct CosinePairGraph: Sendable {
    public struct Pair: Hashable, Sendable, Comparable {
        public var i: Int
        public var j: Int
        public init(_ i: Int, _ j: Int) { self.i = i; self.j = j }
        public static func < (a: Pair, b: Pair) -> Bool { (a.i, a.j) < (b.i, b.j) }
    }

    /// Pairs `(i, j)`, i < j, with float32 cosine ≥ threshold (row indices, or `indices[·]`).
    public var pairs: Set<Pair>
    /// Largest off-diagonal float32 cosine (widened), floored at 0; 0 with < 2 rows.
    public var maxOffDiagonalCosine: Double

    /// Above this many rows the Gram is formed in blocks.
    public static let denseLimit = 4096

    public init(rows: [[Double]], threshold: Double, indices: [Int]? = nil, progress: AnalysisProgress? = nil) {
        self.init(rows: ProjectionRows(rows), threshold: threshold, indices: indices, progress: progress)
    }

    /// Normalises straight from the rows' storage into the one float32 copy the
    /// products need (float32 rows are used as stored).
    public init(rows: ProjectionRows, threshold: Double, indices: [Int]? = nil, progress: AnalysisProgress? = nil) {
        let n = rows.count
        let d = rows.dimension
        guard n >= 2, d > 0 else {
            pairs = []
            maxOffDiagonalCosine = 0
            return
        }
        var flat = [Float](repeating: 0, count: n * d)
        for r in 0..<n {
            let row = rows.floats(r)
            // np.linalg.norm on float32 rows: the sum of squares in float32.
            var ss: Float = 0
            for x in row { ss += x * x }
            var norm = ss.squareRoot()
            if norm < 1e-12 { norm = 1 }
            for c in 0..<d { flat[r * d + c] = row[c] / norm }
        }
        let t = Float(threshold)
        var found: Set<Pair> = []
        var maxCos: Float = 0
        func visit(_ i: Int, _ j: Int, _ c: Float) {
            if c > maxCos { maxCos = c }
            if c >= t { found.insert(indices.map { Pair($0[i], $0[j]) } ?? Pair(i, j)) }
        }
        if n <= Self.denseLimit {
            // One ssyrk, as numpy's `Vn @ Vn.T`.
            let cos = RealLinearAlgebra.gramFloat32(flat, rows: n, columns: d)
            for i in 0..<n { for j in (i + 1)..<n { visit(i, j, cos[i * n + j]) } }
        } else {
            // Full-width SAEs: block pairs through sgemm, memory O(block²) not O(n²);
            // a tight scan per block (few cosines pass the threshold).
            let block = 2048, blocks = (n + block - 1) / block
            var done = 0
            RealLinearAlgebra.blockedGramFloat32(flat, rows: n, columns: d, block: block) { i0, j0, ni, nj, c in
                c.withUnsafeBufferPointer { p in
                    for bi in 0..<ni {
                        let rowStart = bi * nj
                        for bj in (j0 == i0 ? bi + 1 : 0)..<nj {
                            let value = p[rowStart + bj]
                            if value > maxCos { maxCos = value }
                            if value >= t { visit(i0 + bi, j0 + bj, value) }
                        }
                    }
                }
                done += 1
                progress?("pair graph", done, blocks * (blocks + 1) / 2)
            }
        }
        pairs = found
        maxOffDiagonalCosine = Double(maxCos)
    }
}
