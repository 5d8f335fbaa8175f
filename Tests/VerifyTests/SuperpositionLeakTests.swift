import XCTest
import IR
@testable import Verify

final class SuperpositionLeakTests: XCTestCase {
    /// q-orca honours only `measurement_collapse_allowed:` with a colon (docs/divergences.md #2).
    func testBareCollapseAllowedRuleSuppressesTheWarnings() throws {
        var machine = try Fixtures.animalsMachine()
        machine.verificationRules.append(VerificationRule(kind: "measurement_collapse_allowed", description: nil,
                                                          text: "measurement_collapse_allowed"))
        XCTAssertFalse(try Verifier.verify(machine).diagnostics.contains { $0.code == "SUPERPOSITION_LEAK" })
    }

    func testMeasurementToANonFinalStateIsAnError() throws {
        var machine = try Fixtures.animalsMachine()
        machine.states[machine.states.count - 1].isFinal = false
        machine.states.append(StateDecl(name: "after", isFinal: true))
        machine.transitions.append(Transition(source: "done", event: "reset", target: "after"))
        machine.events.append(EventDecl(name: "reset"))
        let errors = try Verifier.verify(machine).diagnostics.filter { $0.code == "SUPERPOSITION_LEAK" && $0.severity == .error }
        XCTAssertEqual(errors.count, 8) // parts A and B, for each of the four prepared states
    }
}
