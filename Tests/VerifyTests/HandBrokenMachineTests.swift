import XCTest
import Emit
import Frontend
import IR
@testable import Verify

/// Machines emitted from the reference specs, broken by hand the way a bad
/// edit would break them: each must fail verification at the edited line.
final class HandBrokenMachineTests: XCTestCase {
    func emitted(_ caseName: String) throws -> (text: String, dictionary: FeatureDictionary) {
        let spec = try SpecReader.read(path: Fixtures.referenceCases.appendingPathComponent("\(caseName)/spec.yaml").path)
        return (try MachineWriter.render(try Lowering.machine(for: spec.dictionary)), spec.dictionary)
    }

    /// Replaces the first line containing `marker`, returning the new text and the 1-based line.
    func edit(_ text: String, lineContaining marker: String, _ change: (String) -> String) -> (String, Int) {
        var lines = text.components(separatedBy: "\n")
        let index = lines.firstIndex { $0.contains(marker) }!
        lines[index] = change(lines[index])
        return (lines.joined(separator: "\n"), index + 1)
    }

    func verify(_ text: String, against dictionary: FeatureDictionary? = nil) throws -> MachineReport {
        let machine = try QOrcaReader.read(text: text, file: "broken.q.orca.md")[0]
        var report = try Verifier.verify(machine)
        if let dictionary { report.diagnostics += try DictionaryComparison.check(machine, report, against: dictionary) }
        return report
    }

    func assertFails(_ report: MachineReport, code: String, line: Int, file: StaticString = #filePath, lineNumber: UInt = #line) {
        let diagnostic = report.diagnostics.first { $0.code == code }
        XCTAssertNotNil(diagnostic, "\(code) missing: \(report.diagnostics.map(\.code))", file: file, line: lineNumber)
        XCTAssertEqual(diagnostic?.severity, .error, file: file, line: lineNumber)
        XCTAssertEqual(diagnostic?.location?.line, line, file: file, line: lineNumber)
        XCTAssertFalse(report.isValid(strict: false), file: file, line: lineNumber)
    }

    func testUnbrokenMachinesMatchTheirDictionaries() throws {
        for name in ["animals_mps_rung1", "animals_rung3", "animals_rung4", "animals_rung5_k2", "animals_hea_rung2", "random_05_r5"] {
            let (text, dictionary) = try emitted(name)
            let report = try verify(text, against: dictionary)
            XCTAssertFalse(report.diagnostics.contains { $0.severity == .error }, "\(name): \(report.diagnostics)")
        }
    }

    func testChangedAmpBranchCellFailsOnItsRow() throws {
        for (name, row) in [("animals_rung3", "| dog_beagle | 0.5 |"), ("animals_rung4", "| dog_beagle | 0.2 |"),
                            ("animals_rung5_k2", "| dog_beagle | 0.1 |")] {
            let (text, dictionary) = try emitted(name)
            let (broken, line) = edit(text, lineContaining: row) { $0.replacingOccurrences(of: " | 0.", with: " | 1.") }
            assertFails(try verify(broken, against: dictionary), code: "GRAM_MISMATCH", line: line)
        }
    }

    func testAmpBranchRowForAnUnknownConceptFailsOnItsRow() throws {
        let (text, _) = try emitted("animals_rung3")
        let (broken, line) = edit(text, lineContaining: "| bird_sparrow | 0.7853981633974483 | 0.0 |") { $0 + "\n| ghost | 0.1 | 0.2 |" }
        assertFails(try verify(broken), code: "CONCEPT_GRAM_INVALID", line: line + 1)
    }

    func testConceptWithoutAnAmpBranchRowFails() throws {
        let (text, _) = try emitted("animals_rung4")
        var lines = text.components(separatedBy: "\n")
        lines.removeAll { $0.hasPrefix("| dog_beagle | 0.2 |") }
        let report = try verify(lines.joined(separator: "\n"))
        XCTAssertTrue(report.diagnostics.contains { $0.code == "CONCEPT_GRAM_INVALID" && $0.message.contains("dog_beagle") })
    }

    func testChangedCallSiteArgumentFailsOnItsTransition() throws {
        let (text, dictionary) = try emitted("animals_mps_rung1")
        let (broken, line) = edit(text, lineContaining: "| idle | prepare_bird_hawk |") {
            $0.replacingOccurrences(of: "prepare_concept(0.0, 0.5, 0.0, 0.0)", with: "prepare_concept(0.0, 0.5, 0.0, 0.25)")
        }
        assertFails(try verify(broken, against: dictionary), code: "GRAM_MISMATCH", line: line)
    }

    func testSwappedThetaRowsFailOnTheFirstMovedRow() throws {
        let (text, _) = try emitted("animals_hea_rung2")
        var lines = text.components(separatedBy: "\n")
        let first = lines.firstIndex { $0.hasPrefix("| dog_beagle | [[[") }!
        let second = lines.firstIndex { $0.hasPrefix("| bird_hawk | [[[") }!
        lines.swapAt(first, second)
        assertFails(try verify(lines.joined(separator: "\n")), code: "HEA_THETA_ORDER", line: first + 1)
    }

    func testTierBoundAboveTheTrueSeparationFails() throws {
        let (text, _) = try emitted("animals_hea_rung2")
        let (broken, line) = edit(text, lineContaining: "concept_gram_tier_separation >=") { _ in
            "- concept_gram_tier_separation >= 0.95"
        }
        assertFails(try verify(broken), code: "HEA_TIER_INVARIANT_VIOLATED", line: line)
    }

    func testMoreFeaturesThanMaxFeaturesIsRankDeficient() throws {
        let features = (0..<9).map { Feature(name: "f\($0)", cluster: "c", beta: 0.3 * Double($0), phi: 0.1 * Double($0)) }
        let dictionary = FeatureDictionary(name: "Nine", features: features,
                                           hierarchy: FeatureDictionary.hierarchy(inferredFrom: features),
                                           encoding: .mpsRung1(phaseKnobs: true))
        let report = try Verifier.verify(try Lowering.machine(for: dictionary))
        let diagnostic = try XCTUnwrap(report.diagnostics.first { $0.code == "RANK_DEFICIENT" })
        XCTAssertEqual(diagnostic.severity, .warning)
        XCTAssertLessThanOrEqual(try XCTUnwrap(report.gramRank), 8)
        XCTAssertTrue(diagnostic.message.contains("max_features = 8"), diagnostic.message)
    }

    /// The reference crashes on this file without Qiskit; qorca-language.md §7.5 gives its separation.
    func testLarqlHEAMinimalIsValidWithItsTierSeparation() throws {
        let path = Fixtures.referenceCases.deletingLastPathComponent().appendingPathComponent("qorca-corpus/larql-hea-minimal.q.orca.md")
        let report = try Verifier.verify(try QOrcaReader.read(path: path.path)[0])
        XCTAssertTrue(report.isValid(strict: false), "\(report.diagnostics)")
        XCTAssertEqual(try XCTUnwrap(report.tierSeparation), 0.6162230828435066, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(report.gram).overlap(0, 2), 0.3837, accuracy: 5e-5)
    }
}
