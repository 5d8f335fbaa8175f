import XCTest
@testable import Simulate

/// The in-Swift kernels for small matrices must agree with OpenBLAS/LAPACK.
final class SmallMatrixTests: XCTestCase {
    /// Deterministic pseudo-random complex entries (a fixed LCG, no global state).
    func randomComplex(_ count: Int, seed: UInt64) -> [Double] {
        var x = seed
        return (0..<(2 * count)).map { _ in
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int64(bitPattern: x >> 11) % 2_000_001) / 1_000_000 - 1
        }
    }

    /// An `rows × columns` matrix of rank `rank`: a product of random factors.
    func lowRank(rows: Int, columns: Int, rank: Int, seed: UInt64) -> [Double] {
        let u = randomComplex(rows * rank, seed: seed), v = randomComplex(rank * columns, seed: seed + 1)
        var a = [Double](repeating: 0, count: 2 * rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                for k in 0..<rank {
                    let (ur, ui) = (u[2 * (i * rank + k)], u[2 * (i * rank + k) + 1])
                    let (vr, vi) = (v[2 * (k * columns + j)], v[2 * (k * columns + j) + 1])
                    a[2 * (i * columns + j)] += ur * vr - ui * vi
                    a[2 * (i * columns + j) + 1] += ur * vi + ui * vr
                }
            }
        }
        return a
    }

    func testSingularValuesMatchZgesvd() throws {
        var seed: UInt64 = 1
        for (rows, columns) in [(1, 1), (1, 8), (2, 2), (2, 16), (16, 2), (4, 4), (8, 4), (4, 32), (32, 32)] {
            for rank in Set([1, min(rows, columns), max(1, min(rows, columns) / 2)]) {
                seed += 2
                let a = lowRank(rows: rows, columns: columns, rank: rank, seed: seed)
                let small = SmallMatrix.singularValues(a, rows: rows, columns: columns)
                let lapack = try OpenBLAS.zgesvdValues(a, rows: rows, columns: columns)
                XCTAssertEqual(small.count, lapack.count)
                let scale = lapack.first ?? 1
                for (x, y) in zip(small, lapack) {
                    XCTAssertEqual(x, y, accuracy: 1e-13 * max(1, scale), "\(rows)×\(columns) rank \(rank)")
                }
                // Exact rank survives: the zero singular values stay at rounding level.
                XCTAssertEqual(small.filter { $0 > 1e-9 * scale }.count, rank, "\(rows)×\(columns) rank \(rank)")
            }
        }
    }

    func testHermitianProductMatchesZherk() {
        for (rows, columns) in [(1, 1), (3, 5), (8, 16), (16, 64)] {
            let a = randomComplex(rows * columns, seed: UInt64(rows * 100 + columns))
            let small = a.withUnsafeBufferPointer { SmallMatrix.hermitianProduct($0.baseAddress!, rows: rows, columns: columns) }
            let blas = a.withUnsafeBufferPointer { OpenBLAS.zherkProduct($0.baseAddress!, rows: rows, columns: columns) }
            XCTAssertEqual(small.count, blas.count)
            for (x, y) in zip(small, blas) { XCTAssertEqual(x, y, accuracy: 1e-12) }
        }
    }

    func testNonFiniteInputIsAnErrorNotAHang() {
        var a = randomComplex(4, seed: 9)
        a[3] = .nan
        XCTAssertThrowsError(try OpenBLAS.singularValues(a, rows: 2, columns: 2))
    }

    func testHermitianEigenvaluesMatchZheev() throws {
        for (n, seed) in [(1, 3), (2, 5), (3, 7), (5, 11), (8, 13), (16, 17), (32, 19)] {
            // A random Hermitian matrix, and a rank-deficient PSD one (a Gram of n/2 vectors).
            let x = randomComplex(n * n, seed: UInt64(seed))
            var hermitian = [Double](repeating: 0, count: 2 * n * n)
            for i in 0..<n {
                for j in 0..<n {
                    hermitian[2 * (i * n + j)] = x[2 * (i * n + j)] + x[2 * (j * n + i)]
                    hermitian[2 * (i * n + j) + 1] = x[2 * (i * n + j) + 1] - x[2 * (j * n + i) + 1]
                }
            }
            let rank = max(1, n / 2)
            let vectors = lowRank(rows: n, columns: 6, rank: min(rank, 6), seed: UInt64(seed + 100))
            let gram = vectors.withUnsafeBufferPointer { OpenBLAS.zherkProduct($0.baseAddress!, rows: n, columns: 6) }
            for matrix in [hermitian, gram] {
                let small = SmallMatrix.hermitianEigenvalues(matrix, size: n)
                let lapack = try OpenBLAS.zheevValues(matrix, size: n)
                let scale = max(1, lapack.map(abs).max() ?? 1)
                for (a, b) in zip(small, lapack) { XCTAssertEqual(a, b, accuracy: 1e-12 * scale, "n = \(n)") }
            }
            let expectedRank = min(rank, 6)
            let top = SmallMatrix.hermitianEigenvalues(gram, size: n).last!
            XCTAssertEqual(SmallMatrix.hermitianEigenvalues(gram, size: n).filter { $0 > 1e-10 * top }.count,
                           expectedRank, "n = \(n)")
        }
    }
}
