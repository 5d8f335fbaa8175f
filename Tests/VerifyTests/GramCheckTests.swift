import XCTest
import IR
@testable import Verify

final class GramCheckTests: XCTestCase {
    func testTierSeparationInvariantViolationPointsAtTheInvariant() throws {
        var machine = try Fixtures.animalsMachine()
        machine.invariants = [Invariant(kind: .tierSeparation(.ge, 0.5), text: "concept_gram_tier_separation >= 0.5",
                                        location: Fixtures.at(50))]
        let report = try Verifier.verify(machine)
        let diagnostic = try XCTUnwrap(report.diagnostics.first { $0.code == "HEA_TIER_INVARIANT_VIOLATED" })
        XCTAssertEqual(diagnostic.location?.line, 50)
        // separation = mean within (≈1.0) − max cross (0.5931) = 0.406867…
        XCTAssertTrue(diagnostic.message.contains("actual 0.406867"), diagnostic.message)
    }

    func testTierSeparationInvariantThatHoldsIsSilent() throws {
        var machine = try Fixtures.animalsMachine()
        machine.invariants = [Invariant(kind: .tierSeparation(.ge, 0.4), text: "", location: Fixtures.at(50))]
        XCTAssertFalse(try Verifier.verify(machine).diagnostics.contains { $0.code.hasPrefix("HEA_TIER") })
    }

    func testSeparationMatchesTheReferenceFacts() throws {
        let report = try Verifier.verify(try Fixtures.animalsMachine())
        let result = try XCTUnwrap(TierSeparation.compute(try XCTUnwrap(report.gram), clusters: ["dogs", "dogs", "birds", "birds"]))
        XCTAssertEqual(result.separation, 0.4068672016343229, accuracy: 1e-12) // facts.json
    }

    func testTierOrderViolationIsAWarning() throws {
        // Put a dog in the birds' cluster: within-cluster overlap 0.5931 < cross-cluster 1.0.
        var machine = try Fixtures.animalsMachine()
        machine.states[2].description = "`|dog_beagle>` prepared. Cluster: birds."
        let report = try Verifier.verify(machine)
        let diagnostic = try XCTUnwrap(report.diagnostics.first { $0.code == "TIER_ORDER_VIOLATED" })
        XCTAssertEqual(diagnostic.severity, .warning)
    }

    func testDeclaredTierChainMustMatchTheGram() throws {
        var machine = try Fixtures.animalsMachine(phis: [0, Double.pi / 2, 0, Double.pi / 2])
        machine.verificationRules.append(VerificationRule(kind: "tiers", description: nil,
            text: "tiers: same 0.8851 > cross 0.6816 > matched 0.5931", location: Fixtures.at(70)))
        XCTAssertFalse(try Verifier.verify(machine).diagnostics.contains { $0.code == "TIER_VALUE_MISMATCH" })

        machine.verificationRules[machine.verificationRules.count - 1].text = "tiers: same 0.95 > cross 0.6816"
        let diagnostic = try Verifier.verify(machine).diagnostics.first { $0.code == "TIER_VALUE_MISMATCH" }
        XCTAssertEqual(diagnostic?.location?.line, 70)
    }

    func testTierChainsIgnoreKetsAndArrows() throws {
        let chains = DeclaredTierValues.chains(in: "P(|000>) per query (1.000 self, 0.882 sub-mate) -> 0.5 and 0.882 > 0.753 > 0.593; cos(0.5)")
        XCTAssertEqual(chains.count, 1)
        XCTAssertEqual(chains.first?.values.map(\.text), ["0.882", "0.753", "0.593"])
    }

    func testBondDimensionAboveTwoIsReported() throws {
        // Two Bell pairs (q0,q2) and (q1,q3): rank 4 across the middle cut.
        let gates = [Gate(kind: .H, targets: [.index(0)]), Gate(kind: .H, targets: [.index(1)]),
                     Gate(kind: .CNOT, targets: [.index(2)], controls: [.index(0)]),
                     Gate(kind: .CNOT, targets: [.index(3)], controls: [.index(1)]),
                     Gate(kind: .Ry, targets: [.index(0)], angle: .symbol("a"))]
        let action = ActionDecl(name: "prepare_concept", signature: "(qs, a: angle) -> qs",
                                parameters: [.init(name: "a", type: .angle)], returnType: "qs",
                                effectText: effectText(gates), statements: gates.map(EffectStatement.gate))
        let call = ActionCall(name: "prepare_concept", label: "prepare_concept(0.1)",
                              arguments: [ActionArgument(parameter: "a", value: .angle(0.1), text: "0.1")])
        let machine = Machine(name: "Wide",
            context: [ContextField(name: "qubits", type: "list<qubit>", defaultValue: "[q0, q1, q2, q3]")],
            events: [EventDecl(name: "prepare_x")],
            states: [StateDecl(name: "idle", isInitial: true), StateDecl(name: "prepared_x", isFinal: true)],
            transitions: [Transition(source: "idle", event: "prepare_x", target: "prepared_x", action: call, location: Fixtures.at(20))],
            actions: [action],
            verificationRules: [VerificationRule(kind: "mps_bond_2_with_phase_knob", description: nil, text: "mps_bond_2_with_phase_knob")])
        let diagnostic = try Verifier.verify(machine).diagnostics.first { $0.code == "MPS_BOND_DIMENSION_EXCEEDED" }
        XCTAssertEqual(diagnostic?.location?.line, 20)
        XCTAssertTrue(diagnostic?.message.contains("Schmidt rank 4") ?? false)
    }
}
