import Foundation
import XCTest

/// Re-running `run` into the same folder: files that would get the same
/// bytes are left alone (same inode, same mtime), changed or damaged ones are
/// replaced whole, and a folder path blocked by a file is unusable input.
final class RerunTests: CLITestCase {
    func testRerunKeepsIdenticalFilesAndReplacesChangedOnes() throws {
        let out = try temporaryDirectory()
        let args = ["run", Paths.animalsSpec.path, "-o", out.path, "--no-provenance"]
        let first = run(args)
        XCTAssertEqual(first.status, 0, first.stderr)
        let paths = first.stdout.split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(paths.count, 10)
        let before = try Dictionary(uniqueKeysWithValues: paths.map { ($0, try identity($0)) })
        let contents = try Dictionary(uniqueKeysWithValues: paths.map { ($0, try Data(contentsOf: URL(fileURLWithPath: $0))) })

        // Damage three files: different bytes of the same length, a longer file, a shorter one.
        let csv = try XCTUnwrap(paths.first { $0.hasSuffix("result.csv") })
        let svg = try XCTUnwrap(paths.first { $0.hasSuffix(".svg") })
        let machine = try XCTUnwrap(paths.first { $0.hasSuffix(".q.orca.md") })
        var flipped = contents[csv]!
        flipped[flipped.count / 2] ^= 1
        try flipped.write(to: URL(fileURLWithPath: csv))
        try (contents[svg]! + Data("\n".utf8)).write(to: URL(fileURLWithPath: svg))
        try contents[machine]!.dropLast().write(to: URL(fileURLWithPath: machine))
        let damaged = try Dictionary(uniqueKeysWithValues: [csv, svg, machine].map { ($0, try identity($0)) })

        let second = run(args)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(second.stdout, first.stdout)
        for path in paths {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), contents[path], "\(path) restored")
            if let old = damaged[path] {
                XCTAssertNotEqual(try identity(path).inode, old.inode, "\(path) replaced by rename")
            } else {
                XCTAssertEqual(try identity(path).inode, before[path]!.inode, "\(path) left alone")
                XCTAssertEqual(try identity(path).modified, before[path]!.modified, "\(path) keeps its mtime")
            }
        }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [], "no temporary files left")
    }

    func testOutputFolderBlockedByAFile() throws {
        let out = try temporaryDirectory()
        let blocker = out.appendingPathComponent("AnimalsInterference")
        try Data("not a folder".utf8).write(to: blocker)
        let result = run(["run", Paths.animalsSpec.path, "-o", out.path, "--no-provenance"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains(blocker.path), result.stderr)
        XCTAssertTrue(result.stderr.contains("not a directory"), result.stderr)
        XCTAssertEqual(try String(contentsOf: blocker, encoding: .utf8), "not a folder")
        XCTAssertEqual(listing(out), ["AnimalsInterference"], "nothing written")
    }

    private func identity(_ path: String) throws -> (inode: UInt64, modified: Date) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let inode = try XCTUnwrap(attributes[.systemFileNumber] as? NSNumber).uint64Value
        return (inode, try XCTUnwrap(attributes[.modificationDate] as? Date))
    }
}

/// The binary carries its templates, so a copy outside the build folder
/// (an installed `polygramc`) compiles exactly as the built one.
final class InstalledBinaryTests: CLITestCase {
    func testCopiedBinaryCompilesTheSameMachine() throws {
        let folder = try temporaryDirectory()
        let copy = folder.appendingPathComponent("bin/polygramc")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try XCTUnwrap(Paths.polygramc), to: copy)
        let out = folder.appendingPathComponent("out")
        let result = runProcess(copy, ["compile", Paths.animalsSpec.path, "-o", out.path, "--no-provenance"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("AnimalsInterference.q.orca.md")),
                       try Data(contentsOf: Paths.golden.appendingPathComponent("animals/AnimalsInterference.q.orca.md")))
    }
}

/// A one-letter output folder that does not exist yet: corelibs Foundation's
/// `deletingLastPathComponent` traps on one-character paths, which used to
/// kill `compile` (provenance looks for the nearest existing folder).
final class ShortPathTests: CLITestCase {
    func testOneLetterOutputFolder() throws {
        let cwd = try temporaryDirectory()
        for command in ["compile", "run"] {
            let result = run([command, Paths.animalsSpec.path, "-o", "q"], environment: ["SOURCE_DATE_EPOCH": "0"], cwd: cwd)
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: cwd.appendingPathComponent("q/AnimalsInterference.q.orca.md").path))
            try FileManager.default.removeItem(at: cwd.appendingPathComponent("q"))
        }
    }
}
