import IR

/// A circuit rewritten into fewer passes over the state (qsim's idea, small):
/// * consecutive single-qubit gates on one qubit multiply into one 2×2;
/// * two pending single-qubit matrices on different qubits share one pass;
/// * a run of CNOT/SWAP gates is one index permutation (a linear map over
///   GF(2) on the index bits), applied as a single gather into a scratch buffer.
/// Everything else runs through the ordinary kernels.
struct FusedCircuit {
    enum Op {
        case single(bit: Int, Matrix2)
        case pair(bitA: Int, Matrix2, bitB: Int, Matrix2)
        case permutation(IndexPermutation)
        case gate(ResolvedGate)
    }

    let qubitCount: Int
    let ops: [Op]
    static let minimumPairedBit = 64

    /// Validates every gate (range, distinct qubits, angles) and fuses.
    init(_ gates: [ResolvedGate], qubitCount n: Int) throws {
        qubitCount = n
        func bit(_ q: Int) -> Int { 1 << (n - 1 - q) }
        var ops: [Op] = []
        var pending: [Int: Matrix2] = [:]   // qubit → fused matrix not yet applied
        var pendingOrder: [Int] = []
        var swaps: [(Int, Int, Bool)] = []   // (control-or-a, target-or-b, isSwap)

        func flushSingles(_ qubits: [Int]? = nil) {
            let chosen = qubits.map { qs in pendingOrder.filter(qs.contains) } ?? pendingOrder
            // Pairs share one pass; they only pay off when both bits are wide
            // enough for the inner loop to run over contiguous amplitudes.
            for q in chosen where bit(q) < Self.minimumPairedBit {
                ops.append(.single(bit: bit(q), pending[q]!))
                pending[q] = nil
            }
            var queue = chosen.filter { pending[$0] != nil }
            while !queue.isEmpty {
                let a = queue.removeFirst()
                if let b = queue.first {
                    queue.removeFirst()
                    ops.append(.pair(bitA: bit(a), pending[a]!, bitB: bit(b), pending[b]!))
                    pending[b] = nil
                } else {
                    ops.append(.single(bit: bit(a), pending[a]!))
                }
                pending[a] = nil
            }
            pendingOrder.removeAll { pending[$0] == nil }
        }
        func flushPermutation() {
            guard !swaps.isEmpty else { return }
            ops.append(.permutation(IndexPermutation(swaps, qubitCount: n)))
            swaps.removeAll()
        }

        for gate in gates {
            try Self.validate(gate, qubitCount: n)
            let isSingle = gate.controls.isEmpty && gate.targets.count == 1
            if isSingle, let m = Matrix2.of(gate.kind, angle: gate.angle) {
                let q = gate.targets[0]
                if swaps.contains(where: { $0.0 == q || $0.1 == q }) { flushPermutation() }
                if let previous = pending[q] {
                    pending[q] = m * previous
                } else {
                    pending[q] = m
                    pendingOrder.append(q)
                }
                continue
            }
            if (gate.kind == .CNOT && gate.controls.count == 1) || (gate.kind == .SWAP && gate.controls.isEmpty) {
                // Every pending single-qubit matrix precedes this gate and commutes
                // with the run's earlier swaps (a single on a swapped qubit flushes
                // the run), so all of them can go now, in pairs.
                flushSingles()
                let isSwap = gate.kind == .SWAP
                swaps.append(isSwap ? (gate.targets[0], gate.targets[1], true) : (gate.controls[0], gate.targets[0], false))
                continue
            }
            flushPermutation()
            flushSingles(gate.qubits)
            ops.append(.gate(gate))
        }
        flushPermutation()
        flushSingles()
        self.ops = ops
    }

    static func validate(_ gate: ResolvedGate, qubitCount: Int) throws {
        var seen: UInt64 = 0
        for q in gate.controls + gate.targets {
            guard q >= 0, q < qubitCount else {
                throw SimulationError.qubitOutOfRange(gate: gate, qubit: q, qubitCount: qubitCount)
            }
            guard seen & (1 << UInt64(q)) == 0 else { throw SimulationError.repeatedQubit(gate: gate) }
            seen |= 1 << UInt64(q)
        }
        if gate.kind.isParameterized, gate.angle == nil { throw SimulationError.missingAngle(gate: gate) }
        if gate.kind == .custom { throw SimulationError.notSimulable(gate: gate) }
    }

    /// Runs on `state` (2·2^n doubles) from whatever it holds, using `scratch`
    /// (same size) for permutations.
    func run(_ state: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) throws {
        var current = state, other = scratch
        let dim = 1 << qubitCount
        for op in ops {
            switch op {
            case .single(let bit, let m):
                FusedKernels.single(m, current, bit, dim)
            case .pair(let a, let ma, let b, let mb):
                FusedKernels.pair(ma, a, mb, b, current, dim)
            case .permutation(let permutation):
                permutation.gather(from: current, into: other)
                swap(&current, &other)
            case .gate(let gate):
                try GateKernels.apply(gate, to: current, qubitCount: qubitCount)
            }
        }
        if current != state { state.update(from: current, count: 2 * dim) }
    }
}
