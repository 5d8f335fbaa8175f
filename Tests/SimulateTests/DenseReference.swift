import Foundation
import IR

/// An independent, slow reference: builds each gate as a full 2^n × 2^n matrix
/// from its definition on basis states and multiplies. Used only by tests.
struct C: Equatable {
    var re: Double, im: Double
    static func + (a: C, b: C) -> C { C(re: a.re + b.re, im: a.im + b.im) }
    static func * (a: C, b: C) -> C { C(re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re) }
    static let zero = C(re: 0, im: 0), one = C(re: 1, im: 0)
}

enum DenseReference {
    /// Single-qubit matrix from the textbook definitions.
    static func matrix(_ kind: GateKind, _ t: Double) -> [[C]] {
        let c = cos(t / 2), s = sin(t / 2), r = 1 / 2.0.squareRoot()
        switch kind {
        case .H: return [[C(re: r, im: 0), C(re: r, im: 0)], [C(re: r, im: 0), C(re: -r, im: 0)]]
        case .X, .CNOT, .CCNOT, .MCX: return [[.zero, .one], [.one, .zero]]
        case .Y: return [[.zero, C(re: 0, im: -1)], [C(re: 0, im: 1), .zero]]
        case .Z, .CZ, .CCZ, .MCZ: return [[.one, .zero], [.zero, C(re: -1, im: 0)]]
        case .I: return [[.one, .zero], [.zero, .one]]
        case .S: return [[.one, .zero], [.zero, C(re: 0, im: 1)]]
        case .T: return [[.one, .zero], [.zero, C(re: cos(Double.pi / 4), im: sin(Double.pi / 4))]]
        case .Rx, .CRx: return [[C(re: c, im: 0), C(re: 0, im: -s)], [C(re: 0, im: -s), C(re: c, im: 0)]]
        case .Ry, .CRy: return [[C(re: c, im: 0), C(re: -s, im: 0)], [C(re: s, im: 0), C(re: c, im: 0)]]
        case .Rz, .CRz: return [[C(re: c, im: -s), .zero], [.zero, C(re: c, im: s)]]
        default: fatalError("no single-qubit matrix for \(kind)")
        }
    }

    /// Column `basis` of the full operator: U|basis⟩ as a sparse map.
    static func image(of basis: Int, _ gate: ResolvedGate, _ n: Int) -> [Int: C] {
        func bitOf(_ index: Int, _ q: Int) -> Int { (index >> (n - 1 - q)) & 1 }
        func flip(_ index: Int, _ q: Int) -> Int { index ^ (1 << (n - 1 - q)) }
        let controlsOn = gate.controls.allSatisfy { bitOf(basis, $0) == 1 }
        if !controlsOn { return [basis: .one] }
        let t = gate.angle ?? 0
        switch gate.kind {
        case .SWAP, .CSWAP:
            let a = gate.targets[0], b = gate.targets[1]
            if bitOf(basis, a) == bitOf(basis, b) { return [basis: .one] }
            return [flip(flip(basis, a), b): .one]
        case .RXX, .RYY, .RZZ:
            // exp(−iθ/2 P⊗P) = cos(θ/2) I − i sin(θ/2) P⊗P
            let a = gate.targets[0], b = gate.targets[1]
            let p = matrix(gate.kind == .RXX ? .X : gate.kind == .RYY ? .Y : .Z, 0)
            var out: [Int: C] = [basis: C(re: cos(t / 2), im: 0)]
            let ba = bitOf(basis, a), bb = bitOf(basis, b)
            for na in 0...1 { for nb in 0...1 {
                let amp = p[na][ba] * p[nb][bb]
                if amp == .zero { continue }
                var idx = basis
                if na != ba { idx = flip(idx, a) }
                if nb != bb { idx = flip(idx, b) }
                out[idx, default: .zero] = out[idx, default: .zero] + C(re: 0, im: -sin(t / 2)) * amp
            } }
            return out
        default:
            let m = matrix(gate.kind, t), q = gate.targets[0], b = bitOf(basis, q)
            var out: [Int: C] = [:]
            for nb in 0...1 where m[nb][b] != .zero {
                out[nb == b ? basis : flip(basis, q)] = m[nb][b]
            }
            return out
        }
    }

    static func simulate(_ gates: [ResolvedGate], qubits n: Int) -> [C] {
        var psi = [C](repeating: .zero, count: 1 << n)
        psi[0] = .one
        for gate in gates {
            var next = [C](repeating: .zero, count: 1 << n)
            for basis in 0..<(1 << n) where psi[basis] != .zero {
                for (idx, amp) in image(of: basis, gate, n) { next[idx] = next[idx] + amp * psi[basis] }
            }
            psi = next
        }
        return psi
    }
}
