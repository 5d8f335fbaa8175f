import Foundation
import IR
import XCTest
@testable import Frontend

final class MarkdownStructureTests: XCTestCase {
    func testAnimalsInterference() throws {
        let path = MarkdownFixtures.corpusFile("larql-animals-interference.q.orca.md")
        let machine = try XCTUnwrap(QOrcaReader.read(path: path).first)
        XCTAssertEqual(machine.name, "LarqlAnimalsInterference")
        XCTAssertEqual(machine.location?.line, 1)
        XCTAssertEqual(machine.context.map(\.name), ["qubits"])
        XCTAssertEqual(machine.context.first?.defaultValue, "[q0, q1, q2]")
        XCTAssertEqual(machine.events.count, 5)
        XCTAssertEqual(machine.states.count, 6)
        XCTAssertEqual(machine.states.filter(\.isInitial).map(\.name), ["idle"])
        XCTAssertEqual(machine.states.filter(\.isFinal).map(\.name), ["done"])
        XCTAssertEqual(machine.states[1].description,
                       "`|c_0> = prepare_concept(0, -0.5, 0, 0) |000>`. Dogs cluster, φ = 0.")
        XCTAssertEqual(machine.otherSections.map(\.heading),
                       ["Concept geometry", "Note on the analytic helper convention"])

        let action = try XCTUnwrap(machine.action(named: "prepare_concept"))
        XCTAssertEqual(action.parameters.map(\.name), ["a", "b", "c", "phi"])
        XCTAssertEqual(action.returnType, "qs")
        XCTAssertEqual(action.gates.count, 6)
        XCTAssertEqual(action.gates.map(\.kind), [.Ry, .CNOT, .Ry, .Rz, .CNOT, .Ry])
        XCTAssertEqual(action.gates[2].angle, .sum([.symbol("a"), .symbol("b")]))
        XCTAssertEqual(action.gates[2].description, "Ry(qs[1], a + b)")
        XCTAssertEqual(action.gates[1].controls, [.index(0)])
        XCTAssertEqual(action.gates[1].targets, [.index(1)])

        let calls = machine.transitions.compactMap(\.action)
        XCTAssertEqual(calls.count, 4)
        let phis: [Double] = calls.map { call in
            guard case .angle(let v)? = call.arguments?.last?.value else { return .nan }
            return v
        }
        XCTAssertEqual(phis, [0.0, 1.5707963, 0.0, 1.5707963])
        let betas: [Double] = calls.map { call in
            guard case .angle(let v)? = call.arguments?[1].value else { return .nan }
            return v
        }
        XCTAssertEqual(betas, [-0.5, -0.5, 0.5, 0.5])
        XCTAssertEqual(calls[0].arguments?.map(\.parameter), ["a", "b", "c", "phi"])
        XCTAssertEqual(calls[1].label, "prepare_concept(0.0, -0.5, 0.0, 1.5707963)")
        XCTAssertEqual(machine.transitions.count, 8)
        XCTAssertNil(machine.transitions[4].action)
        XCTAssertTrue(machine.verificationRules.contains { $0.kind == "measurement_collapse_allowed" })
        XCTAssertEqual(machine.verificationRules.first?.kind, "unitarity")
    }

    func testPositions() throws {
        let path = MarkdownFixtures.corpusFile("larql-animals-interference.q.orca.md")
        let machine = try XCTUnwrap(QOrcaReader.read(path: path).first)
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let first = machine.transitions[0]
        XCTAssertEqual(first.location?.line, 109)
        XCTAssertEqual(first.location?.column, 1)
        XCTAssertTrue(lines[108].contains("prepare_dog_at_rest"))
        let action = try XCTUnwrap(machine.action(named: "prepare_concept"))
        XCTAssertEqual(action.location?.line, 121)
        // Third gate `Ry(qs[1], a + b)` inside the effect cell.
        let gate = action.gates[2]
        let line = Array(lines[gate.location!.line - 1])
        let column = gate.location!.column
        XCTAssertEqual(String(line[(column - 1)..<(column - 1 + 16)]), "Ry(qs[1], a + b)")
        let arg = try XCTUnwrap(machine.transitions[1].action?.arguments?[3])
        let argLine = Array(lines[arg.location!.line - 1])
        XCTAssertEqual(String(argLine[(arg.location!.column - 1)...].prefix(9)), "1.5707963")
        XCTAssertEqual(machine.states[0].location?.line, 88)
        XCTAssertEqual(machine.states[0].location?.column, 1)
    }

    func testHEAMinimal() throws {
        let machine = try XCTUnwrap(QOrcaReader.read(path: MarkdownFixtures.corpusFile("larql-hea-minimal.q.orca.md")).first)
        let encoding = try XCTUnwrap(machine.encoding)
        XCTAssertEqual(encoding.kind, "hea")
        XCTAssertEqual(encoding.depth, 3)
        XCTAssertEqual(encoding.entangler, "ring")
        XCTAssertEqual(encoding.rotations, [.Ry, .Rz])
        XCTAssertEqual(encoding.register, "qubits")
        XCTAssertEqual(machine.theta.map(\.concept), ["a", "b", "c"])
        XCTAssertEqual(machine.theta.map(\.cluster), ["s1", "s1", "s2"])
        XCTAssertEqual(machine.theta[0].tensor[0][0], [0.0457, -0.156, 0.1126])
        XCTAssertEqual(machine.theta[2].tensor[1][2], [1.243, 0.9765, 0.9332])
        XCTAssertEqual(machine.invariants.map(\.kind), [.tierSeparation(.ge, 0.025)])
        XCTAssertEqual(machine.states.filter(\.isFinal).count, 3)
        XCTAssertEqual(machine.transitions.map { $0.action?.name }, ["query_concept", "query_concept", "query_concept"])
        XCTAssertNil(machine.transitions[0].action?.arguments)
        XCTAssertTrue(machine.summary.first?.hasPrefix("Rung-2 hardware-efficient ansatz") ?? false)
    }

    func testEmittedAmpBranch() throws {
        let r3 = try XCTUnwrap(QOrcaReader.read(path: MarkdownFixtures.caseFile("animals_rung3", "AnimalsR3.q.orca.md")).first)
        let amp3 = try XCTUnwrap(r3.ampBranch)
        XCTAssertEqual(amp3.columns, ["concept", "theta_amp", "psi_aux"])
        XCTAssertTrue(amp3.rows.allSatisfy { $0.knobs.count == 1 })
        let r4 = try XCTUnwrap(QOrcaReader.read(path: MarkdownFixtures.caseFile("animals_rung4", "AnimalsR4.q.orca.md")).first)
        XCTAssertTrue(try XCTUnwrap(r4.ampBranch).rows.allSatisfy { $0.knobs.count == 2 })
        let r5 = try XCTUnwrap(QOrcaReader.read(path: MarkdownFixtures.caseFile("animals_rung5_k2", "AnimalsR5.q.orca.md")).first)
        let amp5 = try XCTUnwrap(r5.ampBranch)
        XCTAssertEqual(amp5.rows.map(\.concept), ["dog_poodle", "dog_beagle", "bird_hawk", "bird_sparrow"])
        XCTAssertEqual(amp5.rows[1].knobs, [AmpKnob(theta: 0.1, psi: 0.2), AmpKnob(theta: 0.3, psi: 1e-05)])
        XCTAssertEqual(amp5.rows[3].knobs, [AmpKnob(theta: 0.7853981633974483, psi: 0.0), AmpKnob(theta: 1.0, psi: -2.0)])
        XCTAssertFalse(r5.otherSections.contains { $0.heading == "amp branch" })

        let hea = try XCTUnwrap(QOrcaReader.read(path: MarkdownFixtures.caseFile("animals_hea_rung2", "AnimalsHEA.q.orca.md")).first)
        XCTAssertNotNil(hea.encoding)
        XCTAssertFalse(hea.theta.isEmpty)
        for row in hea.theta {
            XCTAssertEqual(row.tensor.count, hea.encoding!.rotations.count)
            XCTAssertEqual(row.tensor[0].count, hea.encoding!.depth)
        }
    }

    func testGroverHeadSyntax() throws {
        let machine = try XCTUnwrap(QOrcaReader.read(path: MarkdownFixtures.corpusFile("grover-search.q.orca.md")).first)
        let loop = try XCTUnwrap(machine.state(named: "|amplifying>"))
        XCTAssertEqual(loop.annotations, ["loop ceil(pi/4 * sqrt(N))"])
        XCTAssertEqual(machine.transitions[2].action?.name, "grover_iterate")
        XCTAssertEqual(machine.transitions[2].loopTag, "loop_back")
        XCTAssertEqual(machine.transitions[3].loopTag, "loop_done")
    }

    func testTeleportationAndBitFlip() throws {
        let tele = try XCTUnwrap(QOrcaReader.read(path: MarkdownFixtures.corpusFile("quantum-teleportation.q.orca.md")).first)
        XCTAssertEqual(tele.states.first?.name, "|ψ00>")
        XCTAssertTrue(tele.states.first?.isInitial ?? false)  // first state becomes initial
        XCTAssertEqual(tele.transitions[1].guardRef?.name, "alice_Φ+")
        XCTAssertEqual(tele.guards.count, 4)
        XCTAssertEqual(tele.guards[0].expression, "fidelity(|ψΦ+>, |Φ+>) ** 2 ≈ 0.25")
        XCTAssertEqual(tele.action(named: "set_outcome_0")?.statements.count, 1)
        if case .contextUpdate(let text, _)? = tele.action(named: "set_outcome_0")?.statements.first {
            XCTAssertEqual(text, "ctx.outcome = 0")
        } else { XCTFail("expected context update") }
        XCTAssertEqual(tele.action(named: "apply_H_CNOT")?.gates.map(\.kind), [.H, .CNOT])

        let bitFlip = try XCTUnwrap(QOrcaReader.read(path: MarkdownFixtures.corpusFile("bit-flip-code.q.orca.md")).first)
        XCTAssertEqual(bitFlip.transitions[0].source, "|encoded>")
        XCTAssertEqual(bitFlip.transitions[0].target, "|extracted>")
        XCTAssertEqual(bitFlip.action(named: "meas_s0")?.statements,
                       [.midCircuitMeasure(qubit: 3, bit: 0, location: bitFlip.action(named: "meas_s0")?.statements.first.flatMap {
                           if case .midCircuitMeasure(_, _, let l) = $0 { return l } else { return nil } })])
        XCTAssertTrue(bitFlip.otherSections.contains { $0.heading == "noise_model" })
        XCTAssertEqual(bitFlip.states.count, 7)
    }
}
