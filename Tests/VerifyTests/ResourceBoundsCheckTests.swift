import XCTest
import IR
@testable import Verify

/// RESOURCE_BOUND_EXCEEDED / RESOURCE_BOUND_INDETERMINATE: the metrics are
/// measured on every run (initial state to a final state) of the machine.
final class ResourceBoundsCheckTests: XCTestCase {
    /// s0 --a--> s1 (`first`), then `measure` to f0 (no action) or f1 (`second`).
    func branching(first: String, second: String, invariants: [String],
                   qubits: String = "[q0, q1]") -> TextMachine {
        TextMachine(context: ["| qubits | list<qubit> | \(qubits) |"],
                    events: ["a", "measure"], states: ["s0 [initial]", "s1", "f0 [final]", "f1 [final]"],
                    transitions: ["| s0 | a | | s1 | first |", "| s1 | measure | p0 | f0 | |", "| s1 | measure | p1 | f1 | second |"],
                    guards: ["| p0 | prob('0') ≈ 0.5 |", "| p1 | prob('1') ≈ 0.5 |"],
                    actions: ["| first | (qs) -> qs | \(first) |", "| second | (qs) -> qs | \(second) |"],
                    invariants: invariants)
    }

    func exceeded(_ m: TextMachine) throws -> [Diagnostic] { try m.verify().diagnostics("RESOURCE_BOUND_EXCEEDED") }
    func indeterminate(_ m: TextMachine) throws -> [Diagnostic] { try m.verify().diagnostics("RESOURCE_BOUND_INDETERMINATE") }

    func testBoundsHoldingOnEveryRunPass() throws {
        let m = branching(first: "H(qs[0]); CNOT(qs[0], qs[1])", second: "measure(qs[0])",
                          invariants: ["gate_count <= 2", "cx_count == 1", "depth == 2", "t_count == 0", "logical_qubits == 2"])
        let report = try m.verify()
        XCTAssertTrue(report.diagnostics("RESOURCE_BOUND_EXCEEDED").isEmpty, "\(report.diagnostics)")
        XCTAssertTrue(report.diagnostics("RESOURCE_BOUND_INDETERMINATE").isEmpty, "\(report.diagnostics)")
    }

    func testUpperBoundUsesTheLongestRunAndLowerBoundTheShortest() throws {
        let m = branching(first: "H(qs[0])", second: "X(qs[1])", invariants: ["gate_count <= 1", "gate_count >= 2"])
        let found = try exceeded(m)
        XCTAssertEqual(found.map(\.message), [
            "Resource 'gate_count' = 2 violates bound <= 1 (from 1 to 2 over the machine's runs)",
            "Resource 'gate_count' = 1 violates bound >= 2 (from 1 to 2 over the machine's runs)",
        ])
        XCTAssertEqual(found.map(\.location?.line), [m.line("- gate_count <= 1"), m.line("- gate_count >= 2")])
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertTrue(try exceeded(branching(first: "H(qs[0])", second: "X(qs[1])", invariants: ["gate_count <= 2", "gate_count >= 1"])).isEmpty)
        // == must hold on every run.
        XCTAssertEqual(try exceeded(branching(first: "H(qs[0])", second: "X(qs[1])", invariants: ["gate_count == 1"])).count, 1)
    }

    func testTwoQubitAndTCounts() throws {
        // CNOT 1 + SWAP 3 + CCNOT 6 CX; T 1 + Rz(π/4) 1 + CCNOT 7 T.
        let effect = "CNOT(qs[0], qs[1]); SWAP(qs[1], qs[2]); CCNOT(qs[0], qs[1], qs[2]); T(qs[0]); Rz(qs[1], pi/4)"
        let m = branching(first: effect, second: "S(qs[0])", invariants: ["cx_count == 10", "t_count == 9", "cx_count < 10"],
                          qubits: "[q0, q1, q2]")
        let found = try exceeded(m)
        XCTAssertEqual(found.map(\.message), ["Resource 'cx_count' = 10 violates bound < 10"])
        XCTAssertEqual(found.first?.location?.line, m.line("- cx_count < 10"))
    }

    func testDepthLayersGatesByQubit() throws {
        // H(0) and H(1) share a layer; CNOT is the second; X(2) fits in the first.
        let m = branching(first: "H(qs[0]); H(qs[1]); CNOT(qs[0], qs[1]); X(qs[2])", second: "",
                          invariants: ["depth == 2", "depth <= 1"], qubits: "[q0, q1, q2]")
        let found = try exceeded(m)
        XCTAssertEqual(found.map(\.message), ["Resource 'depth' = 2 violates bound <= 1"])
        XCTAssertEqual(found.first?.location?.line, m.line("- depth <= 1"))
    }

    func testLogicalQubitsIsTheRegister() throws {
        let m = branching(first: "H(qs[0])", second: "", invariants: ["logical_qubits <= 2"], qubits: "[q0, q1, q2]")
        XCTAssertEqual(try exceeded(m).map(\.message), ["Resource 'logical_qubits' = 3 violates bound <= 2"])
    }

    func testArbitraryRotationHasNoTCount() throws {
        let m = branching(first: "Ry(qs[0], 0.3)", second: "", invariants: ["t_count <= 4"])
        let found = try indeterminate(m)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.severity, .warning)
        XCTAssertEqual(found.first?.location?.line, m.line("- t_count <= 4"))
        XCTAssertTrue(try exceeded(m).isEmpty)
    }

    /// s0 --go--> s1 --again--> s1 (a gate), s1 --stop [guard]--> done.
    func loop(_ invariants: [String]) -> TextMachine {
        TextMachine(context: ["| qubits | list<qubit> | [q0, q1] |", "| n | int | 0 |"],
                    events: ["go", "again", "stop"], states: ["s0 [initial]", "s1", "done [final]"],
                    transitions: ["| s0 | go | | s1 | h |", "| s1 | again | more | s1 | h |", "| s1 | stop | !more | done | |"],
                    guards: ["| more | ctx.n < 3 |"],
                    actions: ["| h | (qs) -> qs | H(qs[0]) |"], invariants: invariants)
    }

    func testGateLoopLeavesUpperBoundsUndecided() throws {
        let m = loop(["gate_count <= 5", "gate_count >= 1", "cx_count == 0"])
        let report = try m.verify()
        XCTAssertEqual(report.diagnostics("RESOURCE_BOUND_INDETERMINATE").map(\.location?.line), [m.line("- gate_count <= 5")])
        XCTAssertTrue(report.diagnostics("RESOURCE_BOUND_EXCEEDED").isEmpty)
        // A simple run already over the bound is an error, loop or not.
        XCTAssertEqual(try exceeded(loop(["gate_count < 1"])).count, 1)
    }

    func testParametricCallSitesAreBound() throws {
        let m = TextMachine(context: ["| qubits | list<qubit> | [q0, q1, q2] |"],
                            events: ["a", "b"], states: ["s0 [initial]", "s1", "done [final]"],
                            transitions: ["| s0 | a | | s1 | ent(0, 1) |", "| s1 | b | | done | ent(1, 2) |"],
                            actions: ["| ent | (qs, c: int, t: int) -> qs | CNOT(qs[c], qs[t]) |"],
                            invariants: ["depth == 2", "cx_count == 2", "logical_qubits == 3"])
        let report = try m.verify()
        XCTAssertTrue(report.diagnostics("RESOURCE_BOUND_EXCEEDED").isEmpty, "\(report.diagnostics)")
        XCTAssertTrue(report.diagnostics("RESOURCE_BOUND_INDETERMINATE").isEmpty, "\(report.diagnostics)")
    }

    func testNoResourceInvariantNoDiagnostics() throws {
        let report = try branching(first: "Ry(qs[0], 0.3)", second: "", invariants: []).verify()
        XCTAssertFalse(report.diagnostics.contains { $0.code.hasPrefix("RESOURCE_BOUND") })
    }
}
