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
        try VerifyJob(paths: paths, json: json, junitPath: junitPath, sarifPath: sarifPath, strict: strict,
                      spec: spec, shard: shard, jobs: jobs, merge: merge).run()
    }
}
