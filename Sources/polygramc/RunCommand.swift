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
/// Layout under DIR, per spec (artefacts under a folder named after the
/// dictionary, so several specs never collide):
///   <Dictionary>.q.orca.md                       the compiled machine
///   <Dictionary>/experiments/<name>/result.csv                 polygram's `to_csv`
///   <Dictionary>/experiments/<name>/summary.md                 `materialize` summary + `write_summary`
///   <Dictionary>/experiments/<name>/midpoint.q.orca.md         the dictionary at the sweep's middle
///   <Dictionary>/experiments/<name>/plot.svg                   target overlap (1-D line, 2-D heatmap)
///   <Dictionary>/cancellations/<i>/result.json                 before/after overlaps, floor, efficiency, optimum
///   <Dictionary>/cancellations/<i>/summary.md                  polygram's cancellation summary
///   <Dictionary>/cancellations/<i>/trajectory.csv              every evaluated point
///   <Dictionary>/cancellations/<i>/<Dictionary>_at_optimum.q.orca.md   the optimized machine (verified)
///   <Dictionary>/cancellations/<i>/gram.svg                    Gram before and after
///   <Dictionary>/cancellations/<i>/grid.svg                    the search grid (two-knob grid searches)
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
        try RunJob(specs: specs, output: output, noProvenance: noProvenance).run()
    }
}

/// One `polygramc run` with its options parsed (by `RunCommand`, or by
/// `fastPath` for the everyday call).
struct RunJob {
    var specs: [String]
    var output = "."
    var noProvenance = false

    /// `run SPEC… [-o DIR | --output DIR] [--no-provenance]` without
    /// ArgumentParser (its reflective parse is ~1.5 ms of a 7 ms run); nil
    /// for anything else, which the full parser then handles.
    static func fastPath(_ arguments: [String]) -> RunJob? {
        guard arguments.first == "run",
              let line = SimpleCommandLine(arguments.dropFirst(), flags: ["--no-provenance"],
                                           options: ["-o": "output", "--output": "output"]),
              !line.positionals.isEmpty else { return nil }
        return RunJob(specs: line.positionals, output: line.options["output"] ?? ".",
                      noProvenance: line.flags.contains("--no-provenance"))
    }

    func run() throws {
        let files = try InputFiles.collect(specs, matching: InputFiles.isSpec, kind: "spec files")
        let progress = Progress(enabled: isatty(STDERR_FILENO) != 0)
        // Everything is computed before anything is written: bad input leaves no partial tree.
        var outputs: [(path: String, text: String)] = []
        var machines: [(path: String, dictionary: FeatureDictionary?)] = []
        for file in files {
            let spec = try SpecReader.read(path: file, resolveSAE: SAESpecResolver.resolve)
            let dictionary = spec.dictionary
            let machinePath = (output as NSString).appendingPathComponent("\(dictionary.name).q.orca.md")
            outputs.append((machinePath, try machineText(dictionary)))
            machines.append((machinePath, dictionary))
            for (index, experiment) in spec.experiments.enumerated() {
                progress.show("\(dictionary.name): experiment \(index + 1)/\(spec.experiments.count) \(experiment.name)")
                let result = try ExperimentRunner.run(experiment, on: dictionary)
                let directory = (output as NSString).appendingPathComponent("\(dictionary.name)/experiments/\(experiment.name)")
                outputs.append(((directory as NSString).appendingPathComponent("result.csv"), result.csv))
                outputs.append(((directory as NSString).appendingPathComponent("summary.md"), result.summary))
                let midpointPath = (directory as NSString).appendingPathComponent("midpoint.q.orca.md")
                outputs.append((midpointPath, try machineText(try ExperimentRunner.midpoint(experiment, on: dictionary))))
                machines.append((midpointPath, nil))
                if (1...2).contains(experiment.sweep.count) {
                    outputs.append(((directory as NSString).appendingPathComponent("plot.svg"), try ExperimentPlots.sweep(result)))
                }
            }
            for (index, cancellation) in spec.cancellations.enumerated() {
                progress.show("\(dictionary.name): cancellation \(index + 1)/\(spec.cancellations.count)")
                let result = try CancellationRunner.run(cancellation, on: dictionary)
                let directory = (output as NSString).appendingPathComponent("\(dictionary.name)/cancellations/\(index)")
                func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
                outputs.append((path("result.json"), result.resultJSON))
                outputs.append((path("summary.md"), result.summary))
                outputs.append((path("trajectory.csv"), result.trajectoryCSV))
                let optimum = result.dictionaryAtOptimum
                let optimumPath = path("\(optimum.name).q.orca.md")
                outputs.append((optimumPath, try machineText(optimum)))
                machines.append((optimumPath, optimum))
                let labels = dictionary.features.map(\.name)
                outputs.append((path("gram.svg"), ExperimentPlots.gramBeforeAfter(
                    labels: labels, before: GramHeatmap.magnitudes(result.beforeGram),
                    after: GramHeatmap.magnitudes(result.afterGram),
                    title: "\(dictionary.name): \(cancellation.targetPair.joined(separator: " × ")) cancellation")))
                if let grid = Self.searchGrid(result) {
                    outputs.append((path("grid.svg"), ExperimentPlots.cancellationGrid(
                        xKey: result.knobs[0], yKey: result.knobs[1], xValues: grid.x, yValues: grid.y,
                        overlaps: result.trajectory.map { $0[2] }, feasible: result.feasibleMask,
                        optimum: (result.optimizedValues[0], result.optimizedValues[1]),
                        title: "\(dictionary.name): |<\(cancellation.targetPair[0])|\(cancellation.targetPair[1])>|² over the grid")))
                }
            }
        }
        progress.done()
        let duplicates = Dictionary(grouping: outputs.map(\.path), by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if let clash = duplicates.first {
            throw InputError("two artefacts would be written to the same path (same dictionary or experiment name twice)", file: clash)
        }
        // Every folder first: a path blocked by a file fails before any file is written.
        var folders = AtomicFile.Folders()
        for (path, _) in outputs { try folders.create((path as NSString).deletingLastPathComponent) }
        for (path, text) in outputs { try AtomicFile.write(text, to: path) }

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

    /// The axes of a two-knob grid search (trajectory rows are row-major,
    /// first knob slowest), or nil for other searches.
    static func searchGrid(_ result: CancellationResult) -> (x: [Double], y: [Double])? {
        guard result.method == "grid", result.knobs.count == 2, let first = result.trajectory.first, first.count == 3 else {
            return nil
        }
        var y: [Double] = []
        for row in result.trajectory {
            if row[0] != first[0] { break }
            y.append(row[1])
        }
        guard !y.isEmpty, result.trajectory.count % y.count == 0 else { return nil }
        let x = stride(from: 0, to: result.trajectory.count, by: y.count).map { result.trajectory[$0][0] }
        return (x, y)
    }

    private func machineText(_ dictionary: FeatureDictionary) throws -> String {
        try MachineText.render(dictionary, provenance: !noProvenance, output: output)
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
