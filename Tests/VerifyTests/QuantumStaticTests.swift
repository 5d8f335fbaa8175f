import XCTest
import IR
@testable import Verify

final class QuantumStaticTests: XCTestCase {
    func testTwoTermKetSumIsEntangledOnlyWhenTheKetsDifferInTwoQubits() {
        XCTAssertTrue(EntanglementPattern.isEntangled("(|00> + |11>)/√2"))
        XCTAssertTrue(EntanglementPattern.isEntangled("(|000> - |111>)/√2"))
        XCTAssertFalse(EntanglementPattern.isEntangled("(|00> + |10>)/√2"), "product state (docs/divergences.md #7)")
        XCTAssertTrue(EntanglementPattern.isEntangled("a Bell pair"))
        XCTAssertFalse(EntanglementPattern.isEntangled("|0>"))
    }

    func machine(expression: String, gate: Gate) -> Machine {
        let action = ActionDecl(name: "go", signature: "(qs) -> qs", parameters: [], returnType: "qs",
                                effectText: effectText([gate]), statements: [.gate(gate)])
        return Machine(name: "E",
            context: [ContextField(name: "qubits", type: "list<qubit>", defaultValue: "[q0, q1]")],
            events: [EventDecl(name: "step")],
            states: [StateDecl(name: "|00>", isInitial: true),
                     StateDecl(name: "|ψ>", expression: expression, isFinal: true, location: Fixtures.at(8))],
            transitions: [Transition(source: "|00>", event: "step", target: "|ψ>",
                                     action: ActionCall(name: "go", label: "go", arguments: nil))],
            actions: [action],
            verificationRules: [VerificationRule(kind: "entanglement", description: nil, text: "entanglement")])
    }

    func testEntangledStateReachedWithoutAnEntanglingGateIsAWarning() throws {
        let report = try Verifier.verify(machine(expression: "(|00> + |11>)/√2", gate: Gate(kind: .H, targets: [.index(0)])))
        let diagnostic = report.diagnostics.first { $0.code == "ENTANGLEMENT_WITHOUT_GATE" }
        XCTAssertEqual(diagnostic?.location?.line, 8)
        let clean = try Verifier.verify(machine(expression: "(|00> + |11>)/√2",
                                                gate: Gate(kind: .CNOT, targets: [.index(1)], controls: [.index(0)])))
        XCTAssertFalse(clean.diagnostics.contains { $0.code == "ENTANGLEMENT_WITHOUT_GATE" })
    }

    func testEntanglementRuleWithoutEntangledStatesWarns() throws {
        let report = try Verifier.verify(machine(expression: "(|00> + |10>)/√2", gate: Gate(kind: .H, targets: [.index(0)])))
        XCTAssertTrue(report.diagnostics.contains { $0.code == "NO_ENTANGLEMENT" })
    }

    func testProbabilityGuardsSummingToOneAreExclusive() {
        let refs = [GuardRef(name: "p0", negated: false, text: "p0"), GuardRef(name: "p1", negated: false, text: "p1")]
        let halves = [GuardDecl(name: "p0", expression: "", condition: .probability(bitstring: "00", value: 0.5)),
                      GuardDecl(name: "p1", expression: "", condition: .probability(bitstring: "11", value: 0.5))]
        XCTAssertTrue(GuardOverlapCheck.provablyExclusive(refs, definitions: halves))
        let skewed = [GuardDecl(name: "p0", expression: "", condition: .probability(bitstring: "00", value: 0.5)),
                      GuardDecl(name: "p1", expression: "", condition: .probability(bitstring: "11", value: 0.4))]
        XCTAssertFalse(GuardOverlapCheck.provablyExclusive(refs, definitions: skewed))
        let compares = [GuardDecl(name: "p0", expression: "", condition: .compare(path: ["x"], op: "==", value: "1")),
                        GuardDecl(name: "p1", expression: "", condition: .compare(path: ["x"], op: "==", value: "2"))]
        XCTAssertTrue(GuardOverlapCheck.provablyExclusive(refs, definitions: compares))
        XCTAssertTrue(GuardOverlapCheck.provablyExclusive(
            [GuardRef(name: "g", negated: false, text: "g"), GuardRef(name: "g", negated: true, text: "!g")], definitions: []))
    }
}
