import IR

/// `verify --junit FILE`: the report as JUnit test suites. This type builds
/// the suites; `polygramc`'s `JUnitWriter` serialises them with libxml2
/// (the Verify module does not link libxml2).
///
/// * one `<testsuite>` per file (`name` = the path as given);
/// * one `<testcase>` per (machine, check code): `classname="<path>.<machine>"`,
///   `name="<CODE>"`, in `Verifier.checkList` order, then codes outside that
///   list in order of first appearance. `GRAM_MISMATCH` (`--spec`) appears
///   only when it has findings;
/// * a check fails (one `<failure message type>` whose text lists every
///   failing finding) when it reported an error, or with `--strict` a
///   warning; other findings (warnings, infos) go to the testcase's
///   `<system-out>`, one `path:line:col: severity: CODE: message` line each;
/// * checks that did not run because verification stopped early (no initial
///   state, structural errors, as in q-orca) are `<skipped>`;
/// * `errors` is always 0: unusable input exits 2 and writes no report.
public enum JUnitReport {
    public struct Failure: Equatable, Sendable {
        public var message: String
        public var type: String
        public var text: String
    }

    public struct TestCase: Equatable, Sendable {
        public var classname: String
        public var name: String
        public var failure: Failure?
        /// Why the check did not run, when it did not.
        public var skipped: String?
        public var systemOut: String?
    }

    public struct Suite: Equatable, Sendable {
        public var name: String
        public var cases: [TestCase]
        public var tests: Int { cases.count }
        public var failures: Int { cases.filter { $0.failure != nil }.count }
        public var skipped: Int { cases.filter { $0.skipped != nil }.count }
        public var errors: Int { 0 }
    }

    public static func suites(_ files: [FileReport], strict: Bool) -> [Suite] {
        files.map { file in
            Suite(name: file.path, cases: file.machines.flatMap { cases(for: $0, in: file, strict: strict) })
        }
    }

    static func cases(for machine: MachineReport, in file: FileReport, strict: Bool) -> [TestCase] {
        let diagnostics = JSONReport.ordered(machine.diagnostics, strict: strict)
        var codes = Verifier.checkList.map(\.code).filter { $0 != DictionaryComparison.code }
        for d in diagnostics where !codes.contains(d.code) { codes.append(d.code) }
        let stop = stoppedAfter(machine)
        let classname = "\(file.path).\(machine.name)"
        return codes.map { code in
            var testCase = TestCase(classname: classname, name: code, failure: nil, skipped: nil, systemOut: nil)
            let found = diagnostics.filter { $0.code == code }
            if found.isEmpty, let stop, !stop.ran.contains(code) {
                testCase.skipped = "not run: verification stops at \(stop.reason)"
                return testCase
            }
            let failing = found.filter { fails($0, strict: strict) }
            let passing = found.filter { !fails($0, strict: strict) }
            if let first = failing.first {
                testCase.failure = Failure(message: first.message, type: first.severity.rawValue,
                                           text: failing.map { line($0, file: file) }.joinedText("\n"))
            }
            if !passing.isEmpty { testCase.systemOut = passing.map { line($0, file: file) }.joinedText("\n") }
            return testCase
        }
    }

    static func fails(_ d: Diagnostic, strict: Bool) -> Bool {
        d.severity == .error || (strict && d.severity == .warning)
    }

    /// When q-orca's stage order stopped verification early: the codes that
    /// ran and the reason (mirrors `Verifier.verify`).
    static func stoppedAfter(_ machine: MachineReport) -> (ran: Set<String>, reason: String)? {
        let noInitial = NoInitialStateCheck.code
        if machine.diagnostics.contains(where: { $0.code == noInitial }) { return ([noInitial], noInitial) }
        let structural = Verifier.structural.map { $0.code }
        if machine.diagnostics.contains(where: { $0.severity == .error && structural.contains($0.code) }) {
            return (Set([noInitial] + structural), "structural errors")
        }
        return nil
    }

    /// `path:line:col: severity: CODE: message`, then `    -> suggestion`.
    public static func line(_ d: Diagnostic, file: FileReport) -> String {
        let position = d.location.map { "\($0.file):\($0.line):\($0.column)" } ?? file.path
        var out = "\(position): \(d.severity.rawValue): \(d.code): \(d.message)"
        if let suggestion = d.suggestion { out += "\n    -> \(suggestion)" }
        return out
    }
}
