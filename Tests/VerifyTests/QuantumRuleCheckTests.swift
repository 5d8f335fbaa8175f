import XCTest
import IR
@testable import Verify

/// NO_CLONING_VIOLATION, INCOMPLETE_COLLAPSE, MID_CIRCUIT_COHERENCE_VIOLATION
/// and FEEDFORWARD_UNUSED: each fires only under its verification rule.
final class QuantumRuleCheckTests: XCTestCase {
    /// s0 --go--> done with one action.
    func single(effect: String, rules: [String]) -> TextMachine {
        TextMachine(events: ["go"], states: ["s0 [initial]", "done [final]"],
                    transitions: ["| s0 | go | | done | act |"],
                    actions: ["| act | (qs) -> qs | \(effect) |"], rules: rules)
    }

    func testCopyingEffectIsAnErrorAndFanoutAWarning() throws {
        let copy = single(effect: "COPY(qs[0])", rules: ["no-cloning: no copies"])
        let found = try copy.verify().diagnostics("NO_CLONING_VIOLATION")
        XCTAssertEqual(found.map(\.severity), [.error])
        XCTAssertEqual(found.first?.message, "Action 'act' appears to clone quantum state: 'COPY(qs[0])'")
        XCTAssertEqual(found.first?.location?.line, copy.line("| act | (qs)"))

        let fanout = try single(effect: "FANOUT(qs[0])", rules: ["no_cloning"]).verify().diagnostics("NO_CLONING_VIOLATION")
        XCTAssertEqual(fanout.map(\.severity), [.warning])

        XCTAssertTrue(try single(effect: "COPY(qs[0])", rules: ["unitarity"]).verify().diagnostics("NO_CLONING_VIOLATION").isEmpty)
        XCTAssertTrue(try single(effect: "CNOT(qs[0], qs[1])", rules: ["no-cloning"]).verify().diagnostics("NO_CLONING_VIOLATION").isEmpty)
    }

    /// s0 --prep--> s1, then two `measure` branches with probability guards.
    func collapse(_ p0: Double, _ p1: Double, rules: [String] = ["completeness: all branches"]) -> TextMachine {
        TextMachine(events: ["prep", "measure"], states: ["s0 [initial]", "s1", "zero [final]", "one [final]"],
                    transitions: ["| s0 | prep | | s1 | h |", "| s1 | measure | p0 | zero | |", "| s1 | measure | p1 | one | |"],
                    guards: ["| p0 | prob('0') ≈ \(p0) |", "| p1 | prob('1') ≈ \(p1) |"],
                    actions: ["| h | (qs) -> qs | H(qs[0]) |"], rules: rules)
    }

    func testMeasurementBranchesMustSumToOne() throws {
        let m = collapse(0.5, 0.4)
        let found = try m.verify().diagnostics("INCOMPLETE_COLLAPSE")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.message,
                       "Measurement branches from state 's1' on event 'measure' have probabilities summing to 0.9000, expected 1.0")
        XCTAssertEqual(found.first?.location?.line, m.line("| s1 | measure | p0"))
        XCTAssertTrue(try collapse(0.5, 0.5).verify().diagnostics("INCOMPLETE_COLLAPSE").isEmpty)
        XCTAssertTrue(try collapse(0.5, 0.4, rules: ["unitarity"]).verify().diagnostics("INCOMPLETE_COLLAPSE").isEmpty)
    }

    /// s0 --m--> s1 (measure qs[0] -> bits[0]) --use--> done (`use` effect).
    func reuse(_ effect: String) -> TextMachine {
        TextMachine(events: ["m", "use"], states: ["s0 [initial]", "s1", "done [final]"],
                    transitions: ["| s0 | m | | s1 | meas |", "| s1 | use | | done | act |"],
                    actions: ["| meas | (qs) -> qs | measure(qs[0]) -> bits[0] |", "| act | (qs) -> qs | \(effect) |"],
                    rules: ["mid_circuit_coherence"])
    }

    func testGateOnAMeasuredQubitIsAnErrorEvenAfterTheFirstGate() throws {
        let m = reuse("H(qs[1]); X(qs[0])")
        let found = try m.verify().diagnostics("MID_CIRCUIT_COHERENCE_VIOLATION")
        XCTAssertEqual(found.map(\.message),
                       ["Action 'act' applies gate 'X' to qubit 0 which was already measured mid-circuit without a reset"])
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.location?.line, m.line("| s1 | use |"))
        XCTAssertTrue(try reuse("H(qs[1]); CNOT(qs[0], qs[1])").verify().diagnostics("MID_CIRCUIT_COHERENCE_VIOLATION").isEmpty,
                      "a measured qubit may control")
        XCTAssertTrue(try reuse("RESET(qs[0]); X(qs[0])").verify().diagnostics("MID_CIRCUIT_COHERENCE_VIOLATION").isEmpty)
        XCTAssertTrue(try reuse("if bits[0] == 1: X(qs[0])").verify().diagnostics("MID_CIRCUIT_COHERENCE_VIOLATION").isEmpty)
    }

    func testMeasurementOnASiblingBranchDoesNotCount() throws {
        // q-orca's single BFS pass flags `flip` because `meas` ran earlier in
        // the walk, although no run takes both (docs/divergences.md #10).
        let m = TextMachine(events: ["a", "b"], states: ["s0 [initial]", "left [final]", "right [final]"],
                            transitions: ["| s0 | a | | left | meas |", "| s0 | b | | right | flip |"],
                            actions: ["| meas | (qs) -> qs | measure(qs[0]) -> bits[0] |", "| flip | (qs) -> qs | X(qs[0]) |"],
                            rules: ["mid_circuit_coherence"])
        XCTAssertTrue(try m.verify().diagnostics("MID_CIRCUIT_COHERENCE_VIOLATION").isEmpty)
    }

    func testMeasurementLaterOnALoopCounts() throws {
        // q-orca visits s0 before the measurement and never again, so it misses this.
        let m = TextMachine(events: ["go", "m", "end"], states: ["s0 [initial]", "s1", "done [final]"],
                            transitions: ["| s0 | go | | s1 | flip |", "| s1 | m | | s0 | meas |", "| s1 | end | | done | |"],
                            actions: ["| flip | (qs) -> qs | X(qs[0]) |", "| meas | (qs) -> qs | measure(qs[0]) -> bits[0] |"],
                            rules: ["mid_circuit_coherence"])
        let found = try m.verify().diagnostics("MID_CIRCUIT_COHERENCE_VIOLATION")
        XCTAssertEqual(found.map(\.location?.line), [m.line("| s0 | go |")])
    }

    func testUnreadMeasuredBitWarns() throws {
        let base = TextMachine(context: ["| qubits | list<qubit> | [q0, q1, q2] |", "| n | int | 0 |"],
                               events: ["m", "fix"], states: ["s0 [initial]", "s1", "done [final]"],
                               transitions: ["| s0 | m | | s1 | meas |", "| s1 | fix | | done | correct |"],
                               actions: ["| meas | (qs) -> qs | measure(qs[0]) -> bits[0]; measure(qs[1]) -> bits[1] |",
                                         "| correct | (qs) -> qs | if bits[0] == 1: X(qs[2]) |"],
                               rules: ["feedforward_completeness: use every bit"])
        let found = try base.verify().diagnostics("FEEDFORWARD_UNUSED")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.severity, .warning)
        XCTAssertTrue(found.first?.message.hasPrefix("Classical bit 1 is written by a mid-circuit measurement") ?? false)
        XCTAssertEqual(found.first?.location?.line, base.line("| meas | (qs)"))

        var read = base
        read.actions[1] = "| correct | (qs) -> qs | if bits[0] == 1 and bits[1] == 0: X(qs[2]) |"
        XCTAssertTrue(try read.verify().diagnostics("FEEDFORWARD_UNUSED").isEmpty)
        var counted = base
        counted.events.append("count")
        counted.states = ["s0 [initial]", "s1", "s2", "done [final]"]
        counted.transitions = ["| s0 | m | | s1 | meas |", "| s1 | fix | | s2 | correct |", "| s2 | count | | done | tally |"]
        counted.actions.append("| tally | (ctx) -> ctx | if bits[1] == 1: n += 1 |")
        XCTAssertTrue(try counted.verify().diagnostics("FEEDFORWARD_UNUSED").isEmpty, "a context update reads bits[1]")
        var unruled = base
        unruled.rules = []
        XCTAssertTrue(try unruled.verify().diagnostics("FEEDFORWARD_UNUSED").isEmpty)
    }
}
