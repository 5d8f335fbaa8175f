import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `verify --junit FILE` and `--sarif FILE`: well-formed, the shape the
/// common schemas ask for, the same findings as `--json`, and exit codes
/// that do not depend on the output mode.
final class ReportFormatTests: CLITestCase {
    /// One finding, as every format can spell it.
    struct Finding: Hashable, CustomStringConvertible {
        var file: String, machine: String, code: String, severity: String, message: String
        var line: Int?, column: Int?
        var description: String { "\(file):\(line ?? 0):\(column ?? 0) [\(machine)] \(severity) \(code): \(message)" }
    }

    /// A directory with a clean machine with warnings (animals), one with a
    /// structural error (stops verification), one with a Gram error, and two
    /// corpus machines; returns it and the relative paths to pass from it.
    func fixtures() throws -> (dir: URL, paths: [String]) {
        let dir = try temporaryDirectory()
        let machines = dir.appendingPathComponent("machines")
        try FileManager.default.createDirectory(at: machines, withIntermediateDirectories: true)
        let clean = try readText(try emitAnimals(into: machines))
        try writeText(try replacingOnce("| prepared_bird_hawk | measure_done | | done | |",
                                        with: "| prepared_bird_hawk | measure_done | | nowhere | |", in: clean),
                      machines.appendingPathComponent("Undeclared.q.orca.md"))
        let hierarchy = try readText(Paths.corpus.appendingPathComponent("larql-animals-hierarchy.q.orca.md"))
        try writeText(try replacingOnce("anti-γ constructive 0.753 >", with: "anti-γ constructive 0.9 >", in: hierarchy),
                      machines.appendingPathComponent("hierarchy <edited> & \"quoted\".q.orca.md"))
        for name in ["bell-entangler.q.orca.md", "ghz-state.q.orca.md"] {
            try FileManager.default.copyItem(at: Paths.corpus.appendingPathComponent(name), to: machines.appendingPathComponent(name))
        }
        return (dir, ["machines"])
    }

    // MARK: - Findings of each format

    func jsonFindings(_ report: [String: Any]) throws -> (findings: [Finding], machines: [(file: String, machine: String, valid: Bool)]) {
        var findings: [Finding] = []
        var machines: [(String, String, Bool)] = []
        for file in report["files"] as? [[String: Any]] ?? [] {
            let path = try XCTUnwrap(file["path"] as? String)
            for machine in file["machines"] as? [[String: Any]] ?? [] {
                let name = try XCTUnwrap(machine["name"] as? String)
                machines.append((path, name, try XCTUnwrap(machine["valid"] as? Bool)))
                for d in diagnostics(machine) {
                    findings.append(Finding(file: path, machine: name, code: try XCTUnwrap(d["code"] as? String),
                                            severity: try XCTUnwrap(d["severity"] as? String),
                                            message: try XCTUnwrap(d["message"] as? String),
                                            line: d["line"] as? Int, column: d["column"] as? Int))
                }
            }
        }
        return (findings, machines)
    }

    /// Parses JUnit XML into elements, checking the schema's required
    /// attributes and nesting and that the counts add up.
    func junitFindings(_ data: Data, strict: Bool, file: StaticString = #filePath, line: UInt = #line) throws
        -> (findings: [Finding], failing: Set<String>, classnames: Set<String>) {
        let tree = try XMLTree.parse(data)
        XCTAssertEqual(tree.name, "testsuites", file: file, line: line)
        for key in ["name", "tests", "failures", "errors"] { XCTAssertNotNil(tree.attributes[key], "testsuites@\(key)", file: file, line: line) }
        var findings: [Finding] = []
        var failing: Set<String> = []
        var classnames: Set<String> = []
        var totals = (tests: 0, failures: 0, errors: 0)
        let pattern = try NSRegularExpression(pattern: #"^(.*?)(?::([0-9]+):([0-9]+))?: (error|warning|info): ([A-Z0-9_]+): (.*)$"#)
        for suite in tree.children {
            XCTAssertEqual(suite.name, "testsuite", file: file, line: line)
            for key in ["name", "tests", "failures", "errors"] { XCTAssertNotNil(suite.attributes[key], "testsuite@\(key)", file: file, line: line) }
            let cases = suite.children.filter { $0.name == "testcase" }
            XCTAssertEqual(cases.count, suite.children.count, "only testcases in a testsuite", file: file, line: line)
            let failed = cases.filter { $0.children.contains { $0.name == "failure" } }
            XCTAssertEqual(Int(suite.attributes["tests"] ?? ""), cases.count, file: file, line: line)
            XCTAssertEqual(Int(suite.attributes["failures"] ?? ""), failed.count, file: file, line: line)
            XCTAssertEqual(Int(suite.attributes["errors"] ?? ""), cases.filter { $0.children.contains { $0.name == "error" } }.count,
                           file: file, line: line)
            XCTAssertEqual(Int(suite.attributes["skipped"] ?? ""), cases.filter { $0.children.contains { $0.name == "skipped" } }.count,
                           file: file, line: line)
            totals.tests += cases.count
            totals.failures += failed.count
            for testCase in cases {
                let name = try XCTUnwrap(testCase.attributes["name"], file: file, line: line)
                let classname = try XCTUnwrap(testCase.attributes["classname"], file: file, line: line)
                XCTAssertTrue(classname.hasPrefix(suite.attributes["name"]! + "."), classname, file: file, line: line)
                classnames.insert(classname)
                let machine = String(classname.dropFirst(suite.attributes["name"]!.count + 1))
                for child in testCase.children {
                    XCTAssertTrue(["failure", "skipped", "system-out"].contains(child.name), child.name, file: file, line: line)
                    if child.name == "failure" {
                        XCTAssertNotNil(child.attributes["message"], file: file, line: line)
                        XCTAssertNotNil(child.attributes["type"], file: file, line: line)
                        failing.insert("\(classname)/\(name)")
                    }
                    if child.name == "skipped" {
                        XCTAssertFalse(testCase.children.contains { $0.name == "failure" || $0.name == "system-out" },
                                       "a skipped check has no findings", file: file, line: line)
                    }
                    guard child.name == "failure" || child.name == "system-out" else { continue }
                    for text in child.text.components(separatedBy: "\n") where !text.hasPrefix(" ") {
                        let range = NSRange(text.startIndex..., in: text)
                        let match = try XCTUnwrap(pattern.firstMatch(in: text, range: range), "unparsable line '\(text)'", file: file, line: line)
                        func group(_ i: Int) -> String? { Range(match.range(at: i), in: text).map { String(text[$0]) } }
                        let finding = Finding(file: group(1)!, machine: machine, code: group(5)!, severity: group(4)!,
                                              message: group(6)!, line: group(2).flatMap { Int($0) }, column: group(3).flatMap { Int($0) })
                        XCTAssertEqual(finding.code, name, "finding under its check's testcase", file: file, line: line)
                        let fails = finding.severity == "error" || (strict && finding.severity == "warning")
                        XCTAssertEqual(child.name == "failure", fails, "\(finding)", file: file, line: line)
                        findings.append(finding)
                    }
                }
            }
        }
        XCTAssertEqual(Int(tree.attributes["tests"] ?? ""), totals.tests, file: file, line: line)
        XCTAssertEqual(Int(tree.attributes["failures"] ?? ""), totals.failures, file: file, line: line)
        XCTAssertEqual(Int(tree.attributes["errors"] ?? ""), 0, file: file, line: line)
        return (findings, failing, classnames)
    }

    func sarifFindings(_ data: Data, checks: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [Finding] {
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
        XCTAssertEqual(object["version"] as? String, "2.1.0", file: file, line: line)
        XCTAssertTrue((object["$schema"] as? String)?.hasPrefix("https://") == true, file: file, line: line)
        let runs = try XCTUnwrap(object["runs"] as? [[String: Any]], file: file, line: line)
        XCTAssertEqual(runs.count, 1, file: file, line: line)
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any], file: file, line: line)
        XCTAssertEqual(driver["name"] as? String, "polygramc", file: file, line: line)
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]], file: file, line: line)
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        XCTAssertEqual(Array(ruleIDs.prefix(checks.count)), checks, "rules start with --list-checks", file: file, line: line)
        for rule in rules {
            XCTAssertNotNil((rule["shortDescription"] as? [String: Any])?["text"] as? String, "\(rule)", file: file, line: line)
        }
        var findings: [Finding] = []
        for result in try XCTUnwrap(runs[0]["results"] as? [[String: Any]], file: file, line: line) {
            let ruleId = try XCTUnwrap(result["ruleId"] as? String, file: file, line: line)
            if let index = result["ruleIndex"] as? Int { XCTAssertEqual(ruleIDs[index], ruleId, file: file, line: line) }
            let level = try XCTUnwrap(result["level"] as? String, file: file, line: line)
            XCTAssertTrue(["error", "warning", "note"].contains(level), level, file: file, line: line)
            let message = try XCTUnwrap((result["message"] as? [String: Any])?["text"] as? String, file: file, line: line)
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first, file: file, line: line)
            let physical = try XCTUnwrap(location["physicalLocation"] as? [String: Any], file: file, line: line)
            let uri = try XCTUnwrap((physical["artifactLocation"] as? [String: Any])?["uri"] as? String, file: file, line: line)
            let region = physical["region"] as? [String: Any]
            let machine = try XCTUnwrap((location["logicalLocations"] as? [[String: Any]])?.first?["name"] as? String, file: file, line: line)
            findings.append(Finding(file: try XCTUnwrap(uri.removingPercentEncoding), machine: machine, code: ruleId,
                                    severity: level == "note" ? "info" : level, message: message,
                                    line: region?["startLine"] as? Int, column: region?["startColumn"] as? Int))
        }
        return findings
    }

    func listedChecks() -> [String] {
        run(["verify", "--list-checks"]).stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    }

    // MARK: - Tests

    func testJUnitAndSARIFCarryTheFindingsOfJSON() throws {
        let (dir, paths) = try fixtures()
        let checks = listedChecks()
        // `out/` does not exist: an unwritable report file is exit 2, with nothing on stdout.
        let unwritable = run(["verify", "--json", "--junit", "out/report.xml", "--sarif", "out/report.sarif"] + paths, cwd: dir)
        XCTAssertEqual(unwritable.status, 2, unwritable.stderr)
        XCTAssertTrue(unwritable.stdout.isEmpty, unwritable.stdout)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        for strict in [false, true] {
            let flags = strict ? ["--strict"] : []
            let ok = run(["verify", "--json", "--junit", "out/report.xml", "--sarif", "out/report.sarif"] + flags + paths, cwd: dir)
            XCTAssertEqual(ok.status, 1, ok.stderr)
            let (expected, machines) = try jsonFindings(try jsonObject(ok.stdout))
            XCTAssertEqual(machines.count, 5)
            XCTAssertTrue(expected.contains { $0.severity == "error" } && expected.contains { $0.severity == "warning" }, "\(expected)")

            let junitData = try Data(contentsOf: dir.appendingPathComponent("out/report.xml"))
            let junit = try junitFindings(junitData, strict: strict)
            XCTAssertEqual(junit.findings.sorted(by: { $0.description < $1.description }),
                           expected.sorted(by: { $0.description < $1.description }))
            for machine in machines {
                let classname = "\(machine.file).\(machine.machine)"
                XCTAssertTrue(junit.classnames.contains(classname), "no testcase for \(classname)")
                XCTAssertEqual(junit.failing.contains { $0.hasPrefix(classname + "/") }, !machine.valid, classname)
            }
            if let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                let lint = runProcess(URL(fileURLWithPath: xmllint), ["--noout", "out/report.xml"], cwd: dir)
                XCTAssertEqual(lint.status, 0, lint.stderr)
            }

            let sarif = try sarifFindings(try Data(contentsOf: dir.appendingPathComponent("out/report.sarif")), checks: checks)
            XCTAssertEqual(sarif.sorted(by: { $0.description < $1.description }), expected.sorted(by: { $0.description < $1.description }))
            XCTAssertTrue(sarif.contains { $0.file.contains("<edited> & \"quoted\"") }, "escaping survives: \(sarif)")
        }
    }

    func testStructuralErrorSkipsTheLaterChecksAndStrictFailsOnWarnings() throws {
        let (dir, paths) = try fixtures()
        _ = run(["verify", "--junit", "lenient.xml"] + paths, cwd: dir)
        _ = run(["verify", "--strict", "--junit", "strict.xml"] + paths, cwd: dir)
        let lenient = try XMLTree.parse(try Data(contentsOf: dir.appendingPathComponent("lenient.xml")))
        let strict = try XMLTree.parse(try Data(contentsOf: dir.appendingPathComponent("strict.xml")))
        func suite(_ tree: XMLTree, _ suffix: String) throws -> XMLTree {
            try XCTUnwrap(tree.children.first { $0.attributes["name"]?.hasSuffix(suffix) == true }, suffix)
        }
        let undeclared = try suite(lenient, "Undeclared.q.orca.md")
        XCTAssertEqual(undeclared.attributes["failures"], "1")
        XCTAssertGreaterThan(Int(undeclared.attributes["skipped"] ?? "") ?? 0, 0)
        let superposition = try XCTUnwrap(undeclared.children.first { $0.attributes["name"] == "SUPERPOSITION_LEAK" })
        XCTAssertEqual(superposition.children.map(\.name), ["skipped"])

        let animals = try suite(lenient, "AnimalsInterference.q.orca.md")
        XCTAssertEqual(animals.attributes["failures"], "0")
        let leak = try XCTUnwrap(animals.children.first { $0.attributes["name"] == "SUPERPOSITION_LEAK" })
        XCTAssertEqual(leak.children.map(\.name), ["system-out"])
        let strictLeak = try XCTUnwrap(try suite(strict, "AnimalsInterference.q.orca.md").children.first { $0.attributes["name"] == "SUPERPOSITION_LEAK" })
        XCTAssertEqual(strictLeak.children.map(\.name), ["failure"])
        XCTAssertEqual(strictLeak.children.first?.attributes["type"], "warning")
    }

    func testReportsAreByteStable() throws {
        let (dir, paths) = try fixtures()
        for name in ["a", "b"] {
            let result = run(["verify", "--junit", "\(name).xml", "--sarif", "\(name).sarif"] + paths, cwd: dir)
            XCTAssertEqual(result.status, 1, result.stderr)
        }
        for ext in ["xml", "sarif"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("a.\(ext)")), b = try Data(contentsOf: dir.appendingPathComponent("b.\(ext)"))
            XCTAssertEqual(a, b, firstDifference(a, b))
        }
    }

    func testExitCodesAgreeInEveryOutputMode() throws {
        let (dir, _) = try fixtures()
        let valid = "machines/bell-entangler.q.orca.md", warned = "machines/AnimalsInterference.q.orca.md"
        let invalid = "machines/Undeclared.q.orca.md"
        try writeText("\n", dir.appendingPathComponent("unusable.q.orca.md"))
        let modes: [[String]] = [[], ["--json"], ["--junit", "r.xml"], ["--sarif", "r.sarif"],
                                 ["--json", "--junit", "r.xml", "--sarif", "r.sarif"]]
        let cases: [(args: [String], status: Int32)] = [
            ([valid], 0), ([warned], 0), (["--strict", warned], 1), (["--strict", valid], 0), ([invalid], 1),
            ([valid, invalid], 1), ([valid, "unusable.q.orca.md"], 2), (["missing.q.orca.md"], 2),
        ]
        for mode in modes {
            for (args, status) in cases {
                for report in ["r.xml", "r.sarif"] { try? FileManager.default.removeItem(at: dir.appendingPathComponent(report)) }
                let result = run(["verify"] + mode + args, cwd: dir)
                XCTAssertEqual(result.status, status, "\(mode + args): \(result.stderr)")
                for report in ["r.xml", "r.sarif"] where mode.contains(report) {
                    XCTAssertEqual(FileManager.default.fileExists(atPath: dir.appendingPathComponent(report).path), status != 2,
                                   "\(report) after \(mode + args)")
                }
                if status == 2 {
                    XCTAssertTrue(result.stdout.isEmpty, result.stdout)
                    XCTAssertTrue(result.stderr.contains(": error: "), result.stderr)
                }
            }
        }
    }

    /// Found by FuzzTests: a register of ~90+ qubits made the "too large"
    /// message trap (SimulationError.gib converts a huge Double to Int)
    /// instead of exiting 2. Fails until Sources/Simulate/State/SimulationError.swift is fixed.
    func testHugeRegisterIsUnusableInputInEveryModeNotACrash() throws {
        let dir = try temporaryDirectory()
        let clean = try readText(try emitAnimals(into: dir))
        for n in [60, 100, 1100] {
            let url = dir.appendingPathComponent("wide\(n).q.orca.md")
            try writeText(try replacingOnce("| [q0, q1, q2]       |", with: "| [q0, q1, q\(n)] |", in: clean), url)
            for mode in [[], ["--json", "--junit", "r.xml", "--sarif", "r.sarif"]] {
                let result = run(["verify"] + mode + [url.lastPathComponent], cwd: dir)
                XCTAssertEqual(result.status, 2, "q\(n) \(mode): \(result.stderr.prefix(300))")
                XCTAssertTrue(result.stderr.contains("memory budget"), String(result.stderr.prefix(300)))
            }
        }
    }
}

/// A minimal DOM from Foundation's XMLParser: element names, attributes,
/// children, text. Throws when the document is not well-formed.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    var children: [XMLTree] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    static func parse(_ data: Data) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw TestFailure("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = XMLTree(name: name, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
