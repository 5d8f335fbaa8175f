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

    @Option(help: "Also check that the machine named like this spec's dictionary has exactly its Gram.")
    var spec: String?

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
        let dictionary = try spec.map { try SpecReader.read(path: $0).dictionary }
        let files = try InputFiles.collect(paths, matching: InputFiles.isMachine, kind: "*.q.orca.md machines")
        var reports: [FileReport] = []
        var compared = false
        for file in files {
            let machines = try QOrcaReader.read(path: file)
            var machineReports: [MachineReport] = []
            for machine in machines {
                var report = try Verifier.verify(machine)
                if let dictionary, machine.name == dictionary.name {
                    report.diagnostics += try DictionaryComparison.check(machine, report, against: dictionary)
                    compared = true
                }
                machineReports.append(report)
            }
            reports.append(FileReport(path: file, machines: machineReports))
        }
        if let dictionary, !compared, let spec {
            throw InputError("no machine named '\(dictionary.name)' among the verified files", file: spec)
        }
        print(json ? JSONReport.render(reports, strict: strict) : TextReport.render(reports, strict: strict),
              terminator: "")
        let valid = reports.allSatisfy { $0.machines.allSatisfy { $0.isValid(strict: strict) } }
        if !valid { throw ExitCode(1) }
    }
}
