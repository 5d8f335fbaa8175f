import ArgumentParser
import Foundation
import Frontend
import IR
import Verify

/// One `polygramc verify` run with its options already parsed and validated
/// (by `VerifyCommand`, or by `fastPath` for the everyday call).
struct VerifyJob {
    var paths: [String]
    var json = false
    var junitPath: String?
    var sarifPath: String?
    var strict = false
    var spec: String?
    var shard: String?
    var jobs: Int?
    var merge = false

    /// `verify PATH… [--json] [--strict]` (each flag at most once, at least one
    /// path, no other option), recognised without ArgumentParser: its
    /// reflection-driven parse costs about 1.5 ms, a third of verifying a
    /// small file. Anything else returns nil and takes the full parser.
    static func fastPath(_ arguments: [String]) -> VerifyJob? {
        guard arguments.first == "verify",
              let line = SimpleCommandLine(arguments.dropFirst(), flags: ["--json", "--strict"]),
              !line.positionals.isEmpty else { return nil }
        return VerifyJob(paths: line.positionals, json: line.flags.contains("--json"), strict: line.flags.contains("--strict"))
    }

    func run() throws {
        let reports = merge ? try mergeReports() : try verifyFiles()

        // Everything is rendered before anything is written or printed.
        let stdout = json ? JSONReport.render(reports, strict: strict) : TextReport.render(reports, strict: strict)
        var outputs: [(path: String, text: String)] = []
        if let junitPath {
            do {
                outputs.append((junitPath, try JUnitWriter.render(reports, strict: strict)))
            } catch {
                throw InputError("cannot render the JUnit report: \(error)", file: junitPath)
            }
        }
        if let sarifPath { outputs.append((sarifPath, SARIFReport.render(reports, strict: strict))) }
        for (path, text) in outputs { try AtomicFile.write(text, to: path) }
        print(stdout, terminator: "")

        let valid = reports.allSatisfy { $0.machines.allSatisfy { $0.isValid(strict: strict) } }
        if !valid { throw ExitCode(1) }
    }

    /// Reads, simulates and checks every file (in parallel); every unusable
    /// file's error goes to stderr, then exit 2.
    private func verifyFiles() throws -> [FileReport] {
        let dictionary = try spec.map { try SpecReader.read(path: $0, resolveSAE: SAESpecResolver.resolve).dictionary }
        var files = try InputFiles.collect(paths, matching: InputFiles.isMachine, kind: "*.q.orca.md machines")
        if let shard = shard.flatMap(Shard.init) { files = shard.select(files) }

        let results = ParallelMap.map(files, threads: jobs ?? ParallelMap.defaultThreads) { file -> Result<(FileReport, Bool), Error> in
            Result {
                var compared = false
                var machineReports: [MachineReport] = []
                for machine in try QOrcaReader.read(path: file) {
                    var report = try Verifier.verify(machine)
                    if let dictionary, machine.name == dictionary.name {
                        report.diagnostics += try DictionaryComparison.check(machine, report, against: dictionary)
                        compared = true
                    }
                    machineReports.append(report)
                }
                return (FileReport(path: file, machines: machineReports), compared)
            }
        }
        try failOnErrors(zip(files, results).compactMap { file, result in
            if case .failure(let error) = result { return (file, error) }
            return nil
        })
        let verified = results.compactMap { try? $0.get() }
        if let dictionary, let spec, shard == nil, !verified.contains(where: \.1) {
            throw InputError("no machine named '\(dictionary.name)' among the verified files", file: spec)
        }
        return verified.map(\.0)
    }

    private func mergeReports() throws -> [FileReport] {
        let results = paths.map { path in Result { (source: path, files: try ReportMerge.read(path: path)) } }
        try failOnErrors(zip(paths, results).compactMap { path, result in
            if case .failure(let error) = result { return (path, error) }
            return nil
        })
        return try ReportMerge.merge(results.compactMap { try? $0.get() })
    }

    /// Prints each error as `path:line:col: error: message`, then exits 2.
    private func failOnErrors(_ errors: [(file: String, error: Error)]) throws {
        guard !errors.isEmpty else { return }
        for (file, error) in errors {
            Console.error((error as? InputError)?.description ?? InputError("\(error)", file: file).description)
        }
        throw ExitCode(2)
    }
}
