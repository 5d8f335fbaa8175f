import Foundation
import XCTest

/// Where things are: the package root, the shared reference data, the built
/// `polygramc` executable.
enum Paths {
    /// `<root>/Tests/CLITests/CLIHarness.swift` → `<root>`.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .standardizedFileURL

    static let golden = root.appendingPathComponent("golden")
    static let reference = root.appendingPathComponent("../shared/reference").standardizedFileURL
    static let cases = reference.appendingPathComponent("cases")
    static let corpus = reference.appendingPathComponent("qorca-corpus")
    static let animalsSpec = golden.appendingPathComponent("animals/animals.yaml")

    /// The executable next to the test bundle (`Bundle.main.bundleURL` is the
    /// build products directory on Linux; on macOS the bundle sits in it), or
    /// else `<root>/.build*/debug/polygramc`.
    static let polygramc: URL? = {
        let manager = FileManager.default
        var candidates: [URL] = [Bundle.main.bundleURL.appendingPathComponent("polygramc")]
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("polygramc"))
        }
        let scratch = ((try? manager.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { $0.hasPrefix(".build") }.sorted()
        candidates += scratch.map { root.appendingPathComponent("\($0)/debug/polygramc") }
        return candidates.first { manager.isExecutableFile(atPath: $0.path) }
    }()
}

struct MissingExecutable: Error, CustomStringConvertible {
    var description: String {
        "polygramc executable not found next to the test bundle (\(Bundle.main.bundleURL.path)) nor in "
            + "\(Paths.root.path)/.build*/debug/; build it first: swift build [--scratch-path DIR] --product polygramc"
    }
}

typealias RunResult = (status: Int32, stdout: String, stderr: String)

/// Runs an executable with extra environment variables, waits at most
/// `timeout` seconds (then kills it and records a failure). Output goes
/// through files, so large outputs never block the child.
func runProcess(_ executable: URL, _ args: [String], environment: [String: String] = [:], cwd: URL? = nil,
                timeout: TimeInterval = 120, file: StaticString = #filePath, line: UInt = #line) -> RunResult {
    let manager = FileManager.default
    let capture = manager.temporaryDirectory.appendingPathComponent("polygramc-cli-\(UUID().uuidString)")
    do {
        try manager.createDirectory(at: capture, withIntermediateDirectories: true)
    } catch {
        XCTFail("cannot create \(capture.path): \(error)", file: file, line: line)
        return (-1, "", "")
    }
    defer { try? manager.removeItem(at: capture) }
    let outURL = capture.appendingPathComponent("stdout"), errURL = capture.appendingPathComponent("stderr")
    _ = manager.createFile(atPath: outURL.path, contents: nil)
    _ = manager.createFile(atPath: errURL.path, contents: nil)

    let process = Process()
    process.executableURL = executable
    process.arguments = args
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    if let cwd { process.currentDirectoryURL = cwd }
    process.standardInput = FileHandle.nullDevice
    do {
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        try process.run()
    } catch {
        XCTFail("cannot run \(executable.path) \(args): \(error)", file: file, line: line)
        return (-1, "", "")
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(5_000) }
    if process.isRunning {
        process.terminate()
        usleep(200_000)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        XCTFail("timed out after \(Int(timeout)) s: \(executable.lastPathComponent) \(args.joined(separator: " "))",
                file: file, line: line)
    }
    process.waitUntilExit()
    let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
    let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    return (process.terminationStatus, stdout, stderr)
}

/// Runs the built `polygramc`.
func runPolygramc(_ args: [String], environment: [String: String] = [:], cwd: URL? = nil, timeout: TimeInterval = 120,
         file: StaticString = #filePath, line: UInt = #line) -> RunResult {
    guard let executable = Paths.polygramc else {
        XCTFail(MissingExecutable().description, file: file, line: line)
        return (-1, "", MissingExecutable().description)
    }
    return runProcess(executable, args, environment: environment, cwd: cwd, timeout: timeout, file: file, line: line)
}

/// Base class: fails every test with a clear message when the executable is
/// missing, and hands out temporary directories that are removed afterwards.
class CLITestCase: XCTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        guard Paths.polygramc != nil else { throw MissingExecutable() }
    }

    /// Runs the built `polygramc` (see `runPolygramc`).
    func run(_ args: [String], environment: [String: String] = [:], cwd: URL? = nil, timeout: TimeInterval = 120,
             file: StaticString = #filePath, line: UInt = #line) -> RunResult {
        runPolygramc(args, environment: environment, cwd: cwd, timeout: timeout, file: file, line: line)
    }

    /// A fresh, existing temporary directory, deleted at teardown.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("polygramc-clitests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Compiles the animals spec into `directory` and returns the machine's URL.
    func emitAnimals(into directory: URL, provenance: Bool = false,
                     file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let result = run(["compile", Paths.animalsSpec.path, "-o", directory.path] + (provenance ? [] : ["--no-provenance"]),
                         environment: ["SOURCE_DATE_EPOCH": "0"], file: file, line: line)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let url = directory.appendingPathComponent("AnimalsInterference.q.orca.md")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw TestFailure("compile did not write \(url.path); stderr: \(result.stderr)")
        }
        return url
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Text and JSON helpers

func readText(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

func writeText(_ text: String, _ url: URL) throws { try Data(text.utf8).write(to: url) }

/// The 1-based line and column (in characters) of the first occurrence of
/// `needle` in `text`.
func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
        if let range = line.range(of: needle) {
            return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
        }
    }
    return nil
}

/// `text` with exactly one occurrence of `old` replaced; fails if there is not exactly one.
func replacingOnce(_ old: String, with new: String, in text: String) throws -> String {
    let parts = text.components(separatedBy: old)
    guard parts.count == 2 else { throw TestFailure("expected exactly one '\(old)' in the fixture, found \(parts.count - 1)") }
    return parts.joined(separator: new)
}

func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw TestFailure("not a JSON object: \(text.prefix(200))")
    }
    return object
}

func jsonObject(contentsOf url: URL) throws -> [String: Any] { try jsonObject(try readText(url)) }

/// `files[0].machines[0]` of a `verify --json` report.
func firstMachine(_ report: [String: Any]) throws -> [String: Any] {
    guard let files = report["files"] as? [[String: Any]], let first = files.first,
          let machines = first["machines"] as? [[String: Any]], let machine = machines.first else {
        throw TestFailure("report has no files[0].machines[0]: \(report)")
    }
    return machine
}

func diagnostics(_ machine: [String: Any]) -> [[String: Any]] { machine["diagnostics"] as? [[String: Any]] ?? [] }

func matrix(_ value: Any?) throws -> [[Double]] {
    guard let rows = value as? [[Any]] else { throw TestFailure("not a matrix: \(String(describing: value))") }
    return try rows.map { row in
        try row.map { entry in
            guard let number = entry as? NSNumber else { throw TestFailure("not a number: \(entry)") }
            return number.doubleValue
        }
    }
}

/// Off-diagonal entries (i < j) of a square matrix.
func offDiagonal(_ m: [[Double]]) -> [Double] {
    var values: [Double] = []
    for i in m.indices { for j in m.indices where j > i { values.append(m[i][j]) } }
    return values
}

/// Regular-expression match.
func matches(_ text: String, _ pattern: String) -> Bool {
    text.range(of: pattern, options: .regularExpression) != nil
}

/// Describes where two byte strings first differ, for failure messages.
func firstDifference(_ a: Data, _ b: Data) -> String {
    let linesA = String(decoding: a, as: UTF8.self).components(separatedBy: "\n")
    let linesB = String(decoding: b, as: UTF8.self).components(separatedBy: "\n")
    for i in 0..<max(linesA.count, linesB.count) {
        let x = i < linesA.count ? linesA[i] : "<EOF>", y = i < linesB.count ? linesB[i] : "<EOF>"
        if x != y { return "line \(i + 1):\n  got:      \(x)\n  expected: \(y)" }
    }
    return "sizes \(a.count) vs \(b.count)"
}

/// Contents of a directory, or nil if it does not exist.
func listing(_ url: URL) -> [String]? { try? FileManager.default.contentsOfDirectory(atPath: url.path) }
