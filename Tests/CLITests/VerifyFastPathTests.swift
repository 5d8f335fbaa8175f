import Foundation
import XCTest

/// `verify PATH… [--json] [--strict]` skips ArgumentParser (VerifyJob.fastPath);
/// it must behave exactly like the full parser, which `--jobs 1` forces.
final class VerifyFastPathTests: XCTestCase {
    func testFastPathMatchesTheFullParserByteForByte() throws {
        let corpus = Paths.corpus.path
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus)
            .filter { $0.hasSuffix(".q.orca.md") }.sorted().map { corpus + "/" + $0 }
        XCTAssertFalse(files.isEmpty)
        let invalid = Paths.root.appendingPathComponent("Tests/Fixtures").path
        let cases: [[String]] = [[files[0]], files, [files[0], "--json"], ["--strict"] + files, ["--json", "--strict", corpus],
                                 [corpus + "/missing.q.orca.md"], [invalid + "/no-such-dir"]]
        for args in cases {
            let fast = runPolygramc(["verify"] + args)
            let full = runPolygramc(["verify", "--jobs", "1"] + args)
            XCTAssertEqual(fast.status, full.status, "\(args)")
            XCTAssertEqual(fast.stdout, full.stdout, "\(args)")
            XCTAssertEqual(fast.stderr, full.stderr, "\(args)")
        }
    }

    func testAnythingElseTakesTheFullParser() {
        // A repeated flag and an unknown option are the full parser's to judge.
        let file = Paths.corpus.appendingPathComponent("bell-entangler.q.orca.md").path
        let unknown = runPolygramc(["verify", file, "--bogus"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("Unknown option '--bogus'"), unknown.stderr)
        let empty = runPolygramc(["verify", "--json"])
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.stderr.contains("give at least one PATH"), empty.stderr)
    }
}
