import IR
@testable import Simulate

/// The MPSRung1 preparation (polygram-core.md §2.1) applied to |000⟩, for tests.
enum MPSStaircase {
    static func state(_ a: Double, _ b: Double, _ c: Double, _ phi: Double) throws -> StateVector {
        var state = StateVector(qubitCount: 3)
        try state.apply([
            ResolvedGate(kind: .Ry, targets: [0], angle: a),
            ResolvedGate(kind: .CNOT, targets: [1], controls: [0]),
            ResolvedGate(kind: .Ry, targets: [1], angle: a + b),
            ResolvedGate(kind: .Rz, targets: [1], angle: phi),
            ResolvedGate(kind: .CNOT, targets: [2], controls: [1]),
            ResolvedGate(kind: .Ry, targets: [2], angle: b + c),
        ])
        return state
    }
}
