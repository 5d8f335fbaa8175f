/// Tight loops for fused single-qubit matrices (no controls). Amplitudes are
/// handled as SIMD2 (re, im) pairs so each complex product is two vector
/// multiplies and an add.
enum FusedKernels {
    /// A matrix entry prepared for vector complex products:
    /// m·x = (re, re)·x + (−im, im)·(x.im, x.re).
    struct Entry {
        let real: SIMD2<Double>
        let imag: SIMD2<Double>
        init(_ value: (Double, Double)) {
            real = SIMD2(value.0, value.0)
            imag = SIMD2(-value.1, value.1)
        }
        @inline(__always) func times(_ x: SIMD2<Double>) -> SIMD2<Double> {
            real * x + imag * SIMD2(x.y, x.x)
        }
    }

    struct Prepared {
        let a: Entry, b: Entry, c: Entry, d: Entry
        init(_ u: Matrix2) { a = Entry(u.a); b = Entry(u.b); c = Entry(u.c); d = Entry(u.d) }
    }

    /// ψ ← U ψ on one bit.
    static func single(_ u: Matrix2, _ p: UnsafeMutablePointer<Double>, _ bit: Int, _ dim: Int) {
        let m = Prepared(u)
        p.withMemoryRebound(to: SIMD2<Double>.self, capacity: dim) { v in
            var base = 0
            while base < dim {
                for i0 in base..<(base + bit) {
                    apply(m, v, i0, i0 + bit)
                }
                base += 2 * bit
            }
        }
    }

    /// (U_a ⊗ U_b) on two different bits in one pass over the state.
    static func pair(_ ua: Matrix2, _ bitA: Int, _ ub: Matrix2, _ bitB: Int, _ p: UnsafeMutablePointer<Double>, _ dim: Int) {
        let ma = Prepared(ua), mb = Prepared(ub)
        let lo = min(bitA, bitB), hi = max(bitA, bitB)
        p.withMemoryRebound(to: SIMD2<Double>.self, capacity: dim) { v in
            var outer = 0
            while outer < dim {
                var middle = outer
                while middle < outer + hi {
                    for i in middle..<(middle + lo) {
                        let i0b = i | bitB, ia0 = i | bitA, iab = i | bitA | bitB
                        apply(mb, v, i, i0b)
                        apply(mb, v, ia0, iab)
                        apply(ma, v, i, ia0)
                        apply(ma, v, i0b, iab)
                    }
                    middle += 2 * lo
                }
                outer += 2 * hi
            }
        }
    }

    @inline(__always)
    static func apply(_ m: Prepared, _ v: UnsafeMutablePointer<SIMD2<Double>>, _ i0: Int, _ i1: Int) {
        let x = v[i0], y = v[i1]
        v[i0] = m.a.times(x) + m.b.times(y)
        v[i1] = m.c.times(x) + m.d.times(y)
    }
}
