import Foundation
import XCTest

/// Unusable input: exit 2, `path:line:col: error: message` on stderr, nothing
/// on stdout, nothing written into the `-o` directory.
final class BadInputTests: CLITestCase {
    /// Runs `args`; expects exit 2, an error naming `fileName` (at `line:column`
    /// when given) containing `fragment`, and `outputDirectory` absent or empty.
    func assertUnusable(_ args: [String], fileName: String, line expectedLine: Int? = nil, column: Int? = nil,
                        fragment: String? = nil, outputDirectory: URL? = nil,
                        file: StaticString = #filePath, line: UInt = #line) {
        let result = run(args)
        XCTAssertEqual(result.status, 2, "stdout: \(result.stdout)\nstderr: \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertTrue(result.stderr.contains(fileName), "stderr lacks '\(fileName)': \(result.stderr)", file: file, line: line)
        if let expectedLine, let column {
            XCTAssertTrue(result.stderr.contains("\(fileName):\(expectedLine):\(column): error: "),
                          "stderr lacks '\(fileName):\(expectedLine):\(column): error: ': \(result.stderr)", file: file, line: line)
        } else if let expectedLine {
            XCTAssertTrue(matches(result.stderr, "\(NSRegularExpression.escapedPattern(for: fileName)):\(expectedLine):[0-9]+: error: "),
                          "stderr lacks '\(fileName):\(expectedLine):COL: error: ': \(result.stderr)", file: file, line: line)
        } else {
            XCTAssertTrue(result.stderr.contains("error:"), result.stderr, file: file, line: line)
        }
        if let fragment {
            XCTAssertTrue(result.stderr.contains(fragment), "stderr lacks '\(fragment)': \(result.stderr)", file: file, line: line)
        }
        if let outputDirectory {
            let left = listing(outputDirectory) ?? []
            XCTAssertTrue(left.isEmpty, "compile wrote into \(outputDirectory.lastPathComponent): \(left)", file: file, line: line)
        }
    }

    /// Writes `text` as `name` into a fresh directory and compiles it to a not-yet-existing `-o` directory.
    func assertSpecRejected(_ name: String, _ text: String, line expectedLine: Int? = nil, column: Int? = nil,
                            fragment: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try temporaryDirectory()
        let spec = dir.appendingPathComponent(name)
        try writeText(text, spec)
        let out = dir.appendingPathComponent("out")
        assertUnusable(["compile", spec.path, "-o", out.path, "--no-provenance"], fileName: name, line: expectedLine,
                       column: column, fragment: fragment, outputDirectory: out, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "compile created -o directory", file: file, line: line)
        // The default output directory (cwd) also stays untouched.
        let cwdRun = run(["compile", spec.path, "--no-provenance"], cwd: dir)
        XCTAssertEqual(cwdRun.status, 2, file: file, line: line)
        XCTAssertEqual(Set(listing(dir) ?? []), [name], "compile wrote into the working directory", file: file, line: line)
    }

    /// Writes `text` as `name` and verifies it.
    func assertMachineRejected(_ name: String, _ text: String, line expectedLine: Int? = nil, column: Int? = nil,
                               fragment: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try writeText(text, url)
        assertUnusable(["verify", url.path], fileName: name, line: expectedLine, column: column, fragment: fragment,
                       file: file, line: line)
        assertUnusable(["verify", "--json", url.path], fileName: name, line: expectedLine, column: column,
                       fragment: fragment, file: file, line: line)
    }

    static let goodSpec = """
        dictionary:
          name: Good
          encoding: mps_rung1
          features:
            - {name: a, cluster: c, beta: 0.1}
            - {name: b, cluster: c, beta: 0.2}

        """

    // MARK: - Specs

    func testMalformedYAMLSpecIsRejectedAtItsPosition() throws {
        try assertSpecRejected("malformed.yaml", "dictionary:\n  name: [D\n  features: []\n", line: 3, column: 11,
                               fragment: "malformed YAML")
    }

    func testMalformedJSONSpecIsRejectedAtTheExtraComma() throws {
        try assertSpecRejected("malformed.json", "{\"dictionary\": {\"name\": \"A\",\n  \"encoding\": \"mps_rung1\",, }}\n",
                               line: 2, column: 27, fragment: "JSON")
    }

    func testUnknownKeyIsRejectedAtTheKey() throws {
        try assertSpecRejected("unknown.yaml", "dictionary:\n  name: A\n  encoding: mps_rung1\n  featurez: []\n",
                               line: 4, column: 3, fragment: "featurez")
    }

    func testInvalidDictionaryNameIsRejectedAtTheName() throws {
        try assertSpecRejected("badname.yaml",
                               "dictionary:\n  name: 9Bad\n  encoding: mps_rung1\n  features:\n    - {name: a, cluster: c, beta: 0.1}\n",
                               line: 2, column: 9, fragment: "9Bad")
    }

    func testDuplicateFeatureIsRejectedAtTheSecondName() throws {
        try assertSpecRejected("dup.yaml", """
            dictionary:
              name: A
              encoding: mps_rung1
              features:
                - {name: a, cluster: c, beta: 0.1}
                - {name: a, cluster: c, beta: 0.2}

            """, line: 6, column: 14, fragment: "duplicate")
    }

    func testFeatureInTwoClustersIsRejectedAtTheSecondListing() throws {
        try assertSpecRejected("twoclusters.yaml", """
            dictionary:
              name: A
              encoding: mps_rung1
              clusters:
                c: [a, b]
                d: [a]
              features:
                - {name: a, cluster: c, beta: 0.1}
                - {name: b, cluster: c, beta: 0.2}

            """, line: 6, column: 9, fragment: "two clusters")
    }

    func testNonFiniteAngleIsRejectedAtTheValue() throws {
        try assertSpecRejected("inf.yaml",
                               "dictionary:\n  name: A\n  encoding: mps_rung1\n  features:\n    - {name: a, cluster: c, beta: .inf}\n",
                               line: 5, column: 35, fragment: "non-finite")
    }

    func testEmptySpecFileIsRejected() throws {
        try assertSpecRejected("empty.yaml", "", line: 1, column: 1)
    }

    func testOneBadSpecOfTwoWritesNeitherOutput() throws {
        let dir = try temporaryDirectory()
        let good = dir.appendingPathComponent("good.yaml"), bad = dir.appendingPathComponent("bad.yaml")
        try writeText(Self.goodSpec, good)
        try writeText("dictionary:\n  name: Bad\n  encoding: mps_rung1\n  features:\n    - {name: a, cluster: c, beta: .inf}\n", bad)
        // -o exists and is empty: it must stay empty (no partial or temporary files).
        let existing = dir.appendingPathComponent("existing")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        for order in [[good, bad], [bad, good]] {
            assertUnusable(["compile"] + order.map(\.path) + ["-o", existing.path], fileName: "bad.yaml", line: 5, column: 35,
                           outputDirectory: existing)
            let fresh = dir.appendingPathComponent("fresh")
            assertUnusable(["compile"] + order.map(\.path) + ["-o", fresh.path], fileName: "bad.yaml", line: 5, column: 35,
                           outputDirectory: fresh)
            XCTAssertFalse(FileManager.default.fileExists(atPath: fresh.path))
        }
        // A directory holding both is rejected the same way.
        let specs = dir.appendingPathComponent("specs")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: good, to: specs.appendingPathComponent("good.yaml"))
        try FileManager.default.copyItem(at: bad, to: specs.appendingPathComponent("bad.yaml"))
        assertUnusable(["compile", specs.path, "-o", existing.path], fileName: "bad.yaml", line: 5, column: 35,
                       outputDirectory: existing)
        // Sanity: the good spec alone compiles.
        let alone = run(["compile", good.path, "-o", existing.path])
        XCTAssertEqual(alone.status, 0, alone.stderr)
        XCTAssertEqual(listing(existing), ["Good.q.orca.md"])
    }

    // MARK: - Machines

    func animalsText() throws -> String { try readText(try emitAnimals(into: try temporaryDirectory())) }

    func testUnknownGateIsRejectedAtTheGate() throws {
        let text = try replacingOnce("Ry(qs[0], a)", with: "Rq(qs[0], a)", in: try animalsText())
        let at = try XCTUnwrap(position(of: "Rq(qs[0], a)", in: text))
        try assertMachineRejected("gate.q.orca.md", text, line: at.line, column: at.column, fragment: "Rq")
    }

    func testUndefinedEffectParameterIsRejectedAtTheParameter() throws {
        let text = try replacingOnce("Ry(qs[0], a)", with: "Ry(qs[0], zz)", in: try animalsText())
        let at = try XCTUnwrap(position(of: "zz)", in: text))
        try assertMachineRejected("param.q.orca.md", text, line: at.line, column: at.column, fragment: "zz")
    }

    func testTruncatedTransitionsRowIsRejectedAtTheRow() throws {
        let text = try replacingOnce("| prepared_bird_sparrow | measure_done | | done | |",
                                     with: "| prepared_bird_sparrow | measure_done |", in: try animalsText())
        let at = try XCTUnwrap(position(of: "| prepared_bird_sparrow | measure_done |", in: text))
        try assertMachineRejected("truncated.q.orca.md", text, line: at.line, column: 1)
    }

    func testEmptyMachineFileIsRejected() throws {
        try assertMachineRejected("empty.q.orca.md", "", line: 1, column: 1)
    }

    // MARK: - Paths and usage

    func testDirectoryWithoutMachinesIsRejected() throws {
        let dir = try temporaryDirectory().appendingPathComponent("nomachines")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try writeText("not a machine", dir.appendingPathComponent("notes.md"))
        assertUnusable(["verify", dir.path], fileName: "nomachines")
    }

    func testNonexistentPathIsRejected() throws {
        let missing = try temporaryDirectory().appendingPathComponent("missing.q.orca.md")
        assertUnusable(["verify", missing.path], fileName: "missing.q.orca.md")
        let out = try temporaryDirectory().appendingPathComponent("out")
        assertUnusable(["compile", missing.deletingLastPathComponent().appendingPathComponent("missing.yaml").path,
                        "-o", out.path], fileName: "missing.yaml", outputDirectory: out)
    }

    func testVerifyWithoutPathsIsAUsageError() {
        let result = run(["verify"])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("Usage"), result.stderr)
    }

    func testCompileWithoutSpecsIsAUsageError() {
        let result = run(["compile"])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertFalse(result.stderr.isEmpty)
    }

    func testUnknownSubcommandIsAUsageError() {
        let result = run(["frobnicate"])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("frobnicate"), result.stderr)
    }

    func testUnknownOptionIsAUsageError() {
        let result = run(["verify", "--frobnicate", Paths.animalsSpec.path])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("frobnicate"), result.stderr)
    }

    // MARK: - Memory guard

    func testFortyQubitRegisterIsRefusedWithoutAllocating() throws {
        let qubits = (0..<40).map { "q\($0)" }.joined(separator: ", ")
        let text = try replacingOnce("[q0, q1, q2]", with: "[\(qubits)]", in: try animalsText())
        XCTAssertTrue(text.contains("prepare_concept(0.0, -0.5, 0.0, 0.0)"))
        let url = try temporaryDirectory().appendingPathComponent("forty.q.orca.md")
        try writeText(text, url)
        for args in [["verify", url.path], ["verify", "--json", url.path]] {
            let start = Date()
            let result = run(args, timeout: 60)
            XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
            XCTAssertTrue(result.stderr.contains("forty.q.orca.md"), result.stderr)
            XCTAssertTrue(result.stderr.lowercased().contains("refus"), "no refusal in: \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("40"), result.stderr)
            XCTAssertLessThan(Date().timeIntervalSince(start), 30, "refusal took too long: did it try to simulate?")
        }
    }

    func testMemoryLimitEnvironmentVariableIsHonoured() throws {
        // The 3-qubit animals machine needs a few hundred bytes: 16 bytes is too few.
        let url = try emitAnimals(into: try temporaryDirectory())
        let limited = run(["verify", url.path], environment: ["POLYGRAMC_MEMORY_LIMIT": "16"], timeout: 60)
        XCTAssertEqual(limited.status, 2, limited.stdout + limited.stderr)
        XCTAssertTrue(limited.stderr.lowercased().contains("refus"), limited.stderr)
        let ample = run(["verify", url.path], environment: ["POLYGRAMC_MEMORY_LIMIT": "\(1 << 30)"], timeout: 60)
        XCTAssertEqual(ample.status, 0, ample.stdout + ample.stderr)
    }
}
