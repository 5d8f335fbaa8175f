/// The basis permutation of a run of CNOT and SWAP gates. Both are linear
/// maps over GF(2) on the index bits, so their composition f satisfies
/// f(i) = f(low bits of i) XOR f(high bits of i); two lookup tables give f(i)
/// in two loads, and one gather pass applies the whole run.
struct IndexPermutation {
    let lowBits: Int
    let low: [Int]
    let high: [Int]
    let dimension: Int

    /// `gates`: (control, target, false) for CNOT, (a, b, true) for SWAP, in order.
    init(_ gates: [(Int, Int, Bool)], qubitCount n: Int) {
        func bit(_ q: Int) -> Int { 1 << (n - 1 - q) }
        // Images of the basis vectors e_k under the forward map.
        func forward(_ index: Int) -> Int {
            var x = index
            for (a, b, isSwap) in gates {
                let ba = bit(a), bb = bit(b)
                if isSwap {
                    if (x & ba != 0) != (x & bb != 0) { x ^= ba | bb }
                } else if x & ba != 0 {
                    x ^= bb
                }
            }
            return x
        }
        lowBits = n / 2
        let lowMask = (1 << lowBits) - 1
        let highCount = 1 << (n - lowBits)
        var low = [Int](repeating: 0, count: 1 << lowBits)
        var high = [Int](repeating: 0, count: highCount)
        // Linear: tabulate from single-bit images.
        let images = (0..<n).map { forward(1 << $0) }
        for i in 1..<low.count { low[i] = low[i & (i - 1)] ^ images[i.trailingZeroBitCount] }
        for i in 1..<highCount { high[i] = high[i & (i - 1)] ^ images[lowBits + i.trailingZeroBitCount] }
        self.low = low
        self.high = high
        self.dimension = 1 << n
        _ = lowMask
    }

    @inline(__always) func image(_ i: Int) -> Int { low[i & ((1 << lowBits) - 1)] ^ high[i >> lowBits] }

    /// out[f(i)] = in[i].
    func gather(from source: UnsafeMutablePointer<Double>, into target: UnsafeMutablePointer<Double>) {
        low.withUnsafeBufferPointer { lowTable in
            high.withUnsafeBufferPointer { highTable in
                let mask = (1 << lowBits) - 1
                for i in 0..<dimension {
                    let j = lowTable[i & mask] ^ highTable[i >> lowBits]
                    target[2 * j] = source[2 * i]
                    target[2 * j + 1] = source[2 * i + 1]
                }
            }
        }
    }
}
