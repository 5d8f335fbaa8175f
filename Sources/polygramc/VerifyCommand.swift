import ArgumentParser
import Foundation
import Frontend
import IR
import Verify

/// `polygramc verify PATH... [--json] [--junit FILE] [--sarif FILE] [--strict] [--shard I/N] [--jobs N]`
/// `polygramc verify --merge REPORT.json... [--json] [--junit FILE] [--sarif FILE] [--strict]`
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Parse, simulate and check .q.orca.md machines.",
        discussion: """
            Files are verified in parallel (--jobs, or POLYGRAMC_THREADS, default every core); the report \
            lists them in the order given, directories sorted by path, whatever the thread count. \
            --junit and --sarif write their files in addition to stdout (text, or --json). \
            Exit codes: 0 every machine valid, 1 some machine invalid (with --strict also on warnings), \
            2 unusable input or usage: then every unusable file's error is printed on stderr and no report \
            file is written.

            --shard I/N (I is 1-based, 1...N) verifies the files at positions k with k mod N = I-1 of that \
            list; the N shards are disjoint and cover every file (with --spec, a shard need not contain the \
            dictionary's machine). --merge combines the --json reports of \
            such shards (files sorted by path, verdicts recomputed from the diagnostics; give --strict if \
            the shards used it) and renders them like one run.

            JUnit: one <testsuite> per file, one <testcase classname="FILE.MACHINE" name="CODE"> per check; \
            errors (with --strict also warnings) are <failure>s, other findings go to <system-out>, checks \
            not run after a stopping error are <skipped>.
            """)

    @Argument(help: "Machine files, or directories searched for *.q.orca.md (with --merge: --json report files).")
    var paths: [String] = []

    @Flag(help: "Print the JSON report instead of text.")
    var json = false

    @Option(name: .customLong("junit"), help: ArgumentHelp("Also write a JUnit XML report to FILE.", valueName: "FILE"))
    var junitPath: String?

    @Option(name: .customLong("sarif"), help: ArgumentHelp("Also write a SARIF 2.1.0 report to FILE.", valueName: "FILE"))
    var sarifPath: String?

    @Flag(help: "Treat warnings as failures.")
    var strict = false

    @Option(help: "Also check that the machine named like this spec's dictionary has exactly its Gram.")
    var spec: String?

    @Option(help: ArgumentHelp("Verify only shard I of N (1-based I; files at positions k with k mod N = I-1).",
                               valueName: "I/N"))
    var shard: String?

    @Option(help: "Files verified at once (default: POLYGRAMC_THREADS, else the number of cores).")
    var jobs: Int?

    @Flag(help: "Merge the given verify --json reports (e.g. of --shard runs) into one report.")
    var merge = false

    @Flag(help: "List every check with its code and description, then exit.")
    var listChecks = false

    func validate() throws {
        if !listChecks && paths.isEmpty { throw ValidationError("give at least one PATH") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard wants I/N with 1 <= I <= N, got '\(shard)'") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if merge && (shard != nil || spec != nil) { throw ValidationError("--merge cannot be combined with --shard or --spec") }
    }

    func run() throws {
        if listChecks {
            for check in Verifier.checkList { print("\(check.code)\t\(check.summary)") }
            return
        }
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
