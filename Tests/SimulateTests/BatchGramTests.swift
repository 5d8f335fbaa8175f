import XCTest
import IR
@testable import Simulate

final class BatchGramTests: XCTestCase {
    /// A random circuit over every gate kind the fuser treats specially, and others.
    func randomCircuit(_ rng: inout StateVectorTests.SplitMix, qubits n: Int, gates count: Int) -> [ResolvedGate] {
        let kinds: [GateKind] = [.Ry, .Rz, .Rx, .H, .S, .T, .X, .Y, .Z, .CNOT, .SWAP, .CZ, .CRy, .RZZ, .RXX, .CCNOT]
        return (0..<count).map { _ in
            let kind = kinds[Int(rng.next() * Double(kinds.count))]
            var qubits = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { qubits.swapAt(i, Int(rng.next() * Double(i + 1))) }
            let angle = kind.isParameterized ? 8 * rng.next() - 4 : nil
            switch kind {
            case .CNOT, .CZ, .CRy: return ResolvedGate(kind: kind, targets: [qubits[0]], controls: [qubits[1]], angle: angle)
            case .SWAP, .RZZ, .RXX: return ResolvedGate(kind: kind, targets: [qubits[0], qubits[1]], angle: angle)
            case .CCNOT: return ResolvedGate(kind: kind, targets: [qubits[0]], controls: [qubits[1], qubits[2]])
            default: return ResolvedGate(kind: kind, targets: [qubits[0]], angle: angle)
            }
        }
    }

    func reference(_ circuits: [[ResolvedGate]], _ n: Int) throws -> GramMatrix {
        GramMatrix.of(try circuits.map { gates in
            var state = StateVector(qubitCount: n)
            try state.apply(gates)
            return state
        })
    }

    func assertClose(_ a: GramMatrix, _ b: GramMatrix, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.size, b.size, file: file, line: line)
        for i in 0..<a.size { for j in 0..<a.size {
            XCTAssertEqual(a.real(i, j), b.real(i, j), accuracy: 1e-12, file: file, line: line)
            XCTAssertEqual(a.imaginary(i, j), b.imaginary(i, j), accuracy: 1e-12, file: file, line: line)
        } }
    }

    func testFusedBatchEqualsGateByGateSimulation() throws {
        var rng = StateVectorTests.SplitMix(state: 99)
        let n = 9
        let circuits = (0..<9).map { _ in randomCircuit(&rng, qubits: n, gates: 60) }
        assertClose(try BatchGram.gram(of: circuits, qubitCount: n), try reference(circuits, n))
    }

    func testStreamedBlocksEqualTheInMemoryGram() throws {
        var rng = StateVectorTests.SplitMix(state: 5)
        let n = 9
        let circuits = (0..<11).map { _ in randomCircuit(&rng, qubits: n, gates: 40) }
        // Room for only a handful of states: forces blocks of 2 and recomputation.
        let limit = MemoryGuard.bytes(qubitCount: n, states: 1) * Double(ProcessInfo.processInfo.activeProcessorCount + 4)
        assertClose(try BatchGram.gram(of: circuits, qubitCount: n, memoryLimit: limit), try reference(circuits, n))
    }

    func testBudgetTooSmallForTwoStatesIsRefused() {
        XCTAssertThrowsError(try BatchGram.gram(of: [[], []], qubitCount: 20, memoryLimit: 1_000_000)) { error in
            guard case SimulationError.tooLarge = error else { return XCTFail("\(error)") }
        }
    }

    func testCustomGateIsRejectedBeforeSimulating() {
        XCTAssertThrowsError(try BatchGram.gram(of: [[ResolvedGate(kind: .custom, targets: [0], customName: "SDG")]], qubitCount: 1))
    }
}
