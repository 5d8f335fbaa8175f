/// `numpy.random.default_rng(seed)`: SeedSequence → PCG64 (XSL-RR 128/64),
/// with exactly the draws polygram's k-means uses (polygram-pipeline.md §0.3).
struct NumpyRandom {
    private struct U128: Equatable {
        var hi: UInt64
        var lo: UInt64

        static func &+ (a: U128, b: U128) -> U128 {
            let (lo, carry) = a.lo.addingReportingOverflow(b.lo)
            return U128(hi: a.hi &+ b.hi &+ (carry ? 1 : 0), lo: lo)
        }

        static func &* (a: U128, b: U128) -> U128 {
            let (high, low) = a.lo.multipliedFullWidth(by: b.lo)
            return U128(hi: high &+ a.hi &* b.lo &+ a.lo &* b.hi, lo: low)
        }
    }

    private static let multiplier = U128(hi: 2549297995355413924, lo: 4865540595714422341)
    private var state = U128(hi: 0, lo: 0)
    private let increment: U128
    private var buffered32: UInt32?

    init(seed: UInt64) {
        let s = NumpyRandom.seedSequence(seed: seed, count: 4)
        let initState = U128(hi: s[0], lo: s[1])
        let initSeq = U128(hi: s[2], lo: s[3])
        increment = U128(hi: (initSeq.hi << 1) | (initSeq.lo >> 63), lo: (initSeq.lo << 1) | 1)
        step()
        state = state &+ initState
        step()
    }

    /// SeedSequence(seed).generate_state(count, uint64).
    static func seedSequence(seed: UInt64, count: Int) -> [UInt64] {
        let initA: UInt32 = 0x43b0_d7e5, multA: UInt32 = 0x931e_8875
        let initB: UInt32 = 0x8b51_f9dd, multB: UInt32 = 0x58f3_8ded
        let mixL: UInt32 = 0xca01_f9dd, mixR: UInt32 = 0x4973_f715
        var words: [UInt32] = []
        var rest = seed
        if rest == 0 { words = [0] }
        while rest > 0 {
            words.append(UInt32(truncatingIfNeeded: rest))
            rest >>= 32
        }
        var hashConst = initA
        func hashmix(_ value: UInt32) -> UInt32 {
            var v = value ^ hashConst
            hashConst = hashConst &* multA
            v = v &* hashConst
            return v ^ (v >> 16)
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            let r = mixL &* x &- mixR &* y
            return r ^ (r >> 16)
        }
        var pool = (0..<4).map { hashmix($0 < words.count ? words[$0] : 0) }
        for s in 0..<4 {
            for d in 0..<4 where s != d {
                pool[d] = mix(pool[d], hashmix(pool[s]))
            }
        }
        if words.count > 4 {
            for s in 4..<words.count {
                for d in 0..<4 { pool[d] = mix(pool[d], hashmix(words[s])) }
            }
        }
        var hb = initB
        var w32: [UInt32] = []
        for i in 0..<(2 * count) {
            var v = pool[i % 4] ^ hb
            hb = hb &* multB
            v = v &* hb
            w32.append(v ^ (v >> 16))
        }
        return (0..<count).map { UInt64(w32[2 * $0]) | (UInt64(w32[2 * $0 + 1]) << 32) }
    }

    private mutating func step() {
        state = state &* NumpyRandom.multiplier &+ increment
    }

    mutating func next64() -> UInt64 {
        step()
        let x = state.hi ^ state.lo
        let r = state.hi >> 58
        return (x >> r) | (x << ((64 &- r) & 63))
    }

    mutating func next32() -> UInt32 {
        if let value = buffered32 {
            buffered32 = nil
            return value
        }
        let v = next64()
        buffered32 = UInt32(truncatingIfNeeded: v >> 32)
        return UInt32(truncatingIfNeeded: v)
    }

    /// `random()`: a 53-bit uniform in [0, 1).
    mutating func random() -> Double {
        Double(next64() >> 11) * (1.0 / 9007199254740992.0)
    }

    /// Scalar `integers(0, n)` (Lemire on the buffered 32-bit stream).
    mutating func integers(_ n: Int) -> Int {
        precondition(n >= 1 && n <= Int(UInt32.max))
        if n == 1 { return 0 }
        let excl = UInt64(n)
        var m = UInt64(next32()) &* excl
        var left = m & 0xFFFF_FFFF
        if left < excl {
            let threshold = (0xFFFF_FFFF - (excl - 1)) % excl
            while left < threshold {
                m = UInt64(next32()) &* excl
                left = m & 0xFFFF_FFFF
            }
        }
        return Int(m >> 32)
    }

    /// `choice(n, p=probs)`: cumsum, normalise by the last entry, `searchsorted(side="right")`.
    mutating func choice(probabilities: [Double]) -> Int {
        var cdf: [Double] = []
        cdf.reserveCapacity(probabilities.count)
        var acc = 0.0
        for p in probabilities {
            acc += p
            cdf.append(acc)
        }
        let last = cdf[cdf.count - 1]
        cdf = cdf.map { $0 / last }
        let u = random()
        var lo = 0, hi = cdf.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if u < cdf[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
