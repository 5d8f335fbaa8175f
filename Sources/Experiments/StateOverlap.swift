/// |⟨u|v⟩|² of two states stored as interleaved (re, im) doubles, summed in
/// index order. The one inner product the sweeps and cancellation grids use,
/// so every path gives the same bits.
enum StateOverlap {
    static func of(_ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>, count: Int) -> Double {
        var re = 0.0, im = 0.0
        var k = 0
        while k < count {
            re += u[k] * v[k] + u[k + 1] * v[k + 1]
            im += u[k] * v[k + 1] - u[k + 1] * v[k]
            k += 2
        }
        return re * re + im * im
    }

    static func of(_ u: [Double], _ v: [Double]) -> Double {
        guard !u.isEmpty, !v.isEmpty else { return 0 }
        return u.withUnsafeBufferPointer { up in
            v.withUnsafeBufferPointer { vp in of(up.baseAddress!, vp.baseAddress!, count: min(up.count, vp.count)) }
        }
    }
}
