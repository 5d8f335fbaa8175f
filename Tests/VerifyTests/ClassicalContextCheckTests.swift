import XCTest
import Frontend
import IR
@testable import Verify

/// A `.q.orca.md` machine assembled from table rows, read with the reader so
/// diagnostics carry real line numbers.
struct TextMachine {
    var context = ["| qubits | list<qubit> | [q0, q1] |"]
    var events: [String]
    var states: [String]
    var transitions: [String]
    var guards: [String] = []
    var actions: [String]
    var rules: [String] = []
    var invariants: [String] = []

    var text: String {
        var lines = ["# machine M", "", "## context", "| Field | Type | Default |", "|---|---|---|"] + context
        lines += ["", "## events"] + events.map { "- \($0)" }
        for state in states { lines += ["", "## state \(state)"] }
        lines += ["", "## transitions", "| Source | Event | Guard | Target | Action |", "|---|---|---|---|---|"] + transitions
        if !guards.isEmpty { lines += ["", "## guards", "| Name | Expression |", "|---|---|"] + guards }
        lines += ["", "## actions", "| Name | Signature | Effect |", "|---|---|---|"] + actions
        if !rules.isEmpty { lines += ["", "## verification rules"] + rules.map { "- \($0)" } }
        if !invariants.isEmpty { lines += ["", "## invariants"] + invariants.map { "- \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Fails the calling test when a structural error stopped verification,
    /// so an expected absence of a diagnostic is never vacuous.
    func verify(file: StaticString = #filePath, line: UInt = #line) throws -> MachineReport {
        let report = try Verifier.verify(try QOrcaReader.read(text: text, file: "test.q.orca.md")[0])
        let structural: Set<String> = ["NO_INITIAL_STATE", "UNDECLARED_STATE", "UNREACHABLE_STATE", "DEADLOCK"]
        let stopped = report.diagnostics.filter { structural.contains($0.code) }
        XCTAssertTrue(stopped.isEmpty, "structural errors: \(stopped.map(\.message))", file: file, line: line)
        return report
    }

    /// 1-based line of the first line containing `marker`.
    func line(_ marker: String) -> Int {
        (text.components(separatedBy: "\n").firstIndex { $0.contains(marker) } ?? -2) + 1
    }
}

extension MachineReport {
    func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
}

final class ClassicalContextCheckTests: XCTestCase {
    /// s0 --go--> s1 --stop--> done, `bump` on go.
    func machine(context: [String], effect: String) -> TextMachine {
        TextMachine(context: ["| qubits | list<qubit> | [q0, q1] |"] + context,
                    events: ["go", "stop"], states: ["s0 [initial]", "s1", "done [final]"],
                    transitions: ["| s0 | go | | s1 | bump |", "| s1 | stop | | done | |"],
                    actions: ["| bump | (ctx) -> ctx | \(effect) |"])
    }

    func testContextUpdateParsing() {
        let plain = ContextUpdate.parse("ctx.outcome = 10")
        XCTAssertEqual(plain?.thenMutations, [.init(field: "outcome", index: nil, op: "=", value: .int(10))])
        XCTAssertNil(plain?.condition)
        let gated = ContextUpdate.parse("if bits[1] == 1: theta[0] -= eta; else: n += 2.5")
        XCTAssertEqual(gated?.condition, BitCondition(bit: 1, value: 1))
        XCTAssertEqual(gated?.thenMutations, [.init(field: "theta", index: 0, op: "-=", value: .field("eta"))])
        XCTAssertEqual(gated?.elseMutations, [.init(field: "n", index: nil, op: "+=", value: .float(2.5))])
        XCTAssertNil(ContextUpdate.parse("H(qs[0])"))
        XCTAssertNil(ContextUpdate.parse("x == 1"))
    }

    func testUndeclaredFieldOnEitherSide() throws {
        let m = machine(context: ["| n | int | 0 |"], effect: "ghost += 1; n += step")
        let found = try m.verify().diagnostics("UNDECLARED_CONTEXT_FIELD")
        XCTAssertEqual(found.map(\.message), ["Action 'bump' mutates undeclared context field 'ghost'",
                                              "Action 'bump' references undeclared context field 'step' as a mutation RHS."])
        XCTAssertEqual(found.map(\.location?.line), [m.line("| bump | (ctx)"), m.line("| bump | (ctx)")])
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertTrue(try machine(context: ["| n | int | 0 |"], effect: "ctx.n += 1").verify().diagnostics("UNDECLARED_CONTEXT_FIELD").isEmpty)
    }

    func testFieldTypes() throws {
        let m = machine(context: ["| x | float | 0.0 |", "| ks | list<int> | [1, 2] |", "| flag | bool | true |", "| n | int | 0 |"],
                        effect: "x += 1; ks[0] += 1; n = flag")
        let found = try m.verify().diagnostics("CONTEXT_FIELD_TYPE_MISMATCH")
        XCTAssertEqual(found.map(\.message), [
            "Action 'bump': scalar context mutation requires an `int` field, but 'x' has a different type.",
            "Action 'bump': indexed context mutation requires a `list<float>` field, but 'ks' has a different type.",
            "Action 'bump': RHS field 'flag' must be an `int` or `float` scalar.",
        ])
        XCTAssertTrue(found.allSatisfy { $0.location?.line == m.line("| bump | (ctx)") && $0.severity == .error })
        let fine = machine(context: ["| theta | list<float> | [0.1, 0.2] |", "| eta | float | 0.1 |", "| n | int | 0 |"],
                           effect: "theta[1] -= eta; n += n")
        XCTAssertTrue(try fine.verify().diagnostics("CONTEXT_FIELD_TYPE_MISMATCH").isEmpty)
    }

    func testIndexOutsideTheListDefault() throws {
        let context = ["| theta | list<float> | [0.1, 0.2] |", "| eta | float | 0.1 |"]
        let m = machine(context: context, effect: "theta[2] -= eta")
        let found = try m.verify().diagnostics("CONTEXT_INDEX_OUT_OF_RANGE")
        XCTAssertEqual(found.map(\.message), ["Action 'bump': index 2 is outside the default-value length (2) of list field 'theta'."])
        XCTAssertEqual(found.first?.location?.line, m.line("| bump | (ctx)"))
        XCTAssertTrue(try machine(context: context, effect: "theta[1] -= eta").verify().diagnostics("CONTEXT_INDEX_OUT_OF_RANGE").isEmpty)
    }

    /// s0 --meas--> s1 --go--> s2 --stop--> done, plus optionally a shortcut
    /// s0 --skip--> s1 that does not measure.
    func bitMachine(shortcut: Bool) -> TextMachine {
        TextMachine(context: ["| qubits | list<qubit> | [q0, q1] |", "| n | int | 0 |"],
                    events: ["meas", "skip", "go", "stop"], states: ["s0 [initial]", "s1", "s2", "done [final]"],
                    transitions: ["| s0 | meas | | s1 | m0 |"] + (shortcut ? ["| s0 | skip | | s1 | |"] : [])
                        + ["| s1 | go | | s2 | count |", "| s2 | stop | | done | |"],
                    actions: ["| m0 | (qs) -> qs | measure(qs[0]) -> bits[0] |", "| count | (ctx) -> ctx | if bits[0] == 1: n += 1 |"])
    }

    func testBitReadOnAPathWithoutItsMeasurement() throws {
        let m = bitMachine(shortcut: true)
        let found = try m.verify().diagnostics("BIT_READ_BEFORE_WRITE")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.location?.line, m.line("| s1 | go |"))
        XCTAssertEqual(found.first?.message,
            "Action 'count' reads bits[0] in a context-update condition, but some path from the initial state reaches it without a prior measure(...) -> bits[0].")
        XCTAssertTrue(try bitMachine(shortcut: false).verify().diagnostics("BIT_READ_BEFORE_WRITE").isEmpty)
    }

    /// s0 --go--> s1 --again--> s1 (bump), s1 --stop [guard]--> done.
    func loopMachine(guardExpression: String?) -> TextMachine {
        TextMachine(context: ["| qubits | list<qubit> | [q0, q1] |", "| n | int | 0 |"],
                    events: ["go", "again", "stop"], states: ["s0 [initial]", "s1", "done [final]"],
                    transitions: ["| s0 | go | | s1 | |", "| s1 | again | | s1 | bump |",
                                  "| s1 | stop | \(guardExpression == nil ? "" : "enough") | done | |"],
                    guards: guardExpression.map { ["| enough | \($0) |"] } ?? [],
                    actions: ["| bump | (ctx) -> ctx | n += 1 |"])
    }

    func testContextLoopWithoutABoundingGuardWarns() throws {
        let m = loopMachine(guardExpression: nil)
        let found = try m.verify().diagnostics("UNBOUNDED_CONTEXT_LOOP")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.severity, .warning)
        XCTAssertEqual(found.first?.location?.line, m.line("| s1 | again |"))
        XCTAssertTrue(try loopMachine(guardExpression: "ctx.n >= 3").verify().diagnostics("UNBOUNDED_CONTEXT_LOOP").isEmpty)
        XCTAssertEqual(try loopMachine(guardExpression: "ctx.n == 3").verify().diagnostics("UNBOUNDED_CONTEXT_LOOP").count, 1,
                       "== does not bound a counter")
        // An update off any cycle needs no bound.
        XCTAssertTrue(try machine(context: ["| n | int | 0 |"], effect: "n += 1").verify().diagnostics("UNBOUNDED_CONTEXT_LOOP").isEmpty)
    }
}
