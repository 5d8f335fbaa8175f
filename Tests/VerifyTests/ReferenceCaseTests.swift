import XCTest
import Emit
import Frontend
import IR
@testable import Verify

/// Every case of ../shared/reference/cases: the emitted machine is
/// byte-identical to polygram's and its simulated Gram equals polygram's
/// `d.gram()` to 1e-12, complex entries included.
final class ReferenceCaseTests: XCTestCase {
    func caseNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Fixtures.referenceCases.path)
            .filter { !$0.hasSuffix(".json") }.sorted()
    }

    func testEveryCaseEmitsByteIdenticalText() throws {
        let names = try caseNames()
        XCTAssertEqual(names.count, 12)
        for name in names {
            let directory = Fixtures.referenceCases.appendingPathComponent(name)
            let spec = try SpecReader.read(path: directory.appendingPathComponent("spec.yaml").path)
            let text = try MachineWriter.render(try Lowering.machine(for: spec.dictionary))
            let expected = try String(contentsOf: directory.appendingPathComponent("expected/\(spec.dictionary.name).q.orca.md"),
                                      encoding: .utf8)
            XCTAssertEqual(text, expected, name)
        }
    }

    func testEveryCaseVerifiesWithTheReferenceGram() throws {
        for name in try caseNames() {
            let directory = Fixtures.referenceCases.appendingPathComponent(name)
            let spec = try SpecReader.read(path: directory.appendingPathComponent("spec.yaml").path)
            let report = try Verifier.verify(try Lowering.machine(for: spec.dictionary))
            let gram = try XCTUnwrap(report.gram, name)
            let expected = try Fixtures.referenceGram(name)
            XCTAssertEqual(gram.size, expected.re.count, name)
            var worst = 0.0
            for i in 0..<gram.size { for j in 0..<gram.size {
                worst = max(worst, abs(gram.real(i, j) - expected.re[i][j]), abs(gram.imaginary(i, j) - expected.im[i][j]),
                            abs(gram.overlap(i, j) - expected.overlap[i][j]))
            } }
            XCTAssertLessThanOrEqual(worst, 1e-12, name)

            let facts = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("expected/facts.json"))) as! [String: Any]
            let violated = report.diagnostics.contains { $0.code == "HEA_TIER_INVARIANT_VIOLATED" }
            if let holds = facts["tier_separation_bound_holds"] as? Bool {
                XCTAssertEqual(violated, !holds, name)
            } else {
                XCTAssertFalse(violated, name)
            }
            XCTAssertFalse(report.diagnostics.contains { $0.code.hasSuffix("_INVALID") || $0.code.hasPrefix("CONCEPT_") }, "\(name): \(report.diagnostics)")
        }
    }
}
