import XCTest
import Frontend
import IR
@testable import Verify

final class DynamicAnalysisTests: XCTestCase {
    func corpus(_ name: String) throws -> Machine {
        let path = Fixtures.referenceCases.deletingLastPathComponent().appendingPathComponent("qorca-corpus/\(name).q.orca.md")
        return try QOrcaReader.read(path: path.path)[0]
    }

    func testBellEntanglerBranchesReachTheBellStateEntangled() throws {
        let machine = try corpus("bell-entangler")
        let analysis = try XCTUnwrap(try DynamicAnalysis.run(machine, initial: MachineAnalysis(machine).initialState))
        XCTAssertEqual(analysis.qubitCount, 2)
        let toBell = analysis.branches.filter { $0.states.contains("|ψ>") }
        XCTAssertFalse(toBell.isEmpty)
        XCTAssertTrue(toBell.allSatisfy { $0.end == .measurement })
        // H then CNOT: a Bell pair, one ebit across the only cut.
        for branch in toBell {
            XCTAssertEqual(branch.schmidtRanks, [2])
            XCTAssertEqual(branch.entropies[0], 1, accuracy: 1e-12)
        }
        XCTAssertTrue(analysis.check(machine).isEmpty)
    }

    func testGHZBranchesAreEntangledAtEveryCut() throws {
        let machine = try corpus("ghz-state")
        let analysis = try XCTUnwrap(try DynamicAnalysis.run(machine, initial: MachineAnalysis(machine).initialState))
        let toGHZ = try XCTUnwrap(analysis.branches.first { $0.states.contains("|GHZ>") })
        XCTAssertEqual(toGHZ.schmidtRanks, [2, 2])
        XCTAssertEqual(toGHZ.entropies[1], 1, accuracy: 1e-12)
    }

    /// A state named "bell" that only ever holds a product state fails.
    func testBellNamedProductStateIsAnError() throws {
        let gates = [Gate(kind: .H, targets: [.index(0)]), Gate(kind: .H, targets: [.index(1)])]
        let machine = Machine(name: "NotBell",
            context: [ContextField(name: "qubits", type: "list<qubit>", defaultValue: "[q0, q1]")],
            events: [EventDecl(name: "go")],
            states: [StateDecl(name: "start", isInitial: true),
                     StateDecl(name: "bell_pair", isFinal: true, location: Fixtures.at(9))],
            transitions: [Transition(source: "start", event: "go", target: "bell_pair",
                                     action: ActionCall(name: "hh", label: "hh", arguments: nil))],
            actions: [ActionDecl(name: "hh", signature: "(qs) -> qs", parameters: [], returnType: "qs",
                                 effectText: effectText(gates), statements: gates.map(EffectStatement.gate))])
        let analysis = try XCTUnwrap(try DynamicAnalysis.run(machine, initial: "start"))
        XCTAssertEqual(analysis.branches.first?.schmidtRanks, [1])
        let diagnostic = analysis.check(machine).first
        XCTAssertEqual(diagnostic?.code, "DYNAMIC_NO_ENTANGLEMENT")
        XCTAssertEqual(diagnostic?.location?.line, 9)
    }

    /// Each branch is its own circuit: two alternatives from one state are not concatenated.
    func testAlternativeBranchesAreSimulatedSeparately() throws {
        let x = [Gate(kind: .X, targets: [.index(0)])]
        let machine = Machine(name: "Fork",
            context: [ContextField(name: "qubits", type: "list<qubit>", defaultValue: "[q0, q1]")],
            events: [EventDecl(name: "left"), EventDecl(name: "right")],
            states: [StateDecl(name: "s", isInitial: true), StateDecl(name: "a", isFinal: true), StateDecl(name: "b", isFinal: true)],
            transitions: [
                Transition(source: "s", event: "left", target: "a", action: ActionCall(name: "flip", label: "flip", arguments: nil)),
                Transition(source: "s", event: "right", target: "b", action: ActionCall(name: "flip", label: "flip", arguments: nil)),
            ],
            actions: [ActionDecl(name: "flip", signature: "(qs) -> qs", parameters: [], returnType: "qs",
                                 effectText: effectText(x), statements: x.map(EffectStatement.gate))])
        let analysis = try XCTUnwrap(try DynamicAnalysis.run(machine, initial: "s"))
        XCTAssertEqual(analysis.branches.count, 2)
        XCTAssertEqual(analysis.branches.map { $0.states }, [["s", "a"], ["s", "b"]])
        XCTAssertTrue(analysis.branches.allSatisfy { $0.schmidtRanks == [1] && $0.end == .finalState })
    }
}
