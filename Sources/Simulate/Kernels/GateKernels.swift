import Foundation
import IR

/// Allocation-free loops that apply one gate to interleaved amplitudes.
/// A gate on qubit q pairs indices that differ in bit `n-1-q`; controls are
/// a mask every touched index must contain.
enum GateKernels {
    static func apply(_ gate: ResolvedGate, to amplitudes: inout [Double], qubitCount n: Int) throws {
        try amplitudes.withUnsafeMutableBufferPointer { try apply(gate, to: $0.baseAddress!, qubitCount: n) }
    }

    static func apply(_ gate: ResolvedGate, to p: UnsafeMutablePointer<Double>, qubitCount n: Int) throws {
        func bit(_ q: Int) -> Int { 1 << (n - 1 - q) }
        let controlMask = gate.controls.reduce(0) { $0 | bit($1) }
        if gate.kind.isParameterized, gate.angle == nil { throw SimulationError.missingAngle(gate: gate) }

        switch gate.kind {
        case .SWAP, .CSWAP:
            swap(p, bit(gate.targets[0]), bit(gate.targets[1]), controlMask, n)
        case .RXX, .RYY, .RZZ:
            pauliPair(gate.kind, angle: gate.angle!, p, bit(gate.targets[0]), bit(gate.targets[1]), n)
        case .custom:
            throw SimulationError.notSimulable(gate: gate)
        default:
            guard let matrix = Matrix2.of(gate.kind, angle: gate.angle) else {
                throw SimulationError.notSimulable(gate: gate)
            }
            single(matrix, p, bit(gate.targets[0]), controlMask, n)
        }
    }

    /// ψ ← U ψ on the target bit, for indices containing `controlMask`.
    private static func single(_ u: Matrix2, _ p: UnsafeMutablePointer<Double>, _ target: Int, _ controlMask: Int, _ n: Int) {
        let dim = 1 << n
        do {
            if u.isDiagonal {
                let (ar, ai) = u.a, (dr, di) = u.d
                let skipA = ar == 1 && ai == 0
                for i in 0..<dim where i & controlMask == controlMask {
                    let (mr, mi) = (i & target == 0) ? (ar, ai) : (dr, di)
                    if skipA, i & target == 0 { continue }
                    let xr = p[2 * i], xi = p[2 * i + 1]
                    p[2 * i] = mr * xr - mi * xi
                    p[2 * i + 1] = mr * xi + mi * xr
                }
                return
            }
            let (ar, ai) = u.a, (br, bi) = u.b, (cr, ci) = u.c, (dr, di) = u.d
            var base = 0
            while base < dim {
                for i0 in base..<(base + target) where i0 & controlMask == controlMask {
                    let i1 = i0 + target
                    let xr = p[2 * i0], xi = p[2 * i0 + 1]
                    let yr = p[2 * i1], yi = p[2 * i1 + 1]
                    p[2 * i0] = ar * xr - ai * xi + br * yr - bi * yi
                    p[2 * i0 + 1] = ar * xi + ai * xr + br * yi + bi * yr
                    p[2 * i1] = cr * xr - ci * xi + dr * yr - di * yi
                    p[2 * i1 + 1] = cr * xi + ci * xr + dr * yi + di * yr
                }
                base += 2 * target
            }
        }
    }

    /// Exchanges the amplitudes of |…1…0…⟩ and |…0…1…⟩ (SWAP, CSWAP).
    private static func swap(_ p: UnsafeMutablePointer<Double>, _ a: Int, _ b: Int, _ controlMask: Int, _ n: Int) {
        do {
            for i in 0..<(1 << n) where i & controlMask == controlMask && i & a != 0 && i & b == 0 {
                let j = (i ^ a) | b
                (p[2 * i], p[2 * j]) = (p[2 * j], p[2 * i])
                (p[2 * i + 1], p[2 * j + 1]) = (p[2 * j + 1], p[2 * i + 1])
            }
        }
    }

    /// exp(−iθ/2 · P⊗P) for P = X, Y, Z on bits a and b.
    private static func pauliPair(_ kind: GateKind, angle: Double, _ p: UnsafeMutablePointer<Double>, _ a: Int, _ b: Int, _ n: Int) {
        let c = cos(angle / 2), s = sin(angle / 2)
        do {
            func mulPhase(_ i: Int, _ pr: Double, _ pi: Double) {
                let xr = p[2 * i], xi = p[2 * i + 1]
                p[2 * i] = pr * xr - pi * xi
                p[2 * i + 1] = pr * xi + pi * xr
            }
            // Mixes |i⟩ and |j⟩: new_i = c·x_i + (σ·(−i)s)·x_j, with σ the P⊗P sign.
            func mix(_ i: Int, _ j: Int, _ sign: Double) {
                let xr = p[2 * i], xi = p[2 * i + 1], yr = p[2 * j], yi = p[2 * j + 1]
                p[2 * i] = c * xr + sign * s * yi
                p[2 * i + 1] = c * xi - sign * s * yr
                p[2 * j] = c * yr + sign * s * xi
                p[2 * j + 1] = c * yi - sign * s * xr
            }
            for i in 0..<(1 << n) where i & a == 0 && i & b == 0 {
                let i01 = i | b, i10 = i | a, i11 = i | a | b
                switch kind {
                case .RZZ:
                    mulPhase(i, c, -s); mulPhase(i11, c, -s)
                    mulPhase(i01, c, s); mulPhase(i10, c, s)
                case .RXX:
                    mix(i, i11, 1); mix(i01, i10, 1)
                default: // RYY: Y⊗Y|00⟩ = −|11⟩, Y⊗Y|01⟩ = |10⟩
                    mix(i, i11, -1); mix(i01, i10, 1)
                }
            }
        }
    }
}
