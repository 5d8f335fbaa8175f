import IR
import Simulate

/// Real dense helpers for the geometry of SAE projections (float64 throughout).
enum DenseMath {
    /// First right-singular vector via LAPACK `dgesdd` (Simulate's OpenBLAS wrapper).
    static func firstRightSingularVector(_ rows: [[Double]]) throws -> [Double] {
        do {
            return try Simulate.RealLinearAlgebra.firstRightSingularVector(rows)
        } catch let error as LinearAlgebraError {
            throw InputError("LAPACK dgesdd failed (info \(error.info)) computing a projection PCA axis")
        }
    }

    /// `firstRightSingularVector` of the centred `rows` (numpy `a - a.mean(axis=0)`),
    /// formed column-major for an in-place `dgesdd`: the one float64 copy the
    /// SVD needs, with no `[[Double]]` beside it.
    static func firstRightSingularVector(centring rows: ProjectionRows, mean: [Double]) throws -> [Double] {
        let (m, n) = (rows.count, rows.dimension)
        var a = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            let row = rows[i]
            for j in 0..<n { a[j * m + i] = row[j] - mean[j] }
        }
        do {
            return try Simulate.RealLinearAlgebra.thinSVD(columnMajor: &a, rows: m, columns: n).vt.first ?? []
        } catch let error as LinearAlgebraError {
            throw InputError("LAPACK dgesdd failed (info \(error.info)) computing a projection PCA axis")
        }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in 0..<a.count { s += a[i] * b[i] }
        return s
    }

    static func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in 0..<a.count {
            let d = a[i] - b[i]
            s += d * d
        }
        return s
    }

    /// Column means (numpy `mean(axis=0)`: row-by-row sums, then a division).
    static func mean(_ rows: [[Double]]) -> [Double] { mean(ProjectionRows(rows)) }

    static func mean(_ rows: ProjectionRows) -> [Double] {
        guard rows.count > 0 else { return [] }
        var sum = [Double](repeating: 0, count: rows.dimension)
        for i in 0..<rows.count {
            let row = rows[i]
            for j in 0..<row.count { sum[j] += row[j] }
        }
        let count = Double(rows.count)
        return sum.map { $0 / count }
    }
}

extension DenseMath {
    /// Thin SVD via LAPACK `dgesdd` (numpy's `svd(full_matrices=False)`): σ descending, rows of `Vᵀ`.
    static func thinSVD(_ rows: [[Double]]) throws -> (singularValues: [Double], vt: [[Double]]) {
        do {
            return try Simulate.RealLinearAlgebra.thinSVD(rows)
        } catch let error as LinearAlgebraError {
            throw InputError("LAPACK dgesdd failed (info \(error.info)) computing projection PCA axes")
        }
    }

    /// Rows minus their column means (numpy `a - a.mean(axis=0)`).
    static func centred(_ rows: [[Double]]) -> [[Double]] { centred(ProjectionRows(rows)) }

    static func centred(_ rows: ProjectionRows) -> [[Double]] {
        let mean = DenseMath.mean(rows)
        return (0..<rows.count).map { i in zip(rows[i], mean).map { $0 - $1 } }
    }

    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }
}
