import ArgumentParser
import Emit
import Experiments
import Foundation
import Frontend
import IR
import Verify

/// `polygramc run SPEC... [-o DIR] [--no-provenance]`: compile, run every
/// experiment, write the artefacts, then verify every machine written.
///
/// Layout under DIR, per spec:
///   <Dictionary>.q.orca.md                       the compiled machine
///   experiments/<name>/result.csv                 polygram's `to_csv`
///   experiments/<name>/summary.md                 `materialize` summary + `write_summary`
///   experiments/<name>/midpoint.q.orca.md         the dictionary at the sweep's middle
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compile specs, run their experiments, write the artefacts and verify what was written.")

    @Argument(help: "Spec files, or directories searched for *.yaml, *.yml, *.json.")
    var specs: [String]

    @Option(name: .shortAndLong, help: "Output directory (created if missing).")
    var output: String = "."

    @Flag(help: "Omit the provenance block from written machines.")
    var noProvenance = false

    func run() throws {
        let files = try InputFiles.collect(specs, matching: InputFiles.isSpec, kind: "spec files")
        let progress = Progress(enabled: isatty(STDERR_FILENO) != 0)
        // Everything is computed before anything is written: bad input leaves no partial tree.
        var outputs: [(path: String, text: String)] = []
        var machines: [(path: String, dictionary: FeatureDictionary?)] = []
        for file in files {
            let spec = try SpecReader.read(path: file)
            let dictionary = spec.dictionary
            let machinePath = (output as NSString).appendingPathComponent("\(dictionary.name).q.orca.md")
            outputs.append((machinePath, try machineText(dictionary)))
            machines.append((machinePath, dictionary))
            for (index, experiment) in spec.experiments.enumerated() {
                progress.show("\(dictionary.name): experiment \(index + 1)/\(spec.experiments.count) \(experiment.name)")
                let result = try ExperimentRunner.run(experiment, on: dictionary)
                let directory = (output as NSString).appendingPathComponent("experiments/\(experiment.name)")
                outputs.append(((directory as NSString).appendingPathComponent("result.csv"), result.csv))
                outputs.append(((directory as NSString).appendingPathComponent("summary.md"), result.summary))
                let midpointPath = (directory as NSString).appendingPathComponent("midpoint.q.orca.md")
                outputs.append((midpointPath, try machineText(try ExperimentRunner.midpoint(experiment, on: dictionary))))
                machines.append((midpointPath, nil))
            }
        }
        progress.done()
        let duplicates = Dictionary(grouping: outputs.map(\.path), by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if let clash = duplicates.first {
            throw InputError("two artefacts would be written to the same path (same dictionary or experiment name twice)", file: clash)
        }
        for (path, text) in outputs {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try AtomicFile.write(text, to: path)
        }

        // Verify what was written, reading it back like any other machine.
        var reports: [FileReport] = []
        for (path, dictionary) in machines {
            var machineReports: [MachineReport] = []
            for machine in try QOrcaReader.read(path: path) {
                var report = try Verifier.verify(machine)
                if let dictionary { report.diagnostics += try DictionaryComparison.check(machine, report, against: dictionary) }
                machineReports.append(report)
            }
            reports.append(FileReport(path: path, machines: machineReports))
        }
        let failed = reports.flatMap(\.machines).filter { $0.hasErrors }
        for (path, _) in outputs { print(path) }
        if !failed.isEmpty {
            Console.error(TextReport.render(reports.filter { $0.machines.contains { $0.hasErrors } }, strict: false))
            throw ExitCode(1)
        }
    }

    private func machineText(_ dictionary: FeatureDictionary) throws -> String {
        let body = try MachineWriter.render(try Lowering.machine(for: dictionary))
        guard !noProvenance else { return body }
        let directory = FileManager.default.fileExists(atPath: output) ? output : "."
        return try MachineWriter.provenance(try Provenance.current(for: dictionary, directory: directory)) + body
    }
}

/// A one-line progress indicator on stderr, only when stderr is a terminal.
struct Progress {
    let enabled: Bool

    func show(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func done() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
