import Foundation
import XCTest

/// `verify DIR` in parallel, `--shard I/N` and `--merge`.
final class BatchTests: CLITestCase {
    /// A tree of machines in nested directories: the corpus, every reference
    /// case's expected machine, the animals machine and a broken copy.
    func tree() throws -> (dir: URL, files: [String]) {
        let dir = try temporaryDirectory()
        let manager = FileManager.default
        let root = dir.appendingPathComponent("tree")
        let corpus = root.appendingPathComponent("corpus"), cases = root.appendingPathComponent("cases/nested")
        for url in [corpus, cases] { try manager.createDirectory(at: url, withIntermediateDirectories: true) }
        for name in try manager.contentsOfDirectory(atPath: Paths.corpus.path) where name.hasSuffix(".q.orca.md") {
            try manager.copyItem(at: Paths.corpus.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
        }
        for name in try manager.contentsOfDirectory(atPath: Paths.cases.path) {
            let expected = Paths.cases.appendingPathComponent(name).appendingPathComponent("expected")
            for machine in (try? manager.contentsOfDirectory(atPath: expected.path)) ?? [] where machine.hasSuffix(".q.orca.md") {
                try manager.copyItem(at: expected.appendingPathComponent(machine), to: cases.appendingPathComponent("\(name)-\(machine)"))
            }
        }
        let animals = try readText(try emitAnimals(into: root))
        try writeText(try replacingOnce("| prepared_bird_hawk | measure_done | | done | |",
                                        with: "| prepared_bird_hawk | measure_done | | nowhere | |", in: animals),
                      root.appendingPathComponent("broken.q.orca.md"))
        let files = try reportedPaths(run(["verify", "--json", "tree"], cwd: dir).stdout)
        XCTAssertGreaterThan(files.count, 20)
        XCTAssertEqual(files, files.sorted())
        return (dir, files)
    }

    func reportedPaths(_ json: String) throws -> [String] {
        try (jsonObject(json)["files"] as? [[String: Any]] ?? []).map { try XCTUnwrap($0["path"] as? String) }
    }

    func testParallelOutputEqualsSequentialOutputInEveryFormat() throws {
        let (dir, _) = try tree()
        var outputs: [String: [Data]] = [:]
        for (label, extra, environment) in [("seq", ["--jobs", "1"], [String: String]()), ("env1", [], ["POLYGRAMC_THREADS": "1"]),
                                            ("par", [], [:]), ("par8", ["--jobs", "8"], [:])] {
            for format in [[], ["--json"], ["--strict"]] {
                let result = run(["verify", "--junit", "\(label).xml", "--sarif", "\(label).sarif"] + format + extra + ["tree"],
                                 environment: environment, cwd: dir)
                XCTAssertEqual(result.status, 1, "\(label) \(format): \(result.stderr)")
                outputs[format.joined(), default: []].append(Data(result.stdout.utf8))
            }
            for ext in ["xml", "sarif"] {
                outputs[ext, default: []].append(try Data(contentsOf: dir.appendingPathComponent("\(label).\(ext)")))
            }
        }
        for (format, runs) in outputs {
            for other in runs.dropFirst() { XCTAssertEqual(other, runs[0], "\(format): \(firstDifference(other, runs[0]))") }
        }
    }

    func testEveryUnusableFileIsReportedAndNothingIsWritten() throws {
        let (dir, _) = try tree()
        try writeText("", dir.appendingPathComponent("tree/a-empty.q.orca.md"))
        try writeText("# machine\n", dir.appendingPathComponent("tree/cases/z-unnamed.q.orca.md"))
        let result = run(["verify", "--json", "--junit", "r.xml", "--sarif", "r.sarif", "tree"], cwd: dir)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stdout.isEmpty, result.stdout)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, result.stderr)
        XCTAssertTrue(lines.first?.hasPrefix("tree/a-empty.q.orca.md:") == true, result.stderr)
        XCTAssertTrue(lines.last?.hasPrefix("tree/cases/z-unnamed.q.orca.md:") == true, result.stderr)
        for report in ["r.xml", "r.sarif"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(report).path), report)
        }
        // The same errors, in the same order, with one thread.
        let sequential = run(["verify", "--jobs", "1", "tree"], cwd: dir)
        XCTAssertEqual(sequential.status, 2)
        XCTAssertEqual(sequential.stderr, result.stderr)
    }

    func testShardsAreDisjointCoverEveryFileAndMergeToTheWholeReport() throws {
        let (dir, files) = try tree()
        for strict in [false, true] {
            let flags = strict ? ["--strict"] : []
            let whole = run(["verify", "--json", "--junit", "whole.xml", "--sarif", "whole.sarif"] + flags + ["tree"], cwd: dir)
            XCTAssertEqual(whole.status, 1)
            for count in [1, 2, 3, 5, files.count + 2] {
                var seen: [String] = []
                var reports: [String] = []
                for index in 1...count {
                    let name = "shard-\(index)-of-\(count).json"
                    let shard = run(["verify", "--json", "--shard", "\(index)/\(count)"] + flags + ["tree"], cwd: dir)
                    XCTAssertTrue(shard.status == 0 || shard.status == 1, shard.stderr)
                    try writeText(shard.stdout, dir.appendingPathComponent(name))
                    let paths = try reportedPaths(shard.stdout)
                    XCTAssertTrue(Set(paths).isDisjoint(with: seen), "shard \(index)/\(count) overlaps")
                    seen += paths
                    reports.append(name)
                }
                XCTAssertEqual(seen.sorted(), files, "shards of \(count) cover every file exactly once")

                // Merged in any order, the report is the unsharded one, byte for byte.
                let merged = run(["verify", "--merge", "--json", "--junit", "merged.xml", "--sarif", "merged.sarif"] + flags
                                 + reports.reversed(), cwd: dir)
                XCTAssertEqual(merged.status, 1, merged.stderr)
                XCTAssertEqual(merged.stdout, whole.stdout, firstDifference(Data(merged.stdout.utf8), Data(whole.stdout.utf8)))
                for ext in ["xml", "sarif"] {
                    let a = try Data(contentsOf: dir.appendingPathComponent("merged.\(ext)"))
                    let b = try Data(contentsOf: dir.appendingPathComponent("whole.\(ext)"))
                    XCTAssertEqual(a, b, "\(ext): \(firstDifference(a, b))")
                }
            }
            let text = run(["verify", "--merge"] + flags + ["shard-1-of-1.json"], cwd: dir)
            XCTAssertEqual(text.stdout, run(["verify"] + flags + ["tree"], cwd: dir).stdout)
        }
    }

    func testMergeExitCodes() throws {
        let (dir, _) = try tree()
        let valid = run(["verify", "--json", "tree/corpus"], cwd: dir)
        XCTAssertEqual(valid.status, 0, valid.stderr)
        try writeText(valid.stdout, dir.appendingPathComponent("valid.json"))
        let invalid = run(["verify", "--json", "tree/broken.q.orca.md"], cwd: dir)
        XCTAssertEqual(invalid.status, 1)
        try writeText(invalid.stdout, dir.appendingPathComponent("invalid.json"))
        let warned = run(["verify", "--json", "tree/AnimalsInterference.q.orca.md"], cwd: dir)
        XCTAssertEqual(warned.status, 0)
        try writeText(warned.stdout, dir.appendingPathComponent("warned.json"))
        try writeText(String(valid.stdout.prefix(valid.stdout.count / 2)), dir.appendingPathComponent("truncated.json"))
        try writeText("{\"valid\": true}\n", dir.appendingPathComponent("nofiles.json"))

        XCTAssertEqual(run(["verify", "--merge", "valid.json"], cwd: dir).status, 0)
        XCTAssertEqual(run(["verify", "--merge", "valid.json", "warned.json"], cwd: dir).status, 0)
        XCTAssertEqual(run(["verify", "--merge", "--strict", "valid.json", "warned.json"], cwd: dir).status, 1)
        let strictMerged = run(["verify", "--merge", "--strict", "--json", "warned.json"], cwd: dir)
        XCTAssertEqual(try jsonObject(strictMerged.stdout)["valid"] as? Bool, false, "valid is recomputed")
        XCTAssertEqual(run(["verify", "--merge", "--json", "valid.json", "invalid.json"], cwd: dir).status, 1)
        for bad in [["truncated.json"], ["nofiles.json"], ["valid.json", "valid.json"], ["missing.json"],
                    ["tree/broken.q.orca.md"]] {
            let result = run(["verify", "--merge", "--json", "--junit", "bad.xml"] + bad, cwd: dir)
            XCTAssertEqual(result.status, 2, "\(bad): \(result.stdout)")
            XCTAssertTrue(result.stderr.contains("error:"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.xml").path))
        }
        let both = run(["verify", "--merge", "truncated.json", "missing.json"], cwd: dir)
        XCTAssertEqual(both.stderr.split(separator: "\n").count, 2, "every bad report is named: \(both.stderr)")
    }

    func testShardAndJobsUsage() throws {
        let (dir, _) = try tree()
        for bad in [["--shard", "0/3"], ["--shard", "4/3"], ["--shard", "1/0"], ["--shard", "x"], ["--jobs", "0"],
                    ["--merge", "--shard", "1/2"]] {
            let result = run(["verify"] + bad + ["tree"], cwd: dir)
            XCTAssertEqual(result.status, 2, "\(bad): \(result.stderr)")
        }
        let help = run(["verify", "--help"])
        XCTAssertTrue(help.stdout.contains("--shard <I/N>") && help.stdout.contains("1-based"), help.stdout)
        XCTAssertTrue(help.stdout.contains("--merge") && help.stdout.contains("--junit") && help.stdout.contains("--sarif"), help.stdout)
    }
}
