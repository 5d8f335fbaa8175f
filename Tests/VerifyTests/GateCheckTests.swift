import XCTest
import IR
@testable import Verify

final class GateCheckTests: XCTestCase {
    /// A two-qubit machine whose single action runs `gates`.
    func machine(_ gates: [Gate], rules: [String] = ["unitarity"]) -> Machine {
        Machine(name: "M",
                context: [ContextField(name: "qubits", type: "list<qubit>", defaultValue: "[q0, q1]")],
                events: [EventDecl(name: "go")],
                states: [StateDecl(name: "a", isInitial: true), StateDecl(name: "b", isFinal: true)],
                transitions: [Transition(source: "a", event: "go", target: "b",
                                         action: ActionCall(name: "act", label: "act", arguments: nil))],
                actions: [ActionDecl(name: "act", signature: "(qs) -> qs", parameters: [], returnType: "qs",
                                     effectText: effectText(gates), statements: gates.map(EffectStatement.gate),
                                     location: Fixtures.at(12))],
                verificationRules: rules.map { VerificationRule(kind: $0, description: nil, text: $0) })
    }

    /// q-orca only range-checks the first gate (docs/divergences.md #1).
    func testLaterGateOutsideTheRegisterIsReported() throws {
        let report = try Verifier.verify(machine([Gate(kind: .H, targets: [.index(0)]),
                                              Gate(kind: .X, targets: [.index(7)], location: Fixtures.at(13))]))
        let diagnostic = report.diagnostics.first { $0.code == "QUBIT_INDEX_OUT_OF_RANGE" }
        XCTAssertNotNil(diagnostic)
        XCTAssertEqual(diagnostic?.location?.line, 13)
        XCTAssertFalse(report.isValid(strict: false))
    }

    func testCustomGateIsUnverified() throws {
        let report = try Verifier.verify(machine([Gate(kind: .custom, targets: [.index(0)], customName: "SDG")]))
        XCTAssertTrue(report.diagnostics.contains { $0.code == "UNVERIFIED_UNITARITY" && $0.severity == .warning })
    }

    func testControlEqualToTargetIsAnError() throws {
        let report = try Verifier.verify(machine([Gate(kind: .CNOT, targets: [.index(1)], controls: [.index(1)])]))
        XCTAssertTrue(report.diagnostics.contains { $0.code == "CONTROL_TARGET_OVERLAP" })
    }

    func testRangeChecksNeedTheUnitarityRule() throws {
        let report = try Verifier.verify(machine([Gate(kind: .X, targets: [.index(7)])], rules: []))
        XCTAssertFalse(report.diagnostics.contains { $0.code == "QUBIT_INDEX_OUT_OF_RANGE" })
    }

    func testInfiniteAngleAtACallSiteIsNotUnitary() throws {
        var m = try Fixtures.animalsMachine()
        m.transitions[0].action?.arguments?[0].value = .angle(.infinity)
        m.transitions[0].location = Fixtures.at(30)
        let report = try Verifier.verify(m)
        let diagnostic = report.diagnostics.first { $0.code == "DYNAMIC_NON_UNITARY_GATE" }
        XCTAssertEqual(diagnostic?.location?.line, 30)
    }
}
