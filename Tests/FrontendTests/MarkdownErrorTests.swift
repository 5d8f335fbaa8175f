import Foundation
import IR
import XCTest
@testable import Frontend

/// A small valid machine; tests splice in their own actions/transitions.
func machineText(actions: String = "| noop | (qs) -> qs | H(qs[0]) |",
                 transitions: String = "| idle | go | | done | noop |",
                 context: String = "| qubits | list<qubit> | [q0, q1] |\n| gamma | float | 0.25 |") -> String {
    """
    # machine T

    ## context
    | Field | Type | Default |
    |-------|------|---------|
    \(context)

    ## state idle [initial]
    ## state done [final]

    ## transitions
    | Source | Event | Guard | Target | Action |
    |--------|-------|-------|--------|--------|
    \(transitions)

    ## actions
    | Name | Signature | Effect |
    |------|-----------|--------|
    \(actions)
    """
}
// Line numbers in machineText: context rows 6–7, transitions row 15, actions row 20 (2-row context).

final class MarkdownErrorTests: XCTestCase {
    private func assertError(_ text: String, line: Int, column: Int, contains fragment: String,
                             file: StaticString = #filePath, lineNo: UInt = #line) {
        guard let error = MarkdownFixtures.error(text) else {
            return XCTFail("expected an error containing '\(fragment)'", file: file, line: lineNo)
        }
        XCTAssertEqual(error.location?.line, line, "\(error)", file: file, line: lineNo)
        XCTAssertEqual(error.location?.column, column, "\(error)", file: file, line: lineNo)
        XCTAssertTrue(error.message.contains(fragment), "\(error)", file: file, line: lineNo)
    }

    func testBaselineParses() throws {
        let machine = try MarkdownFixtures.machine(machineText())
        XCTAssertEqual(machine.transitions.first?.location?.line, 15)
        XCTAssertEqual(machine.actions.first?.location?.line, 20)
        XCTAssertEqual(machine.angleContext, ["gamma": 0.25])
    }

    func testUnknownGate() {
        assertError(machineText(actions: "| noop | (qs) -> qs | H(qs[0]); Foo(qs[0], 0.5) |"),
                    line: 20, column: 33, contains: "unknown gate 'Foo'")
        assertError(machineText(actions: "| noop | (qs, a: angle) -> qs | Rq(qs[1], a) |"),
                    line: 20, column: 33, contains: "unknown gate 'Rq'")
    }

    func testCustomSingleQubitGateIsLegal() throws {
        let machine = try MarkdownFixtures.machine(machineText(actions: "| noop | (qs) -> qs | sdg(qs[1]) |"))
        XCTAssertEqual(machine.actions[0].gates.first?.kind, .custom)
        XCTAssertEqual(machine.actions[0].gates.first?.customName, "SDG")
    }

    func testUndefinedAngleParameter() {
        // Column of the angle `x + a` inside `Ry(qs[0], x + a)` starting at column 34.
        assertError(machineText(actions: "| p | (qs, a: angle) -> qs | Ry(qs[0], x + a) |",
                                transitions: "| idle | go | | done | p(0.1) |"),
                    line: 20, column: 40, contains: "undefined parameter 'x'")
    }

    func testContextFieldAngleIsAllowed() throws {
        let machine = try MarkdownFixtures.machine(machineText(actions: "| noop | (qs) -> qs | Rz(qs[0], 2*gamma) |"))
        XCTAssertEqual(machine.actions[0].gates.first?.angle, .scaled(.symbol("gamma"), by: 2))
    }

    func testCallSiteErrors() {
        let action = "| p | (qs, a: angle, c: int) -> qs | Ry(qs[c], a) |"
        assertError(machineText(actions: action, transitions: "| idle | go | | done | p(0.1) |"),
                    line: 15, column: 24, contains: "expects 2 argument(s), got 1")
        assertError(machineText(actions: action, transitions: "| idle | go | | done | p(0.1, 1.5) |"),
                    line: 15, column: 31, contains: "parameter 'c' expects an int literal, got '1.5'")
        assertError(machineText(actions: action, transitions: "| idle | go | | done | p(zzz, 1) |"),
                    line: 15, column: 26, contains: "undefined parameter 'zzz'")
        assertError(machineText(actions: action, transitions: "| idle | go | | done | q(1, 1) |"),
                    line: 15, column: 24, contains: "call-form action 'q' is not declared")
        assertError(machineText(transitions: "| idle | go | | done | nothere |"),
                    line: 15, column: 24, contains: "bare-name action 'nothere' is not declared")
        assertError(machineText(actions: action, transitions: "| idle | go | | done | p |"),
                    line: 15, column: 24, contains: "is parametric and requires arguments")
        assertError(machineText(transitions: "| idle | go | | done | noop(1) |"),
                    line: 15, column: 24, contains: "is not parametric")
    }

    func testCallSiteBinding() throws {
        let machine = try MarkdownFixtures.machine(machineText(
            actions: "| p | (qs, a: angle, c: int) -> qs | Ry(qs[c], -(a + gamma)) |",
            transitions: "| idle | go | | done | p(pi/2 + gamma, 1) |"))
        let arguments = try XCTUnwrap(machine.transitions[0].action?.arguments)
        XCTAssertEqual(arguments[0].value, .angle(Double.pi / 2 + 0.25))
        XCTAssertEqual(arguments[1].value, .int(1))
        let gate = try XCTUnwrap(machine.actions[0].gates.first)
        XCTAssertEqual(gate.targets, [.parameter("c")])
        let resolved = try gate.resolved(qubitBindings: ["c": 1], angleBindings: ["a": 0.5, "gamma": 0.25])
        XCTAssertEqual(resolved.angle, -0.75)
        XCTAssertEqual(resolved.targets, [1])
    }

    func testTruncatedRows() {
        assertError(machineText(transitions: "| idle | go | | done |"), line: 15, column: 1, contains: "truncated row")
        assertError(machineText(context: "| qubits | list<qubit> |"), line: 6, column: 1, contains: "truncated row")
        assertError(machineText(actions: "| noop | (qs) -> qs |"), line: 20, column: 1, contains: "truncated row")
    }

    func testEmptyFileAndNoMachine() {
        XCTAssertTrue(MarkdownFixtures.error("  \n\n")?.message.contains("empty file") ?? false)
        let noMachine = MarkdownFixtures.error("# Something else\n\nprose\n")
        XCTAssertTrue(noMachine?.message.contains("no '# machine") ?? false)
        XCTAssertEqual(noMachine?.location?.line, 1)
    }

    func testMalformedSignatures() {
        assertError(machineText(actions: "| noop | (ctx, a: angle) -> qs | H(qs[0]) |"),
                    line: 20, column: 10, contains: "must begin with `qs`")
        assertError(machineText(actions: "| noop | (qs, a: float) -> qs | H(qs[0]) |"),
                    line: 20, column: 10, contains: "unknown type 'float'")
        assertError(machineText(actions: "| noop | (qs, a) -> qs | H(qs[0]) |"),
                    line: 20, column: 10, contains: "missing `: type`")
        assertError(machineText(actions: "| noop | qs -> qs | H(qs[0]) |"),
                    line: 20, column: 10, contains: "malformed signature")
        assertError(machineText(actions: "| noop | (qs, a: angle, a: angle) -> qs | H(qs[0]) |"),
                    line: 20, column: 10, contains: "duplicate parameter 'a'")
    }

    func testAngleFirstAndArity() {
        assertError(machineText(actions: "| noop | (qs) -> qs | Ry(0.5, qs[0]) |"),
                    line: 20, column: 23, contains: "angle-first argument order")
        assertError(machineText(actions: "| noop | (qs) -> qs | MCX(qs[0], qs[1]) |"),
                    line: 20, column: 23, contains: "MCX requires at least 3 qubit arguments")
        assertError(machineText(actions: "| noop | (qs) -> qs | CSWAP(qs[0], qs[1]) |"),
                    line: 20, column: 23, contains: "CSWAP requires 3 qubit arguments")
        assertError(machineText(actions: "| noop | (qs) -> qs | CNOT(qs[0]) |"),
                    line: 20, column: 23, contains: "CNOT requires 2 qubit arguments")
        assertError(machineText(actions: "| noop | (qs) -> qs | Rx(qs[0], pi/0) |"),
                    line: 20, column: 33, contains: "division by zero")
        assertError(machineText(actions: "| noop | (qs) -> qs | H(qs[c]) |"),
                    line: 20, column: 25, contains: "unbound identifier 'c'")
        assertError(machineText(actions: "| noop | (qs) -> qs | H(qs[0]); n += 1 |"),
                    line: 20, column: 33, contains: "cannot be combined")
        assertError(machineText(actions: "| noop | (qs) -> qs | just words |"),
                    line: 20, column: 23, contains: "unrecognized effect statement")
    }

    func testSectionShapeErrors() {
        let detached = machineText().replacingOccurrences(of: "## transitions\n", with: "## transitions\n> note\n")
        assertError(detached, line: 13, column: 1, contains: "must be followed directly by a table")
        let duplicate = machineText() + "\n\n## transitions\n| Source | Event | Target |\n|---|---|---|\n| a | b | c |\n"
        assertError(duplicate, line: 22, column: 1, contains: "duplicate section")
        let inline = "# machine T\n\n## context | Field | Type |\n|---|---|\n| a | int |\n"
        assertError(inline, line: 3, column: 12, contains: "inline table content")
        let outside = machineText() + "\n\n---\n\n## events\n- x\n"
        assertError(outside, line: 24, column: 1, contains: "outside any machine")
    }

    func testTierInvariantRange() {
        let text = machineText() + "\n\n## invariants\n- concept_gram_tier_separation >= 1.5\n"
        assertError(text, line: 23, column: 3, contains: "invariant_value_out_of_range")
    }
}
