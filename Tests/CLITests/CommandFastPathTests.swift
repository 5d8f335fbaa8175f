import Foundation
import XCTest

/// `verify PATH… [--json] [--strict]`, `run SPEC… -o DIR [--no-provenance]`
/// and `compile SPEC… -o DIR [--no-provenance]` skip ArgumentParser
/// (VerifyJob/RunJob/CompileJob.fastPath); they must behave exactly like the
/// full parser, which `--jobs 1` (verify) and `--output=DIR` (run, compile) force.
final class CommandFastPathTests: XCTestCase {
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

    func testRunAndCompileFastPathsMatchTheFullParser() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("polygramc-fastpath-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: base) }
        let spec = Paths.animalsSpec.path
        func tree(_ dir: URL) throws -> [String: String] {
            var files: [String: String] = [:]
            for case let path as String in manager.enumerator(atPath: dir.path) ?? NSEnumerator() {
                let url = dir.appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = try String(contentsOf: url, encoding: .utf8)
                }
            }
            return files
        }
        for command in ["run", "compile"] {
            for extra in [["--no-provenance"], ["--no-provenance", "missing.yaml"]] {
                let fastDir = base.appendingPathComponent("fast"), fullDir = base.appendingPathComponent("full")
                try? manager.removeItem(at: fastDir)
                try? manager.removeItem(at: fullDir)
                let fast = runPolygramc([command, spec, "-o", fastDir.path] + extra)
                let full = runPolygramc([command, spec, "--output=\(fullDir.path)"] + extra)
                XCTAssertEqual(fast.status, full.status, "\(extra)")
                XCTAssertEqual(fast.stdout.replacingOccurrences(of: fastDir.path, with: "DIR"),
                               full.stdout.replacingOccurrences(of: fullDir.path, with: "DIR"), "\(extra)")
                XCTAssertEqual(fast.stderr, full.stderr, "\(extra)")
                XCTAssertEqual(try tree(fastDir), try tree(fullDir), "\(extra)")
                // The good spec alone writes the machine (and its artefacts); with a missing spec, nothing.
                XCTAssertEqual(try tree(fastDir).isEmpty, extra.count > 1, "\(command) \(extra)")
            }
        }
    }
}
