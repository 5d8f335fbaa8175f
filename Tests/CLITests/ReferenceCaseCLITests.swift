import Foundation
import XCTest

/// Every `../shared/reference/cases/<case>/spec.yaml` through the CLI:
/// `compile --no-provenance` is byte-identical to `expected/<Name>.q.orca.md`,
/// and `verify --json` of the emitted file reports polygram's Gram to 1e-12.
final class ReferenceCaseCLITests: CLITestCase {
    func caseDirectories() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: Paths.cases.path).sorted()
            .map { Paths.cases.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("spec.yaml").path) }
    }

    func testEveryReferenceCaseCompilesByteIdenticalAndVerifiesWithTheReferenceGram() throws {
        let cases = try caseDirectories()
        XCTAssertEqual(cases.count, 12, "reference cases in \(Paths.cases.path)")
        for directory in cases {
            let name = directory.lastPathComponent
            let out = try temporaryDirectory()
            let compiled = run(["compile", directory.appendingPathComponent("spec.yaml").path, "-o", out.path, "--no-provenance"])
            XCTAssertEqual(compiled.status, 0, "\(name): \(compiled.stderr)")
            let emitted = (listing(out) ?? []).filter { $0.hasSuffix(".q.orca.md") }
            guard emitted.count == 1, let machineName = emitted.first else {
                XCTFail("\(name): expected one machine, got \(emitted)")
                continue
            }
            let machineURL = out.appendingPathComponent(machineName)
            let expectedURL = directory.appendingPathComponent("expected/\(machineName)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: expectedURL.path), "\(name): no expected/\(machineName)")
            let got = try Data(contentsOf: machineURL), expected = try Data(contentsOf: expectedURL)
            XCTAssertTrue(got == expected, "\(name): \(firstDifference(got, expected))")

            let facts = try jsonObject(contentsOf: directory.appendingPathComponent("expected/facts.json"))
            let boundFails = (facts["tier_separation_bound_holds"] as? Bool) == false
            let verified = run(["verify", "--json", machineURL.path])
            XCTAssertEqual(verified.status, boundFails ? 1 : 0, "\(name): \(verified.stdout)\n\(verified.stderr)")
            XCTAssertEqual(verified.stderr, "", name)
            let report = try jsonObject(verified.stdout)
            XCTAssertEqual(report["valid"] as? Bool, !boundFails, name)
            let machine = try firstMachine(report)
            XCTAssertEqual(machine["valid"] as? Bool, !boundFails, name)
            let errors = diagnostics(machine).filter { ($0["severity"] as? String) == "error" }
            let invariant = errors.filter { ($0["code"] as? String) == "HEA_TIER_INVARIANT_VIOLATED" }
            if boundFails {
                XCTAssertEqual(invariant.count, 1, "\(name): \(errors)")
                for diagnostic in invariant {
                    XCTAssertGreaterThan(diagnostic["line"] as? Int ?? 0, 0, "\(name): no line in \(diagnostic)")
                }
                XCTAssertEqual(errors.count, invariant.count, "\(name): other errors \(errors)")
            } else {
                XCTAssertEqual(errors.count, 0, "\(name): \(errors)")
            }

            guard let gram = machine["gram"] as? [String: Any] else {
                XCTFail("\(name): report has no gram")
                continue
            }
            let reference = try jsonObject(contentsOf: directory.appendingPathComponent("expected/gram.json"))
            XCTAssertEqual((gram["labels"] as? [Any])?.count, (reference["labels"] as? [Any])?.count, "\(name) labels")
            for key in ["re", "im", "overlap"] {
                let ours = try matrix(gram[key]), theirs = try matrix(reference[key])
                XCTAssertEqual(ours.count, theirs.count, "\(name) \(key) rows")
                var worst = 0.0
                for (rowA, rowB) in zip(ours, theirs) {
                    XCTAssertEqual(rowA.count, rowB.count, "\(name) \(key) columns")
                    for (a, b) in zip(rowA, rowB) {
                        let difference: Double = abs(a - b)
                        worst = difference.isNaN ? Double.infinity : max(worst, difference)
                    }
                }
                XCTAssertLessThanOrEqual(worst, 1e-12, "\(name) gram.\(key) differs from expected/gram.json")
            }
        }
    }
}
