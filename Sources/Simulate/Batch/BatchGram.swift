import Dispatch
import Foundation
import IR

/// The Gram matrix of many circuits run from |0…0⟩: states are simulated in
/// parallel (one worker per core, each with its own scratch buffer) with
/// fused kernels, stacked, and multiplied with one BLAS call. When the stack
/// does not fit in the memory budget, states are streamed in blocks: block i
/// is kept while each later block j is simulated and A_i·A_jᴴ formed with
/// zgemm (states of later blocks are recomputed rather than stored).
public enum BatchGram {
    public static func gram(of circuits: [[ResolvedGate]], qubitCount n: Int,
                            memoryLimit: Double = MemoryGuard.limitBytes) throws -> GramMatrix {
        let count = circuits.count
        guard count > 0 else { return GramMatrix(size: 0, entries: []) }
        let workers = max(1, min(MachineResources.processors, count))
        let stateBytes = MemoryGuard.bytes(qubitCount: n, states: 1)
        // At least two states plus one scratch buffer per worker must fit.
        let reserved = Double(workers + 2) * stateBytes
        guard n < 40, reserved <= memoryLimit else {
            throw SimulationError.tooLarge(qubitCount: n, states: count, bytes: reserved, limit: memoryLimit)
        }
        // Small registers: fusing and waking worker threads cost more than they save.
        if n <= 8 && count * (1 << n) <= 1 << 16 {
            try MemoryGuard.check(qubitCount: n, states: count)
            return GramMatrix.of(try circuits.map { gates in
                var state = StateVector(qubitCount: n)
                try state.apply(gates)
                return state
            })
        }
        let fused = try circuits.map { try FusedCircuit($0, qubitCount: n) }
        let capacity = max(2, Int((memoryLimit - Double(workers) * stateBytes) / stateBytes))
        let dim = 1 << n
        var entries = [Double](repeating: 0, count: 2 * count * count)

        if count <= capacity {
            let stack = try simulate(fused, range: 0..<count, dim: dim, workers: workers)
            defer { stack.deallocate() }
            fill(&entries, count, rows: 0..<count, columns: 0..<count,
                 OpenBLAS.hermitianProduct(UnsafePointer(stack), rows: count, columns: dim))
            return GramMatrix(size: count, entries: entries)
        }

        let block = max(1, capacity / 2)
        for iStart in stride(from: 0, to: count, by: block) {
            let iRange = iStart..<min(count, iStart + block)
            let a = try simulate(fused, range: iRange, dim: dim, workers: workers)
            defer { a.deallocate() }
            fill(&entries, count, rows: iRange, columns: iRange,
                 OpenBLAS.hermitianProduct(UnsafePointer(a), rows: iRange.count, columns: dim))
            for jStart in stride(from: iRange.upperBound, to: count, by: block) {
                let jRange = jStart..<min(count, jStart + block)
                let b = try simulate(fused, range: jRange, dim: dim, workers: workers)
                defer { b.deallocate() }
                let c = OpenBLAS.crossProduct(UnsafePointer(a), rowsA: iRange.count, UnsafePointer(b), rowsB: jRange.count,
                                              columns: dim)
                fill(&entries, count, rows: iRange, columns: jRange, c)
                // The lower block is the conjugate transpose.
                for (bi, i) in iRange.enumerated() {
                    for (bj, j) in jRange.enumerated() {
                        entries[2 * (j * count + i)] = c[2 * (bi * jRange.count + bj)]
                        entries[2 * (j * count + i) + 1] = c[2 * (bi * jRange.count + bj) + 1]
                    }
                }
            }
        }
        return GramMatrix(size: count, entries: entries)
    }

    /// Full passes over the state the fused circuit makes (for bandwidth
    /// accounting in benchmarks): one per fused op, plus a final copy when an
    /// odd number of permutations leaves the result in the scratch buffer.
    public static func passes(_ gates: [ResolvedGate], qubitCount n: Int) throws -> Int {
        let fused = try FusedCircuit(gates, qubitCount: n)
        let permutations = fused.ops.filter { if case .permutation = $0 { return true } else { return false } }.count
        return fused.ops.count + (permutations % 2)
    }

    /// Writes G = conj(C) for a block C = A·Bᴴ (C[i][j] = ⟨b_j|a_i⟩).
    private static func fill(_ entries: inout [Double], _ size: Int, rows: Range<Int>, columns: Range<Int>, _ c: [Double]) {
        for (bi, i) in rows.enumerated() {
            for (bj, j) in columns.enumerated() {
                entries[2 * (i * size + j)] = c[2 * (bi * columns.count + bj)]
                entries[2 * (i * size + j) + 1] = -c[2 * (bi * columns.count + bj) + 1]
            }
        }
    }

    /// Simulates circuits `range` into a fresh stacked buffer (caller frees).
    private static func simulate(_ circuits: [FusedCircuit], range: Range<Int>, dim: Int,
                                 workers: Int) throws -> UnsafeMutablePointer<Double> {
        let stride2 = 2 * dim
        let stack = UnsafeMutablePointer<Double>.allocate(capacity: range.count * stride2)
        let lock = NSLock()
        var failure: Error?
        let threads = min(workers, range.count)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: stride2)
            defer { scratch.deallocate() }
            var k = range.lowerBound + worker
            while k < range.upperBound {
                let state = stack + (k - range.lowerBound) * stride2
                state.initialize(repeating: 0, count: stride2)
                state[0] = 1
                do {
                    try circuits[k].run(state, scratch: scratch)
                } catch {
                    lock.lock()
                    if failure == nil { failure = error }
                    lock.unlock()
                    return
                }
                k += threads
            }
        }
        if let failure {
            stack.deallocate()
            throw failure
        }
        return stack
    }
}
