/// Dense kernels for matrices small enough that loading OpenBLAS (about
/// 3 ms and a thread pool) would cost more than the work: the Schmidt cuts
/// and concept Grams of everyday machines.
enum SmallMatrix {
    /// Largest element count handled here (a 10-qubit state's reshape).
    static let maxSVDElements = 1 << 10
    /// Largest `rows² × columns` Gram handled here.
    static let maxGramWork = 1 << 16
    /// Largest Hermitian matrix whose eigenvalues are computed here (a concept Gram).
    static let maxEigenSize = 32

    /// C = A·Aᴴ for an interleaved row-major complex `rows × columns` A, full Hermitian result.
    static func hermitianProduct(_ a: UnsafePointer<Double>, rows: Int, columns: Int) -> [Double] {
        var c = [Double](repeating: 0, count: 2 * rows * rows)
        for i in 0..<rows {
            let ai = a + 2 * i * columns
            for j in i..<rows {
                let aj = a + 2 * j * columns
                var re = 0.0, im = 0.0
                for k in 0..<columns {
                    // a_ik · conj(a_jk)
                    re += ai[2 * k] * aj[2 * k] + ai[2 * k + 1] * aj[2 * k + 1]
                    im += ai[2 * k + 1] * aj[2 * k] - ai[2 * k] * aj[2 * k + 1]
                }
                c[2 * (i * rows + j)] = re
                c[2 * (i * rows + j) + 1] = i == j ? 0 : im
                c[2 * (j * rows + i)] = re
                c[2 * (j * rows + i) + 1] = i == j ? 0 : -im
            }
        }
        return c
    }

    /// Singular values (descending) of an interleaved row-major complex
    /// matrix by one-sided Jacobi (Hestenes): rotate column pairs until all
    /// are orthogonal; the column norms are then the singular values, with
    /// high relative accuracy, so an exact zero stays at rounding level.
    static func singularValues(_ a: [Double], rows: Int, columns: Int) -> [Double] {
        // Work on the orientation with fewer columns (Aᵀ has A's singular values).
        let transpose = columns > rows
        let m = transpose ? columns : rows, n = transpose ? rows : columns
        // Column-major: column p is re/im pairs at cols[2 * (p * m + i)].
        var cols = [Double](repeating: 0, count: 2 * m * n)
        for i in 0..<rows {
            for j in 0..<columns {
                let (r, p) = transpose ? (j, i) : (i, j)
                cols[2 * (p * m + r)] = a[2 * (i * columns + j)]
                cols[2 * (p * m + r) + 1] = a[2 * (i * columns + j) + 1]
            }
        }
        cols.withUnsafeMutableBufferPointer { buffer in
            let x = buffer.baseAddress!
            for _ in 0..<64 {
                var rotated = false
                for p in 0..<n {
                    for q in (p + 1)..<max(p + 1, n) {
                        let xp = x + 2 * p * m, xq = x + 2 * q * m
                        var alpha = 0.0, beta = 0.0, gRe = 0.0, gIm = 0.0
                        for i in 0..<m {
                            let pr = xp[2 * i], pi = xp[2 * i + 1], qr = xq[2 * i], qi = xq[2 * i + 1]
                            alpha += pr * pr + pi * pi
                            beta += qr * qr + qi * qi
                            // conj(x_p) · x_q
                            gRe += pr * qr + pi * qi
                            gIm += pr * qi - pi * qr
                        }
                        let g = (gRe * gRe + gIm * gIm).squareRoot()
                        guard g > 0x1p-52 * (alpha * beta).squareRoot(), g > 0 else { continue }
                        rotated = true
                        // Rotate x_p and e^{-iφ}·x_q (γ = g·e^{iφ}) by the real angle that zeroes γ.
                        let zeta = (beta - alpha) / (2 * g)
                        let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                        let c = 1 / (1 + t * t).squareRoot(), s = c * t
                        let phRe = gRe / g, phIm = -gIm / g
                        for i in 0..<m {
                            let pr = xp[2 * i], pi = xp[2 * i + 1]
                            let qr = xq[2 * i] * phRe - xq[2 * i + 1] * phIm
                            let qi = xq[2 * i] * phIm + xq[2 * i + 1] * phRe
                            xp[2 * i] = c * pr - s * qr
                            xp[2 * i + 1] = c * pi - s * qi
                            xq[2 * i] = s * pr + c * qr
                            xq[2 * i + 1] = s * pi + c * qi
                        }
                    }
                }
                if !rotated { break }
            }
        }
        var values = [Double](repeating: 0, count: n)
        for p in 0..<n {
            var sum = 0.0
            for i in 0..<m { sum += cols[2 * (p * m + i)] * cols[2 * (p * m + i)] + cols[2 * (p * m + i) + 1] * cols[2 * (p * m + i) + 1] }
            values[p] = sum.squareRoot()
        }
        return values.sorted(by: >)
    }

    /// Eigenvalues (ascending) of an interleaved row-major Hermitian `n × n`
    /// matrix by cyclic Jacobi: each off-diagonal a_pq = |a_pq|·e^{iφ} is made
    /// real by rephasing q, then zeroed by a real plane rotation. Unitary
    /// steps keep the spectrum; absolute accuracy is that of zheev.
    static func hermitianEigenvalues(_ input: [Double], size n: Int) -> [Double] {
        var a = input
        a.withUnsafeMutableBufferPointer { buffer in
            let m = buffer.baseAddress!
            func re(_ i: Int, _ j: Int) -> Double { m[2 * (i * n + j)] }
            func im(_ i: Int, _ j: Int) -> Double { m[2 * (i * n + j) + 1] }
            for _ in 0..<100 {
                var off = 0.0, diagonal = 0.0
                for i in 0..<n {
                    diagonal += re(i, i) * re(i, i)
                    for j in (i + 1)..<max(i + 1, n) { off += re(i, j) * re(i, j) + im(i, j) * im(i, j) }
                }
                if off <= 0x1p-104 * diagonal || off == 0 { break }
                for p in 0..<n {
                    for q in (p + 1)..<max(p + 1, n) {
                        let g = (re(p, q) * re(p, q) + im(p, q) * im(p, q)).squareRoot()
                        guard g > 0 else { continue }
                        // Rephase q: column q × e^{-iφ}, row q × e^{iφ}, so a_pq = g.
                        let cr = re(p, q) / g, ci = im(p, q) / g
                        for k in 0..<n {
                            let (xr, xi) = (re(k, q), im(k, q))
                            m[2 * (k * n + q)] = xr * cr + xi * ci
                            m[2 * (k * n + q) + 1] = xi * cr - xr * ci
                            let (yr, yi) = (re(q, k), im(q, k))
                            m[2 * (q * n + k)] = yr * cr - yi * ci
                            m[2 * (q * n + k) + 1] = yi * cr + yr * ci
                        }
                        m[2 * (p * n + q) + 1] = 0
                        m[2 * (q * n + p) + 1] = 0
                        m[2 * (q * n + q) + 1] = 0
                        // Real rotation that zeroes a_pq (Numerical Recipes' jacobi).
                        let tau = (re(q, q) - re(p, p)) / (2 * g)
                        let t = (tau >= 0 ? 1.0 : -1.0) / (abs(tau) + (1 + tau * tau).squareRoot())
                        let c = 1 / (1 + t * t).squareRoot(), s = t * c
                        for k in 0..<n {
                            let (pr, pi) = (re(k, p), im(k, p)), (qr, qi) = (re(k, q), im(k, q))
                            m[2 * (k * n + p)] = c * pr - s * qr
                            m[2 * (k * n + p) + 1] = c * pi - s * qi
                            m[2 * (k * n + q)] = s * pr + c * qr
                            m[2 * (k * n + q) + 1] = s * pi + c * qi
                        }
                        for k in 0..<n {
                            let (pr, pi) = (re(p, k), im(p, k)), (qr, qi) = (re(q, k), im(q, k))
                            m[2 * (p * n + k)] = c * pr - s * qr
                            m[2 * (p * n + k) + 1] = c * pi - s * qi
                            m[2 * (q * n + k)] = s * pr + c * qr
                            m[2 * (q * n + k) + 1] = s * pi + c * qi
                        }
                    }
                }
            }
        }
        return (0..<n).map { a[2 * ($0 * n + $0)] }.sorted()
    }
}
