import Foundation
import XCTest

/// Machines that parse but fail verification exit 1, in text and JSON mode,
/// with the diagnostic on the edited line; `--strict` turns warnings into failure.
final class FailedVerificationTests: CLITestCase {
    /// Verifies `url` in text and JSON mode; expects exit 1 and a `code` error on `line`.
    func assertFails(_ url: URL, code: String, line expectedLine: Int,
                     file: StaticString = #filePath, line: UInt = #line) throws {
        let text = run(["verify", url.path])
        XCTAssertEqual(text.status, 1, text.stdout + text.stderr, file: file, line: line)
        XCTAssertTrue(text.stdout.contains(": INVALID\n"), text.stdout, file: file, line: line)
        XCTAssertTrue(matches(text.stdout, "\(NSRegularExpression.escapedPattern(for: url.lastPathComponent)):\(expectedLine):[0-9]+: error: \(code): "),
                      "no \(code) error at line \(expectedLine):\n\(text.stdout)", file: file, line: line)

        let json = run(["verify", "--json", url.path])
        XCTAssertEqual(json.status, 1, json.stdout + json.stderr, file: file, line: line)
        let report = try jsonObject(json.stdout)
        XCTAssertEqual(report["valid"] as? Bool, false, file: file, line: line)
        let machine = try firstMachine(report)
        XCTAssertEqual(machine["valid"] as? Bool, false, file: file, line: line)
        let hits = diagnostics(machine).filter { ($0["code"] as? String) == code }
        XCTAssertFalse(hits.isEmpty, "no \(code) in \(diagnostics(machine))", file: file, line: line)
        for hit in hits {
            XCTAssertEqual(hit["severity"] as? String, "error", file: file, line: line)
            XCTAssertEqual(hit["line"] as? Int, expectedLine, "\(hit)", file: file, line: line)
        }
    }

    func testTransitionToUndeclaredStateExitsOneOnTheEditedLine() throws {
        let dir = try temporaryDirectory()
        let clean = try readText(try emitAnimals(into: dir))
        let row = "| prepared_bird_hawk | measure_done | | done | |"
        let broken = try replacingOnce(row, with: "| prepared_bird_hawk | measure_done | | nowhere | |", in: clean)
        let url = dir.appendingPathComponent("Undeclared.q.orca.md")
        try writeText(broken, url)
        let edited = try XCTUnwrap(position(of: "| nowhere |", in: broken)).line
        try assertFails(url, code: "UNDECLARED_STATE", line: edited)
    }

    func testWrongDeclaredTierValueInHierarchyCorpusExitsOneOnTheRuleLine() throws {
        let dir = try temporaryDirectory()
        let original = try readText(Paths.corpus.appendingPathComponent("larql-animals-hierarchy.q.orca.md"))
        let broken = try replacingOnce("anti-γ constructive 0.753 >", with: "anti-γ constructive 0.9 >", in: original)
        let url = dir.appendingPathComponent("hierarchy-edited.q.orca.md")
        try writeText(broken, url)
        let edited = try XCTUnwrap(position(of: "anti-γ constructive 0.9 >", in: broken)).line
        try assertFails(url, code: "TIER_VALUE_MISMATCH", line: edited)
    }

    func testStrictFailsOnTheWarningsOfTheCleanAnimalsMachine() throws {
        let url = try emitAnimals(into: try temporaryDirectory())
        let lenient = run(["verify", url.path])
        XCTAssertEqual(lenient.status, 0, lenient.stdout + lenient.stderr)
        XCTAssertTrue(lenient.stdout.contains("warning: SUPERPOSITION_LEAK"), lenient.stdout)
        XCTAssertTrue(lenient.stdout.contains(": VALID\n"), lenient.stdout)

        let strict = run(["verify", "--strict", url.path])
        XCTAssertEqual(strict.status, 1, strict.stdout + strict.stderr)
        XCTAssertTrue(strict.stdout.contains(": INVALID\n"), strict.stdout)

        let strictJSON = run(["verify", "--strict", "--json", url.path])
        XCTAssertEqual(strictJSON.status, 1, strictJSON.stderr)
        XCTAssertEqual(try jsonObject(strictJSON.stdout)["valid"] as? Bool, false)

        let lenientJSON = run(["verify", "--json", url.path])
        XCTAssertEqual(lenientJSON.status, 0, lenientJSON.stderr)
        let machine = try firstMachine(try jsonObject(lenientJSON.stdout))
        XCTAssertEqual(machine["valid"] as? Bool, true)
        XCTAssertTrue(diagnostics(machine).contains { ($0["code"] as? String) == "SUPERPOSITION_LEAK" && ($0["severity"] as? String) == "warning" })
    }
}
