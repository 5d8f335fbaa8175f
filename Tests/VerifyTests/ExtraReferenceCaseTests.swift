import XCTest
import Emit
import Frontend
import IR
import Simulate
@testable import Verify

/// Every case of Tests/Fixtures/extra-cases (made by
/// Tests/Fixtures/generate_extra_cases.py with polygram 0.15.0 as the
/// oracle): the spec compiles to polygram's machine byte for byte, and both
/// the lowered machine and the expected machine read back from its text
/// verify with polygram's `d.gram()` to 1e-12, complex entries included.
final class ExtraReferenceCaseTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/extra-cases").standardized

    static let tolerance = 1e-12

    struct Case {
        let name: String
        let directory: URL
        let spec: Spec
        var dictionaryName: String { spec.dictionary.name }
        var expectedMachineURL: URL { directory.appendingPathComponent("expected/\(dictionaryName).q.orca.md") }
    }

    struct ExpectedGram {
        let labels: [String]
        let re: [[Double]]
        let im: [[Double]]
        let overlap: [[Double]]
    }

    func caseNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.root.path)
            .filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(name).path,
                                                      isDirectory: &isDirectory) && isDirectory.boolValue
            }
            .sorted()
    }

    /// Runs `body` for every case; a throwing case is a failure of that case only.
    func forEachCase(_ body: (Case) throws -> Void) throws {
        for name in try caseNames() {
            let directory = Self.root.appendingPathComponent(name)
            do {
                let spec = try SpecReader.read(path: directory.appendingPathComponent("spec.yaml").path)
                try body(Case(name: name, directory: directory, spec: spec))
            } catch {
                XCTFail("\(name): \(error)")
            }
        }
    }

    func jsonObject(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any], url.path)
    }

    func expectedGram(_ c: Case) throws -> ExpectedGram {
        let object = try jsonObject(c.directory.appendingPathComponent("expected/gram.json"))
        func matrix(_ key: String) throws -> [[Double]] {
            try XCTUnwrap(object[key] as? [[NSNumber]], "\(c.name): gram.json \(key)").map { $0.map(\.doubleValue) }
        }
        return ExpectedGram(labels: try XCTUnwrap(object["labels"] as? [String]),
                            re: try matrix("re"), im: try matrix("im"), overlap: try matrix("overlap"))
    }

    /// Compares a verify report's Gram with polygram's, naming the worst entry of each field.
    func assertGram(_ report: MachineReport, equals expected: ExpectedGram, _ what: String,
                    file: StaticString = #filePath, line: UInt = #line) throws {
        let gram = try XCTUnwrap(report.gram, "\(what): no Gram; diagnostics \(report.diagnostics)", file: file, line: line)
        guard gram.size == expected.re.count else {
            XCTFail("\(what): Gram size \(gram.size), reference \(expected.re.count)", file: file, line: line)
            return
        }
        let fields: [(String, (Int, Int) -> Double, [[Double]])] = [
            ("re", gram.real, expected.re), ("im", gram.imaginary, expected.im), ("overlap", gram.overlap, expected.overlap),
        ]
        for (field, ours, reference) in fields {
            var worst = (error: 0.0, i: 0, j: 0)
            for i in 0..<gram.size {
                for j in 0..<gram.size {
                    let error = abs(ours(i, j) - reference[i][j])
                    if !(error <= worst.error) { worst = (error, i, j) }   // NaN counts as worst
                }
            }
            if !(worst.error <= Self.tolerance) {
                XCTFail("\(what): \(field)[\(worst.i)][\(worst.j)] is \(ours(worst.i, worst.j)), reference "
                    + "\(reference[worst.i][worst.j]) (|Δ| = \(worst.error))", file: file, line: line)
            }
        }
    }

    /// The first line where two texts differ, for readable byte-comparison failures.
    func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? la[i] : "<end of text>", y = i < lb.count ? lb[i] : "<end of text>"
            if x != y { return "line \(i + 1):\n  ours:      \(x)\n  reference: \(y)" }
        }
        return "no line differs"
    }

    // MARK: - Tests

    func testCaseFoldersMatchTheGeneratorIndex() throws {
        let names = try caseNames()
        let index = try jsonObject(Self.root.appendingPathComponent("index.json"))
        let listed = try XCTUnwrap(index["cases"] as? [[String: Any]]).compactMap { $0["case"] as? String }
        XCTAssertEqual(names, listed.sorted())
        XCTAssertEqual(names.count, index["count"] as? Int)
        XCTAssertGreaterThanOrEqual(names.count, 40)
    }

    func testEveryCaseEmitsByteIdenticalText() throws {
        try forEachCase { c in
            let text = try MachineWriter.render(try Lowering.machine(for: c.spec.dictionary))
            let expected = try String(contentsOf: c.expectedMachineURL, encoding: .utf8)
            if text != expected {
                XCTFail("\(c.name): emitted machine differs from polygram's; first difference at "
                    + firstDifference(text, expected))
            }
        }
    }

    func testEveryLoweredMachineVerifiesWithTheReferenceGram() throws {
        try forEachCase { c in
            let report = try Verifier.verify(try Lowering.machine(for: c.spec.dictionary))
            try assertGram(report, equals: try expectedGram(c), "\(c.name) (lowered)")
        }
    }

    func testEveryExpectedMachineTextVerifiesWithTheReferenceGram() throws {
        try forEachCase { c in
            let text = try String(contentsOf: c.expectedMachineURL, encoding: .utf8)
            let machines = try QOrcaReader.read(text: text, file: c.expectedMachineURL.path)
            XCTAssertEqual(machines.count, 1, c.name)
            guard let machine = machines.first else { return }
            XCTAssertEqual(machine.name, c.dictionaryName, c.name)
            let report = try Verifier.verify(machine)
            try assertGram(report, equals: try expectedGram(c), "\(c.name) (read from text)")
        }
    }

    /// polygram's `d.tier_separation()` (facts.json) against the report's, and
    /// the HEA tier invariant verdict against `tier_separation_bound_holds`.
    func testTierSeparationAndInvariantMatchTheReference() throws {
        try forEachCase { c in
            let facts = try jsonObject(c.directory.appendingPathComponent("expected/facts.json"))
            let report = try Verifier.verify(try Lowering.machine(for: c.spec.dictionary))
            if let expected = facts["tier_separation"] as? NSNumber {
                if let ours = report.tierSeparation {
                    XCTAssertEqual(ours, expected.doubleValue, accuracy: Self.tolerance, "\(c.name): tier separation")
                } else {
                    XCTFail("\(c.name): tier separation nil, reference \(expected.doubleValue)")
                }
            } else {
                XCTAssertNil(report.tierSeparation, "\(c.name): tier separation (reference None)")
            }
            let violated = report.diagnostics.contains { $0.code == "HEA_TIER_INVARIANT_VIOLATED" }
            if let holds = facts["tier_separation_bound_holds"] as? Bool {
                XCTAssertEqual(violated, !holds, "\(c.name): HEA tier invariant verdict; diagnostics \(report.diagnostics)")
            } else {
                XCTAssertFalse(violated, "\(c.name): HEA_TIER_INVARIANT_VIOLATED without a reference verdict")
            }
            let invalid = report.diagnostics.filter { $0.code.hasSuffix("_INVALID") || $0.code.hasPrefix("CONCEPT_") }
            XCTAssertTrue(invalid.isEmpty, "\(c.name): \(invalid)")
        }
    }
}
