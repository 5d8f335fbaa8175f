import Foundation
import XCTest

/// The provenance comment block: written by default, timestamp from
/// `SOURCE_DATE_EPOCH`, otherwise the same text as `--no-provenance`.
final class ProvenanceTests: CLITestCase {
    func testProvenanceBlockHonoursSourceDateEpochAndPrefixesTheNoProvenanceText() throws {
        let plainDir = try temporaryDirectory(), provDir = try temporaryDirectory()
        let plain = run(["compile", Paths.animalsSpec.path, "-o", plainDir.path, "--no-provenance"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let withBlock = run(["compile", Paths.animalsSpec.path, "-o", provDir.path], environment: ["SOURCE_DATE_EPOCH": "0"])
        XCTAssertEqual(withBlock.status, 0, withBlock.stderr)
        let name = "AnimalsInterference.q.orca.md"
        let plainText = try readText(plainDir.appendingPathComponent(name))
        let text = try readText(provDir.appendingPathComponent(name))

        XCTAssertTrue(text.hasPrefix("<!--\n"), "no leading comment block:\n\(text.prefix(300))")
        guard let end = text.range(of: "-->\n") else { return XCTFail("comment block not closed") }
        let block = String(text[..<end.upperBound])
        XCTAssertTrue(block.contains("\n  generated:         1970-01-01T00:00:00Z\n"), block)
        XCTAssertTrue(block.contains("AnimalsInterference"), block)
        XCTAssertEqual(String(text[end.upperBound...]), plainText, "text after the block differs from --no-provenance output")
        XCTAssertFalse(plainText.contains("<!--"))
    }

    func testCompilingTwiceWithSourceDateEpochGivesIdenticalBytes() throws {
        let first = try temporaryDirectory(), second = try temporaryDirectory()
        for dir in [first, second] {
            let result = run(["compile", Paths.animalsSpec.path, "-o", dir.path], environment: ["SOURCE_DATE_EPOCH": "0"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let name = "AnimalsInterference.q.orca.md"
        let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
        XCTAssertTrue(a == b, firstDifference(a, b))
    }
}
