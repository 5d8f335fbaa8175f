import XCTest
import IR
@testable import Verify

final class VerifierTests: XCTestCase {
    func testAnimalsMachineIsValidWithTheReferenceGram() throws {
        let report = try Verifier.verify(try Fixtures.animalsMachine())
        XCTAssertFalse(report.hasErrors, "\(report.diagnostics)")
        let expected = try Fixtures.referenceGram("animals_mps_rung1")
        let gram = try XCTUnwrap(report.gram)
        XCTAssertEqual(report.conceptLabels, ["dog_poodle", "dog_beagle", "bird_hawk", "bird_sparrow"])
        for i in 0..<4 { for j in 0..<4 {
            XCTAssertEqual(gram.real(i, j), expected.re[i][j], accuracy: 1e-12)
            XCTAssertEqual(gram.imaginary(i, j), expected.im[i][j], accuracy: 1e-12)
            XCTAssertEqual(gram.overlap(i, j), expected.overlap[i][j], accuracy: 1e-12)
        } }
        // q-orca reports two SUPERPOSITION_LEAK warnings per prepared state (stage 5 parts A and B).
        XCTAssertEqual(report.diagnostics.map(\.code), Array(repeating: "SUPERPOSITION_LEAK", count: 8))
        XCTAssertTrue(report.diagnostics.allSatisfy { $0.severity == .warning })
        XCTAssertTrue(report.isValid(strict: false))
        XCTAssertFalse(report.isValid(strict: true))
    }

    func testPhaseKnobsGiveComplexEntries() throws {
        let report = try Verifier.verify(try Fixtures.animalsMachine(phis: [0, Double.pi / 2, 0, Double.pi / 2]))
        let gram = try XCTUnwrap(report.gram)
        // larql-animals-interference: same-cluster φ-shift 0.8851, cross φ-mismatched 0.6816, matched 0.5931.
        XCTAssertEqual(gram.overlap(0, 1), 0.8851, accuracy: 5e-5)
        XCTAssertEqual(gram.overlap(0, 3), 0.6816, accuracy: 5e-5)
        XCTAssertEqual(gram.overlap(0, 2), 0.5931, accuracy: 5e-5)
        XCTAssertEqual(gram.imaginary(0, 1), -0.6205, accuracy: 5e-5)
    }

    func testUnreachableAndDeadlockedStatesAreErrors() throws {
        var machine = try Fixtures.animalsMachine()
        machine.states.append(StateDecl(name: "orphan", location: Fixtures.at(99)))
        let report = try Verifier.verify(machine)
        let codes = report.diagnostics.map(\.code)
        XCTAssertTrue(codes.contains("UNREACHABLE_STATE"))
        XCTAssertTrue(codes.contains("DEADLOCK"))
        XCTAssertEqual(report.diagnostics.first { $0.code == "DEADLOCK" }?.location?.line, 99)
        XCTAssertNil(report.gram, "structural errors stop verification, as in q-orca")
    }

    func testUndeclaredTargetIsAnError() throws {
        var machine = try Fixtures.animalsMachine()
        machine.transitions[0].target = "nowhere"
        machine.transitions[0].location = Fixtures.at(40)
        let report = try Verifier.verify(machine)
        let diagnostic = try XCTUnwrap(report.diagnostics.first { $0.code == "UNDECLARED_STATE" })
        XCTAssertEqual(diagnostic.location?.line, 40)
        XCTAssertTrue(diagnostic.message.contains("'nowhere'"))
    }

    func testDuplicateUnguardedTransitionIsNonDeterministic() throws {
        var machine = try Fixtures.animalsMachine()
        var duplicate = machine.transitions[0]
        duplicate.target = "prepared_dog_beagle"
        machine.transitions.append(duplicate)
        XCTAssertTrue(try Verifier.verify(machine).diagnostics.contains { $0.code == "NON_DETERMINISTIC" && $0.severity == .error })
    }

    func testOrphanEventAndActionAreWarnings() throws {
        var machine = try Fixtures.animalsMachine()
        machine.events.append(EventDecl(name: "never_used"))
        machine.actions.append(ActionDecl(name: "idle_action", signature: "(qs) -> qs", parameters: [], returnType: "qs",
                                          effectText: "H(qs[0])", statements: [.gate(Gate(kind: .H, targets: [.index(0)]))]))
        let report = try Verifier.verify(machine)
        XCTAssertTrue(report.diagnostics.contains { $0.code == "ORPHAN_EVENT" && $0.severity == .warning })
        XCTAssertTrue(report.diagnostics.contains { $0.code == "ORPHAN_ACTION" && $0.severity == .warning })
    }

    func testUnknownSectionsAreReportedAsInformation() throws {
        var machine = try Fixtures.animalsMachine()
        machine.otherSections = [OtherSection(heading: "Concept geometry", location: Fixtures.at(5))]
        let report = try Verifier.verify(machine)
        let diagnostic = try XCTUnwrap(report.diagnostics.first { $0.code == "UNKNOWN_SECTION" })
        XCTAssertEqual(diagnostic.severity, .info)
        XCTAssertEqual(diagnostic.location?.line, 5)
        XCTAssertTrue(report.isValid(strict: false))
    }

    func testEveryCheckIsListedWithADescription() throws {
        let list = Verifier.checkList
        XCTAssertEqual(Set(list.map(\.code)).count, list.count)
        XCTAssertTrue(list.allSatisfy { !$0.summary.isEmpty })
        for code in ["UNREACHABLE_STATE", "SUPERPOSITION_LEAK", "TIER_ORDER_VIOLATED", "MPS_BOND_DIMENSION_EXCEEDED"] {
            XCTAssertTrue(list.contains { $0.code == code }, code)
        }
    }
}
