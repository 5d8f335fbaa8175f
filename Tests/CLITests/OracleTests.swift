import Foundation
import XCTest

/// The reference verifier (`q-orca==0.9.1`, from PyPI into a venv under
/// `<root>/.build-oracle-venv`, reused when it already holds that version)
/// accepts the machine polygramc emits.
final class OracleTests: CLITestCase {
    static let venv = Paths.root.appendingPathComponent(".build-oracle-venv")
    static let version = "0.9.1"

    func pythonExecutable() throws -> URL {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return URL(fileURLWithPath: candidate)
        }
        let which = runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["which", "python3"], timeout: 30)
        let path = which.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard which.status == 0, !path.isEmpty else { throw TestFailure("python3 not found on PATH: \(which.stderr)") }
        return URL(fileURLWithPath: path)
    }

    /// The venv's `q-orca`, installing it when missing. Throws (fails the test) when pip fails.
    func qOrca() throws -> URL {
        let bin = Self.venv.appendingPathComponent("bin")
        let qorca = bin.appendingPathComponent("q-orca"), python = bin.appendingPathComponent("python")
        if FileManager.default.isExecutableFile(atPath: qorca.path) {
            let show = runProcess(python, ["-m", "pip", "show", "q-orca"], timeout: 120)
            if show.status == 0, show.stdout.contains("Version: \(Self.version)\n") { return qorca }
        }
        try? FileManager.default.removeItem(at: Self.venv)
        let create = runProcess(try pythonExecutable(), ["-m", "venv", Self.venv.path], timeout: 300)
        guard create.status == 0 else {
            throw TestFailure("python3 -m venv \(Self.venv.path) failed (\(create.status)):\n\(create.stderr)\(create.stdout)")
        }
        let pip = runProcess(bin.appendingPathComponent("pip"), ["install", "-q", "q-orca==\(Self.version)"],
                             environment: ["PIP_DISABLE_PIP_VERSION_CHECK": "1"], timeout: 300)
        guard pip.status == 0, FileManager.default.isExecutableFile(atPath: qorca.path) else {
            try? FileManager.default.removeItem(at: Self.venv)
            throw TestFailure("pip install q-orca==\(Self.version) failed (\(pip.status)):\n\(pip.stderr)\(pip.stdout)")
        }
        return qorca
    }

    func testReferenceVerifierAcceptsTheEmittedAnimalsMachine() throws {
        let machine = try emitAnimals(into: try temporaryDirectory(), provenance: true)
        XCTAssertTrue(try readText(machine).hasPrefix("<!--"), "expected the provenance block")
        let qorca = try qOrca()
        let result = runProcess(qorca, ["verify", "--json", machine.path], timeout: 300)
        XCTAssertEqual(result.status, 0, "q-orca verify: \(result.stdout)\n\(result.stderr)")
        let report = try jsonObject(result.stdout)
        XCTAssertEqual(report["machine"] as? String, "AnimalsInterference")
        XCTAssertEqual(report["valid"] as? Bool, true, "q-orca rejected the machine: \(result.stdout)")
        let errors = (report["errors"] as? [[String: Any]] ?? []).filter { ($0["severity"] as? String) == "error" }
        XCTAssertTrue(errors.isEmpty, "q-orca errors: \(errors)")
    }
}
