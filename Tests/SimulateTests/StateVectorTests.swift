import XCTest
import IR
@testable import Simulate

final class StateVectorTests: XCTestCase {
    /// Deterministic pseudo-random numbers (SplitMix64), so failures reproduce.
    struct SplitMix { var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    func testRyOnQubitZeroSetsTheMostSignificantBit() throws {
        var state = StateVector(qubitCount: 3)
        try state.apply(ResolvedGate(kind: .Ry, targets: [0], angle: .pi))
        XCTAssertEqual(state[4].re, 1, accuracy: 1e-15)
        XCTAssertEqual(state[0].re, 0, accuracy: 1e-15)
    }

    func testEveryGateKindMatchesTheDenseReference() throws {
        var rng = SplitMix(state: 42)
        let n = 4
        let kinds: [(GateKind, Int, Int)] = [ // kind, targets, controls
            (.H, 1, 0), (.X, 1, 0), (.Y, 1, 0), (.Z, 1, 0), (.S, 1, 0), (.T, 1, 0), (.I, 1, 0),
            (.Rx, 1, 0), (.Ry, 1, 0), (.Rz, 1, 0), (.CNOT, 1, 1), (.CZ, 1, 1), (.SWAP, 2, 0),
            (.CRx, 1, 1), (.CRy, 1, 1), (.CRz, 1, 1), (.RXX, 2, 0), (.RYY, 2, 0), (.RZZ, 2, 0),
            (.CCNOT, 1, 2), (.CCZ, 1, 2), (.CSWAP, 2, 1), (.MCX, 1, 3), (.MCZ, 1, 3),
        ]
        for (kind, targetCount, controlCount) in kinds {
            // A random preparation so every amplitude is populated.
            var gates: [ResolvedGate] = (0..<n).flatMap { q in
                [ResolvedGate(kind: .Ry, targets: [q], angle: 6 * rng.next() - 3),
                 ResolvedGate(kind: .Rz, targets: [q], angle: 6 * rng.next() - 3)]
            }
            gates.append(ResolvedGate(kind: .CNOT, targets: [2], controls: [0]))
            for trial in 0..<6 {
                var qubits = Array(0..<n)
                for i in stride(from: n - 1, to: 0, by: -1) { qubits.swapAt(i, Int(rng.next() * Double(i + 1))) }
                let controls = Array(qubits.prefix(controlCount))
                let targets = Array(qubits.dropFirst(controlCount).prefix(targetCount))
                let gate = ResolvedGate(kind: kind, targets: targets, controls: controls,
                                        angle: kind.isParameterized ? 8 * rng.next() - 4 : nil)
                var state = StateVector(qubitCount: n)
                try state.apply(gates + [gate])
                let expected = DenseReference.simulate(gates + [gate], qubits: n)
                for i in 0..<(1 << n) {
                    XCTAssertEqual(state[i].re, expected[i].re, accuracy: 1e-13, "\(kind) trial \(trial) index \(i)")
                    XCTAssertEqual(state[i].im, expected[i].im, accuracy: 1e-13, "\(kind) trial \(trial) index \(i)")
                }
            }
        }
    }

    /// qorca-language.md §7.5 test vector (the reference prints 6 decimals).
    func testMPSStaircaseMatchesTheReferenceTestVector() throws {
        let state = try MPSStaircase.state(0.3, -0.5, 0.2, 0.7)
        let expected: [(Double, Double)] = [
            (0.913807, -0.333565), (-0.138108, 0.050413), (-0.013857, -0.005058), (-0.091686, -0.033468),
            (0.013857, -0.005058), (-0.002094, 0.000764), (0.020873, 0.007619), (0.138108, 0.050413)]
        for (i, (re, im)) in expected.enumerated() {
            XCTAssertEqual(state[i].re, re, accuracy: 6e-7)
            XCTAssertEqual(state[i].im, im, accuracy: 6e-7)
        }
    }

    func testQubitOutsideTheRegisterIsAnError() {
        var state = StateVector(qubitCount: 2)
        XCTAssertThrowsError(try state.apply(ResolvedGate(kind: .X, targets: [2]))) { error in
            XCTAssertTrue("\(error)".contains("qubit 2"), "\(error)")
        }
    }

    func testCustomGateCannotBeSimulated() {
        var state = StateVector(qubitCount: 1)
        XCTAssertThrowsError(try state.apply(ResolvedGate(kind: .custom, targets: [0], customName: "SDG")))
    }

    func testMemoryGuardRefusesAFortyQubitState() {
        XCTAssertThrowsError(try MemoryGuard.check(qubitCount: 40, states: 1)) { error in
            XCTAssertTrue("\(error)".contains("refusing"), "\(error)")
        }
        XCTAssertThrowsError(try MemoryGuard.check(qubitCount: 30, states: 1000))
        XCTAssertNoThrow(try MemoryGuard.check(qubitCount: 16, states: 128))
    }
}
