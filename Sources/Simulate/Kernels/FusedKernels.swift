/// Tight loops for fused single-qubit matrices (no controls).
enum FusedKernels {
    /// ψ ← U ψ on one bit.
    @inline(__always)
    static func single(_ u: Matrix2, _ p: UnsafeMutablePointer<Double>, _ bit: Int, _ dim: Int) {
        let (ar, ai) = u.a, (br, bi) = u.b, (cr, ci) = u.c, (dr, di) = u.d
        var base = 0
        while base < dim {
            for i0 in base..<(base + bit) {
                let i1 = i0 + bit
                let xr = p[2 * i0], xi = p[2 * i0 + 1], yr = p[2 * i1], yi = p[2 * i1 + 1]
                p[2 * i0] = ar * xr - ai * xi + br * yr - bi * yi
                p[2 * i0 + 1] = ar * xi + ai * xr + br * yi + bi * yr
                p[2 * i1] = cr * xr - ci * xi + dr * yr - di * yi
                p[2 * i1 + 1] = cr * xi + ci * xr + dr * yi + di * yr
            }
            base += 2 * bit
        }
    }

    /// (U_a ⊗ U_b) on two different bits in one pass over the state.
    static func pair(_ ua: Matrix2, _ bitA: Int, _ ub: Matrix2, _ bitB: Int, _ p: UnsafeMutablePointer<Double>, _ dim: Int) {
        let hi = max(bitA, bitB), lo = min(bitA, bitB)
        var outer = 0
        while outer < dim {
            var middle = outer
            while middle < outer + hi {
                for i in middle..<(middle + lo) {
                    // i has both bits clear; apply U_b then U_a on the quadruple.
                    let i00 = i, i0b = i | bitB, ia0 = i | bitA, iab = i | bitA | bitB
                    apply(ub, p, i00, i0b)
                    apply(ub, p, ia0, iab)
                    apply(ua, p, i00, ia0)
                    apply(ua, p, i0b, iab)
                }
                middle += 2 * lo
            }
            outer += 2 * hi
        }
    }

    @inline(__always)
    private static func apply(_ u: Matrix2, _ p: UnsafeMutablePointer<Double>, _ i0: Int, _ i1: Int) {
        let xr = p[2 * i0], xi = p[2 * i0 + 1], yr = p[2 * i1], yi = p[2 * i1 + 1]
        p[2 * i0] = u.a.0 * xr - u.a.1 * xi + u.b.0 * yr - u.b.1 * yi
        p[2 * i0 + 1] = u.a.0 * xi + u.a.1 * xr + u.b.0 * yi + u.b.1 * yr
        p[2 * i1] = u.c.0 * xr - u.c.1 * xi + u.d.0 * yr - u.d.1 * yi
        p[2 * i1 + 1] = u.c.0 * xi + u.c.1 * xr + u.d.0 * yi + u.d.1 * yr
    }
}
