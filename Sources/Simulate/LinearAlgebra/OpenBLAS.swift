import COpenBLAS
import Foundation
import IR

/// The one place that calls OpenBLAS (BLAS and its LAPACK), through the
/// lazily opened `OpenBLASLibrary`. Complex matrices are row-major arrays of
/// interleaved (re, im) doubles.
enum OpenBLAS {
    /// OpenBLAS's thread count is process-wide; verifying files in parallel
    /// must not change it under another thread's call, so calls that set it
    /// run one at a time.
    private static let lock = NSLock()
    /// The thread count last given to OpenBLAS (setting it wakes its pool, so only on change).
    nonisolated(unsafe) private static var threads: Int32 = 0

    /// Runs `body` with OpenBLAS using one thread for small products, all cores for large ones.
    private static func withThreads<T>(forWork work: Int, _ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let wanted: Int32 = work >= 1 << 18 ? Int32(MachineResources.processors) : 1
        if wanted != threads {
            OpenBLASLibrary.shared.setNumThreads(wanted)
            threads = wanted
        }
        return body()
    }

    /// C = A·Aᴴ for an `rows × columns` complex matrix A, full Hermitian result
    /// (zherk fills the upper triangle; the lower one is its conjugate).
    static func hermitianProduct(_ a: UnsafePointer<Double>, rows: Int, columns: Int) -> [Double] {
        if rows * rows * columns <= SmallMatrix.maxGramWork {
            return SmallMatrix.hermitianProduct(a, rows: rows, columns: columns)
        }
        return zherkProduct(a, rows: rows, columns: columns)
    }

    /// `hermitianProduct` through `zherk`, whatever the size.
    static func zherkProduct(_ a: UnsafePointer<Double>, rows: Int, columns: Int) -> [Double] {
        var c = [Double](repeating: 0, count: 2 * rows * rows)
        // Small products run faster on one thread than waking OpenBLAS's pool.
        withThreads(forWork: rows * rows * columns) {
            c.withUnsafeMutableBufferPointer { cp in
                OpenBLASLibrary.shared.zherk(CblasRowMajor, CblasUpper, CblasNoTrans, blasint(rows), blasint(columns),
                            1.0, a, blasint(columns), 0.0, cp.baseAddress, blasint(rows))
            }
        }
        for i in 0..<rows {
            for j in 0..<i {
                c[2 * (i * rows + j)] = c[2 * (j * rows + i)]
                c[2 * (i * rows + j) + 1] = -c[2 * (j * rows + i) + 1]
            }
        }
        return c
    }

    /// C = A·Bᴴ for complex A (`rowsA × columns`) and B (`rowsB × columns`),
    /// both given as pointers to interleaved row-major storage.
    static func crossProduct(_ a: UnsafePointer<Double>, rowsA: Int, _ b: UnsafePointer<Double>, rowsB: Int,
                             columns: Int) -> [Double] {
        var c = [Double](repeating: 0, count: 2 * rowsA * rowsB)
        guard rowsA > 0, rowsB > 0, columns > 0 else { return c }
        var one = (1.0, 0.0), zero = (0.0, 0.0)
        withThreads(forWork: rowsA * rowsB * columns) {
            c.withUnsafeMutableBufferPointer { cp in
                OpenBLASLibrary.shared.zgemm(CblasRowMajor, CblasNoTrans, CblasConjTrans, blasint(rowsA), blasint(rowsB), blasint(columns),
                            &one, a, blasint(columns), b, blasint(columns), &zero, cp.baseAddress, blasint(rowsB))
            }
        }
        return c
    }

    /// C = A·Aᴴ for an array (see the pointer version).
    static func hermitianProduct(_ a: [Double], rows: Int, columns: Int) -> [Double] {
        a.withUnsafeBufferPointer { hermitianProduct($0.baseAddress!, rows: rows, columns: columns) }
    }

    /// Singular values (descending) of an `rows × columns` complex matrix
    /// (zgesvd, no vectors, on the column-major copy LAPACKE would make).
    static func singularValues(_ a: [Double], rows: Int, columns: Int) throws -> [Double] {
        guard rows > 0, columns > 0 else { return [] }
        guard a.allSatisfy(\.isFinite) else { throw LinearAlgebraError(routine: "zgesvd", info: -6) }
        if rows * columns <= SmallMatrix.maxSVDElements {
            return SmallMatrix.singularValues(a, rows: rows, columns: columns)
        }
        return try zgesvdValues(a, rows: rows, columns: columns)
    }

    /// `singularValues` through LAPACK `zgesvd`, whatever the size.
    static func zgesvdValues(_ a: [Double], rows: Int, columns: Int) throws -> [Double] {
        var work = columnMajorComplex(a, rows: rows, columns: columns)
        var s = [Double](repeating: 0, count: min(rows, columns))
        var rwork = [Double](repeating: 0, count: max(1, 5 * min(rows, columns)))
        var jobu = CChar(UInt8(ascii: "N")), jobvt = CChar(UInt8(ascii: "N"))
        var m = Int32(rows), n = Int32(columns), lda = Int32(max(1, rows)), ldu: Int32 = 1, ldvt: Int32 = 1
        var info: Int32 = 0
        // U and Vᴴ are not referenced for job 'N'.
        var u = [Double](repeating: 0, count: 2), vt = [Double](repeating: 0, count: 2)
        let zgesvd = OpenBLASLibrary.shared.zgesvd
        // Workspace query (lwork = -1), then the call.
        var query = [Double](repeating: 0, count: 2)
        var lwork: Int32 = -1
        zgesvd(&jobu, &jobvt, &m, &n, &work, &lda, &s, &u, &ldu, &vt, &ldvt, &query, &lwork, &rwork, &info, 1, 1)
        guard info == 0 else { throw LinearAlgebraError(routine: "zgesvd", info: Int(info)) }
        lwork = max(1, Int32(query[0]))
        var space = [Double](repeating: 0, count: 2 * Int(lwork))
        zgesvd(&jobu, &jobvt, &m, &n, &work, &lda, &s, &u, &ldu, &vt, &ldvt, &space, &lwork, &rwork, &info, 1, 1)
        guard info == 0 else { throw LinearAlgebraError(routine: "zgesvd", info: Int(info)) }
        return s
    }

    /// The column-major copy of a row-major complex matrix.
    private static func columnMajorComplex(_ a: [Double], rows: Int, columns: Int) -> [Double] {
        var t = [Double](repeating: 0, count: 2 * rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                t[2 * (j * rows + i)] = a[2 * (i * columns + j)]
                t[2 * (j * rows + i) + 1] = a[2 * (i * columns + j) + 1]
            }
        }
        return t
    }
}

extension OpenBLAS {
    /// Eigenvalues (ascending) of an `n × n` Hermitian matrix (Jacobi in Swift
    /// up to `SmallMatrix.maxEigenSize`, else zheev on the upper triangle).
    static func hermitianEigenvalues(_ a: [Double], size n: Int) throws -> [Double] {
        guard n > 0 else { return [] }
        guard a.allSatisfy(\.isFinite) else { throw LinearAlgebraError(routine: "zheev", info: -5) }
        if n <= SmallMatrix.maxEigenSize { return SmallMatrix.hermitianEigenvalues(a, size: n) }
        return try zheevValues(a, size: n)
    }

    /// `hermitianEigenvalues` through LAPACK `zheev`, whatever the size.
    static func zheevValues(_ a: [Double], size n: Int) throws -> [Double] {
        var work = columnMajorComplex(a, rows: n, columns: n)
        var w = [Double](repeating: 0, count: n)
        var rwork = [Double](repeating: 0, count: max(1, 3 * n - 2))
        var jobz = CChar(UInt8(ascii: "N")), uplo = CChar(UInt8(ascii: "U"))
        var order = Int32(n), lda = Int32(n), info: Int32 = 0
        let zheev = OpenBLASLibrary.shared.zheev
        var query = [Double](repeating: 0, count: 2)
        var lwork: Int32 = -1
        zheev(&jobz, &uplo, &order, &work, &lda, &w, &query, &lwork, &rwork, &info, 1, 1)
        guard info == 0 else { throw LinearAlgebraError(routine: "zheev", info: Int(info)) }
        lwork = max(1, Int32(query[0]))
        var space = [Double](repeating: 0, count: 2 * Int(lwork))
        zheev(&jobz, &uplo, &order, &work, &lda, &w, &space, &lwork, &rwork, &info, 1, 1)
        guard info == 0 else { throw LinearAlgebraError(routine: "zheev", info: Int(info)) }
        return w
    }
}

extension OpenBLAS {
    /// First right-singular vector (`Vᵀ[0]`) of a real `rows × columns`
    /// matrix given as row arrays, from LAPACK `dgesdd` (jobz 'S') on
    /// column-major data — the call `numpy.linalg.svd(a, full_matrices=False)`
    /// makes, so the axis sign is LAPACK's (polygram-pipeline.md §0.4).
    static func firstRightSingularVector(_ rows: [[Double]]) throws -> [Double] {
        try thinSVD(rows).vt.first ?? []
    }
}

extension OpenBLAS {
    /// Thin SVD of a real `rows × columns` matrix given as row arrays: singular
    /// values (descending) and the rows of `Vᵀ` (min(rows, columns) of them),
    /// from LAPACK `dgesdd` (jobz 'S') on column-major data, as
    /// `numpy.linalg.svd(a, full_matrices=False)` computes them.
    static func thinSVD(_ rows: [[Double]]) throws -> (singularValues: [Double], vt: [[Double]]) {
        let m = rows.count
        let n = rows.first?.count ?? 0
        guard m > 0, n > 0 else { return ([], []) }
        var a = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n { a[j * m + i] = rows[i][j] }
        }
        return try thinSVD(columnMajor: &a, rows: m, columns: n)
    }

    /// `thinSVD` of a column-major `rows × columns` matrix, computed in place
    /// (`a` is overwritten), so a caller can hand over its only copy.
    static func thinSVD(columnMajor a: inout [Double], rows m: Int, columns n: Int) throws
        -> (singularValues: [Double], vt: [[Double]]) {
        guard m > 0, n > 0 else { return ([], []) }
        let k = min(m, n)
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: m * k)
        var vt = [Double](repeating: 0, count: k * n)
        guard a.allSatisfy(\.isFinite) else { throw LinearAlgebraError(routine: "dgesdd", info: -5) }
        var jobz = CChar(UInt8(ascii: "S"))
        var rowCount = Int32(m), columnCount = Int32(n), lda = Int32(m), ldu = Int32(m), ldvt = Int32(k), info: Int32 = 0
        var iwork = [Int32](repeating: 0, count: max(1, 8 * k))
        let dgesdd = OpenBLASLibrary.shared.dgesdd
        var query = [Double](repeating: 0, count: 1)
        var lwork: Int32 = -1
        dgesdd(&jobz, &rowCount, &columnCount, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &query, &lwork, &iwork, &info, 1)
        guard info == 0 else { throw LinearAlgebraError(routine: "dgesdd", info: Int(info)) }
        lwork = max(1, Int32(query[0]))
        var space = [Double](repeating: 0, count: Int(lwork))
        dgesdd(&jobz, &rowCount, &columnCount, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &space, &lwork, &iwork, &info, 1)
        guard info == 0 else { throw LinearAlgebraError(routine: "dgesdd", info: Int(info)) }
        // Vᵀ is k × n column-major: Vᵀ[r][j] = vt[j * k + r].
        return (s, (0..<k).map { r in (0..<n).map { vt[$0 * k + r] } })
    }

    /// Full symmetric C = A·Aᵀ in float32 for a row-major `rows × columns` A,
    /// from one `ssyrk` call (numpy's `a @ a.T` for float32), lower triangle mirrored.
    static func symmetricProductFloat(_ a: [Float], rows: Int, columns: Int) -> [Float] {
        var c = [Float](repeating: 0, count: rows * rows)
        guard rows > 0, columns > 0 else { return c }
        withThreads(forWork: rows * rows * columns) {
            a.withUnsafeBufferPointer { ap in
                c.withUnsafeMutableBufferPointer { cp in
                    OpenBLASLibrary.shared.ssyrk(CblasRowMajor, CblasUpper, CblasNoTrans, blasint(rows), blasint(columns),
                                1.0, ap.baseAddress, blasint(columns), 0.0, cp.baseAddress, blasint(rows))
                }
            }
        }
        for i in 0..<rows {
            for j in 0..<i { c[i * rows + j] = c[j * rows + i] }
        }
        return c
    }

    /// C = A·Bᵀ for float32 row blocks given by pointers (sgemm).
    static func crossProductFloat(_ a: UnsafePointer<Float>, rowsA: Int, _ b: UnsafePointer<Float>, rowsB: Int,
                                  columns: Int) -> [Float] {
        var c = [Float](repeating: 0, count: rowsA * rowsB)
        guard rowsA > 0, rowsB > 0, columns > 0 else { return c }
        withThreads(forWork: rowsA * rowsB * columns) {
            c.withUnsafeMutableBufferPointer { cp in
                OpenBLASLibrary.shared.sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(rowsA), blasint(rowsB), blasint(columns),
                            1.0, a, blasint(columns), b, blasint(columns), 0.0, cp.baseAddress, blasint(rowsB))
            }
        }
        return c
    }
}

extension OpenBLAS {
    /// C = A·Bᵀ for float64 row blocks given by pointers (dgemm).
    static func crossProductDouble(_ a: UnsafePointer<Double>, rowsA: Int, _ b: UnsafePointer<Double>, rowsB: Int,
                                   columns: Int) -> [Double] {
        var c = [Double](repeating: 0, count: rowsA * rowsB)
        guard rowsA > 0, rowsB > 0, columns > 0 else { return c }
        withThreads(forWork: rowsA * rowsB * columns) {
            c.withUnsafeMutableBufferPointer { cp in
                OpenBLASLibrary.shared.dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(rowsA), blasint(rowsB),
                                             blasint(columns), 1.0, a, blasint(columns), b, blasint(columns), 0.0,
                                             cp.baseAddress, blasint(rowsB))
            }
        }
        return c
    }
}

/// Real dense linear algebra other stages need (through the one OpenBLAS wrapper).
public enum RealLinearAlgebra {
    public static func firstRightSingularVector(_ rows: [[Double]]) throws -> [Double] {
        try OpenBLAS.firstRightSingularVector(rows)
    }

    /// Thin SVD (`dgesdd`, numpy's sign convention): singular values and the rows of `Vᵀ`.
    public static func thinSVD(_ rows: [[Double]]) throws -> (singularValues: [Double], vt: [[Double]]) {
        try OpenBLAS.thinSVD(rows)
    }

    /// `thinSVD` of a column-major `rows × columns` matrix, in place (`a` is
    /// overwritten): no second copy of a large input.
    public static func thinSVD(columnMajor a: inout [Double], rows: Int, columns: Int) throws
        -> (singularValues: [Double], vt: [[Double]]) {
        try OpenBLAS.thinSVD(columnMajor: &a, rows: rows, columns: columns)
    }

    /// `A·Aᵀ` in float32 (row-major `rows × columns` in, full `rows × rows` out), one BLAS `ssyrk`.
    public static func gramFloat32(_ a: [Float], rows: Int, columns: Int) -> [Float] {
        OpenBLAS.symmetricProductFloat(a, rows: rows, columns: columns)
    }

    /// The float32 Gram of `rows` row vectors one block pair at a time (sgemm
    /// per block pair, upper block triangle only), so memory stays O(block²)
    /// instead of O(rows²). `visit(i0, j0, ni, nj, block)` receives each block
    /// `block[bi * nj + bj] = ⟨row i0+bi, row j0+bj⟩` with j0 ≥ i0 (for
    /// j0 == i0 only bj > bi are meaningful pairs).
    public static func blockedGramFloat32(_ a: [Float], rows: Int, columns: Int, block: Int = 2048,
                                          visit: (_ i0: Int, _ j0: Int, _ ni: Int, _ nj: Int, _ block: [Float]) -> Void) {
        blockPairs(a, rows: rows, columns: columns, block: block, visit: visit) {
            OpenBLAS.crossProductFloat($0, rowsA: $1, $2, rowsB: $3, columns: $4)
        }
    }

    /// Visits the upper block triangle of `A·Aᵀ`, one `product(blockI, ni, blockJ, nj, columns)` per block pair.
    private static func blockPairs<T>(_ a: [T], rows: Int, columns: Int, block: Int,
                                      visit: (_ i0: Int, _ j0: Int, _ ni: Int, _ nj: Int, _ block: [T]) -> Void,
                                      product: (UnsafePointer<T>, Int, UnsafePointer<T>, Int, Int) -> [T]) {
        a.withUnsafeBufferPointer { ap in
            guard let base = ap.baseAddress else { return }
            for i0 in stride(from: 0, to: rows, by: block) {
                let ni = min(block, rows - i0)
                for j0 in stride(from: i0, to: rows, by: block) {
                    let nj = min(block, rows - j0)
                    visit(i0, j0, ni, nj, product(base + i0 * columns, ni, base + j0 * columns, nj, columns))
                }
            }
        }
    }
}

extension RealLinearAlgebra {
    /// `blockedGramFloat32` in float64 (dgemm per upper block pair), for
    /// statistics that must match numpy's float64 dot products.
    public static func blockedGramFloat64(_ a: [Double], rows: Int, columns: Int, block: Int = 1024,
                                          visit: (_ i0: Int, _ j0: Int, _ ni: Int, _ nj: Int, _ block: [Double]) -> Void) {
        blockPairs(a, rows: rows, columns: columns, block: block, visit: visit) {
            OpenBLAS.crossProductDouble($0, rowsA: $1, $2, rowsB: $3, columns: $4)
        }
    }
}

/// A LAPACK routine reported failure (`info != 0`).
public struct LinearAlgebraError: Error, CustomStringConvertible {
    public var routine: String
    public var info: Int
    public var description: String { "\(routine) failed (info = \(info))" }
}
