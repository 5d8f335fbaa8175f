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
