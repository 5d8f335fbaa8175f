import ArgumentParser
import Emit
import Experiments
import Foundation
import Frontend
import IR
import Verify

/// One `polygramc run` with its options parsed (by `RunCommand`, or by
/// `fastPath` for the everyday call).
///
/// The work runs as tasks (`WorkQueue`, on every core when there are several
/// experiments or cancellations): each spec's compiled machine, each
/// experiment and cancellation, and, as soon as a result exists, every
/// artefact made from it (tables, plots, machines). A machine
/// is verified from exactly the bytes that are then written. Results are
/// collected in a fixed order, so the tree, the printed list and any error
/// do not depend on scheduling; nothing is written unless every task
/// succeeded, and folders are made before any file.
struct RunJob {
    var specs: [String]
    var output = "."
    var noProvenance = false

    /// `run SPEC… [-o DIR | --output DIR] [--no-provenance]` without
    /// ArgumentParser (its reflective parse is ~1.5 ms of a 7 ms run); nil
    /// for anything else, which the full parser then handles.
    static func fastPath(_ arguments: [String]) -> RunJob? {
        SpecCommandLine(arguments, command: "run").map {
            RunJob(specs: $0.specs, output: $0.output, noProvenance: $0.noProvenance)
        }
    }

    /// A file to write and, for a machine, the verification of its text.
    struct Artefact {
        var path: String
        var text: String
        var report: FileReport?
    }

    func run() throws {
        if !noProvenance { MachineText.prepareProvenance(output: output) }
        let files = try InputFiles.collect(specs, matching: InputFiles.isSpec, kind: "spec files")
        let progress = Progress(enabled: isatty(STDERR_FILENO) != 0)
        let specs = try files.map { try SpecReader.read(path: $0, resolveSAE: SAESpecResolver.resolve) }
        // Several experiments or cancellations share the cores. One runs on this thread alone:
        // measured here, two threads splitting one small workload lose more to each other's
        // first-use costs (copy-on-write faults with TLB shootdowns, the libxml2 load) than
        // they gain.
        let workloads = specs.reduce(0) { $0 + $1.experiments.count + $1.cancellations.count }
        let queue = WorkQueue(helpers: workloads >= 2 ? ParallelMap.defaultThreads - 1 : 0)

        // Units in output order: per spec its machine, its experiments, its
        // cancellations. A unit's artefacts come from its parts; an
        // experiment or cancellation adds its parts once its result exists.
        let collected = Collected()
        var unit = 0
        /// A unit whose result, once computed, adds one task per artefact.
        func addUnit(_ label: String, _ compute: @escaping () throws -> [() throws -> [Artefact]]) {
            let key = unit
            unit += 1
            queue.add {
                progress.show(label)
                collected.store(key, 0) {
                    // Last part first: plots come last in the output and take longest (libxml2 loads
                    // at the first), so they start first; the output order stays by part.
                    for (part, task) in try compute().enumerated().reversed() {
                        queue.add { collected.store(key, part + 1, task) }
                    }
                    return []
                }
            }
        }
        for spec in specs {
            let dictionary = spec.dictionary
            let machineUnit = unit
            let path = PathText.join(output, "\(dictionary.name).q.orca.md")
            queue.add { collected.store(machineUnit, 0) { [try machine(dictionary, path: path, compareTo: dictionary)] } }
            unit += 1
            for (index, experiment) in spec.experiments.enumerated() {
                addUnit("\(dictionary.name): experiment \(index + 1)/\(spec.experiments.count) \(experiment.name)") {
                    experimentArtefacts(try ExperimentRunner.run(experiment, on: dictionary), experiment, dictionary)
                }
            }
            for (index, cancellation) in spec.cancellations.enumerated() {
                addUnit("\(dictionary.name): cancellation \(index + 1)/\(spec.cancellations.count)") {
                    cancellationArtefacts(try CancellationRunner.run(cancellation, on: dictionary), cancellation, index: index, dictionary)
                }
            }
        }
        queue.finish()
        progress.done()
        let outputs = try collected.inOrder()

        let duplicates = Dictionary(grouping: outputs.map(\.path), by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if let clash = duplicates.first {
            throw InputError("two artefacts would be written to the same path (same dictionary or experiment name twice)", file: clash)
        }
        // Every folder first: a path blocked by a file fails before any file is written.
        var folders = AtomicFile.Folders()
        for artefact in outputs { try folders.create(PathText.parent(of: artefact.path)) }
        for artefact in outputs { try AtomicFile.write(artefact.text, to: artefact.path) }

        let reports = outputs.compactMap(\.report)
        for artefact in outputs { print(artefact.path) }
        if reports.contains(where: { $0.machines.contains { $0.hasErrors } }) {
            Console.error(TextReport.render(reports.filter { $0.machines.contains { $0.hasErrors } }, strict: false))
            throw ExitCode(1)
        }
    }

    /// Each task's artefacts or error under its (unit, part) key, from any thread.
    private final class Collected {
        private var results: [Int: [Int: Result<[Artefact], Error>]] = [:]
        private let lock = NSLock()

        func store(_ unit: Int, _ part: Int, _ task: () throws -> [Artefact]) {
            let result = Result { try task() }
            lock.lock()
            results[unit, default: [:]][part] = result
            lock.unlock()
        }

        /// Every artefact by unit, then part; the first error in that order is thrown.
        func inOrder() throws -> [Artefact] {
            var artefacts: [Artefact] = []
            for unit in results.keys.sorted() {
                let parts = results[unit]!
                for part in parts.keys.sorted() { artefacts += try parts[part]!.get() }
            }
            return artefacts
        }
    }

    /// result.csv, summary.md, the midpoint machine and the plot, as three tasks.
    private func experimentArtefacts(_ result: ExperimentResult, _ experiment: ExperimentSpec,
                                     _ dictionary: FeatureDictionary) -> [() throws -> [Artefact]] {
        let directory = PathText.join(output, "\(dictionary.name)/experiments/\(experiment.name)")
        func path(_ name: String) -> String { PathText.join(directory, name) }
        var tasks: [() throws -> [Artefact]] = [
            { [Artefact(path: path("result.csv"), text: result.csv), Artefact(path: path("summary.md"), text: result.summary)] },
            { [try machine(try ExperimentRunner.midpoint(experiment, on: dictionary), path: path("midpoint.q.orca.md"), compareTo: nil)] },
        ]
        if (1...2).contains(experiment.sweep.count) {
            tasks.append { [Artefact(path: path("plot.svg"), text: try ExperimentPlots.sweep(result))] }
        }
        return tasks
    }

    /// result.json, summary.md, trajectory.csv, the optimized machine and the plots, as four tasks.
    private func cancellationArtefacts(_ result: CancellationResult, _ cancellation: CancellationSpec, index: Int,
                                       _ dictionary: FeatureDictionary) -> [() throws -> [Artefact]] {
        let directory = PathText.join(output, "\(dictionary.name)/cancellations/\(index)")
        func path(_ name: String) -> String { PathText.join(directory, name) }
        return [
            { [Artefact(path: path("result.json"), text: result.resultJSON), Artefact(path: path("summary.md"), text: result.summary),
               Artefact(path: path("trajectory.csv"), text: result.trajectoryCSV)] },
            {
                let optimum = result.dictionaryAtOptimum
                return [try machine(optimum, path: path("\(optimum.name).q.orca.md"), compareTo: optimum)]
            },
            {
                // Both plots in one task: only one thread waits for libxml2 to load.
                var plots = [Artefact(path: path("gram.svg"), text: ExperimentPlots.gramBeforeAfter(
                    labels: dictionary.features.map(\.name), before: GramHeatmap.magnitudes(result.beforeGram),
                    after: GramHeatmap.magnitudes(result.afterGram),
                    title: "\(dictionary.name): \(cancellation.targetPair.joinedText(" × ")) cancellation"))]
                if let grid = Self.searchGrid(result) {
                    plots.append(Artefact(path: path("grid.svg"), text: ExperimentPlots.cancellationGrid(
                        xKey: result.knobs[0], yKey: result.knobs[1], xValues: grid.x, yValues: grid.y,
                        overlaps: result.trajectory.map { $0[2] }, feasible: result.feasibleMask,
                        optimum: (result.optimizedValues[0], result.optimizedValues[1]),
                        title: "\(dictionary.name): |<\(cancellation.targetPair[0])|\(cancellation.targetPair[1])>|² over the grid")))
                }
                return plots
            },
        ]
    }

    /// A machine's text and the verification of exactly that text, read back
    /// like any other machine (and compared with `dictionary` when given).
    private func machine(_ dictionary: FeatureDictionary, path: String, compareTo expected: FeatureDictionary?) throws -> Artefact {
        let text = try MachineText.render(dictionary, provenance: !noProvenance, output: output)
        var reports: [MachineReport] = []
        for machine in try QOrcaReader.read(text: text, file: path) {
            var report = try Verifier.verify(machine)
            if let expected { report.diagnostics += try DictionaryComparison.check(machine, report, against: expected) }
            reports.append(report)
        }
        return Artefact(path: path, text: text, report: FileReport(path: path, machines: reports))
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
}
