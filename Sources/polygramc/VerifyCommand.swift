import ArgumentParser
import Foundation
import Frontend
import IR
import Verify

/// `polygramc verify PATH... [--json] [--strict]`
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Parse, simulate and check .q.orca.md machines.")

    @Argument(help: "Machine files, or directories searched for *.q.orca.md.")
    var paths: [String] = []

    @Flag(help: "Print the JSON report instead of text.")
    var json = false

    @Flag(help: "Treat warnings as failures.")
    var strict = false

    @Flag(help: "List every check with its code and description, then exit.")
    var listChecks = false

    func validate() throws {
        if !listChecks && paths.isEmpty { throw ValidationError("give at least one PATH") }
    }

    func run() throws {
        if listChecks {
            for check in Verifier.checkList { print("\(check.code)\t\(check.summary)") }
            return
        }
        let files = try InputFiles.collect(paths, matching: InputFiles.isMachine, kind: "*.q.orca.md machines")
        var reports: [FileReport] = []
        for file in files {
            let machines = try QOrcaReader.read(path: file)
            reports.append(FileReport(path: file, machines: try machines.map(Verifier.verify)))
        }
        print(json ? JSONReport.render(reports, strict: strict) : TextReport.render(reports, strict: strict),
              terminator: "")
        let valid = reports.allSatisfy { $0.machines.allSatisfy { $0.isValid(strict: strict) } }
        if !valid { throw ExitCode(1) }
    }
}
