import Foundation
import IR

/// A complex 2×2 matrix [[a, b], [c, d]], each entry (re, im).
struct Matrix2: Equatable {
    var a: (Double, Double), b: (Double, Double), c: (Double, Double), d: (Double, Double)

    static func == (l: Matrix2, r: Matrix2) -> Bool {
        l.a == r.a && l.b == r.b && l.c == r.c && l.d == r.d
    }

    /// The product self · rhs (apply rhs first).
    static func * (l: Matrix2, r: Matrix2) -> Matrix2 {
        func mul(_ x: (Double, Double), _ y: (Double, Double)) -> (Double, Double) {
            (x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0)
        }
        func add(_ x: (Double, Double), _ y: (Double, Double)) -> (Double, Double) { (x.0 + y.0, x.1 + y.1) }
        return Matrix2(a: add(mul(l.a, r.a), mul(l.b, r.c)), b: add(mul(l.a, r.b), mul(l.b, r.d)),
                       c: add(mul(l.c, r.a), mul(l.d, r.c)), d: add(mul(l.c, r.b), mul(l.d, r.d)))
    }

    /// Whether b = c = 0 (phase-only gates take a cheaper kernel).
    var isDiagonal: Bool { b == (0, 0) && c == (0, 0) }

    /// The single-qubit unitary of `kind` (gate conventions of polygram-core.md §0.3).
    /// Controlled kinds return the matrix applied to the target.
    static func of(_ kind: GateKind, angle: Double?) -> Matrix2? {
        let half = (angle ?? 0) / 2
        let cs = cos(half), sn = sin(half)
        let invSqrt2 = 1 / 2.0.squareRoot()
        switch kind {
        case .H: return Matrix2(a: (invSqrt2, 0), b: (invSqrt2, 0), c: (invSqrt2, 0), d: (-invSqrt2, 0))
        case .X, .CNOT, .CCNOT, .MCX: return Matrix2(a: (0, 0), b: (1, 0), c: (1, 0), d: (0, 0))
        case .Y: return Matrix2(a: (0, 0), b: (0, -1), c: (0, 1), d: (0, 0))
        case .Z, .CZ, .CCZ, .MCZ: return Matrix2(a: (1, 0), b: (0, 0), c: (0, 0), d: (-1, 0))
        case .S: return Matrix2(a: (1, 0), b: (0, 0), c: (0, 0), d: (0, 1))
        case .T: return Matrix2(a: (1, 0), b: (0, 0), c: (0, 0), d: (invSqrt2, invSqrt2))
        case .I: return Matrix2(a: (1, 0), b: (0, 0), c: (0, 0), d: (1, 0))
        case .Rx, .CRx: return Matrix2(a: (cs, 0), b: (0, -sn), c: (0, -sn), d: (cs, 0))
        case .Ry, .CRy: return Matrix2(a: (cs, 0), b: (-sn, 0), c: (sn, 0), d: (cs, 0))
        case .Rz, .CRz: return Matrix2(a: (cs, -sn), b: (0, 0), c: (0, 0), d: (cs, sn))
        case .SWAP, .CSWAP, .RXX, .RYY, .RZZ, .custom: return nil
        }
    }
}
