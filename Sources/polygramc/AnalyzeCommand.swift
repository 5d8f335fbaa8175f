import Analysis
import ArgumentParser
import Foundation
import IR

/// `polygramc analyze SAE_JSON --features IDS [--output REPORT.md] [--sharing-graph G.json]
/// [--sharing-threshold F] [--separation-graph G.json] [--separation-threshold F]
/// [--assign-gamma] [--n-clusters N]` — `polygram analyze` for toy-SAE JSON.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Predict phase-cancellation headroom for SAE features (toy-SAE JSON) and write a markdown report.",
        discussion: "Builds the MPSRung1 dictionary polygram's from_sae_lens builds for the selection, then per pair "
            + "the current overlap, M, V, the structural floor M − |V| and the gap. Exit 2 on unusable input.")

    @Argument(help: "Toy-SAE JSON (polygram's schema, e.g. `polygram sae-import` output).")
    var saeJSON: String

    @Option(help: "Comma-separated feature ids (at most 8).")
    var features: String

    @Option(help: "Report path (parent directories are created).")
    var output: String = "analysis_report.md"

    @Option(help: "Write the sharing feature graph (JSON) here.")
    var sharingGraph: String?

    @Option(help: "Sharing-graph edge threshold.")
    var sharingThreshold: Double = 0.5

    @Option(help: "Write the separation feature graph (JSON) here.")
    var separationGraph: String?

    @Option(help: "Separation-graph edge threshold.")
    var separationThreshold: Double = 0.2

    @Flag(help: "Assign γ by per-cluster PCA of the projections.")
    var assignGamma = false

    @Option(help: "k for k-means when labels do not decide the clusters (default 2).")
    var nClusters: Int?

    @Flag(help: "Learned axis assignment (not supported by polygramc; rejected).")
    var learnAxisAssignment = false

    func validate() throws {
        if let nClusters, nClusters < 1 {
            throw ValidationError("argument --n-clusters: expected a positive integer (>= 1), got \(nClusters)")
        }
    }

    func run() throws {
        if learnAxisAssignment {
            throw InputError("--learn-axis-assignment is not supported by polygramc (polygram's learned strategy is out of scope)")
        }
        let ids = try AnalyzeRequest.parseFeatureIDs(features)
        var request = AnalyzeRequest(saePath: saeJSON, featureIDs: ids, assignGamma: assignGamma, nClusters: nClusters,
                                     sharingThreshold: sharingGraph == nil ? nil : sharingThreshold,
                                     separationThreshold: separationGraph == nil ? nil : separationThreshold)
        request.progress = SAEProgress.callback()
        let result: AnalysisResult
        do {
            defer { SAEProgress.clear(request.progress) }
            result = try Analyzer.run(request)
        }
        // Everything is computed before anything is written.
        var outputs: [(path: String, text: String)] = [(output, result.reportMarkdown)]
        if let path = sharingGraph, let graph = result.sharingGraph { outputs.append((path, graph.jsonText())) }
        if let path = separationGraph, let graph = result.separationGraph { outputs.append((path, graph.jsonText())) }
        for (path, text) in outputs {
            let parent = PathText.parent(of: absolute(path))
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw InputError("cannot create directory \(parent): \(error.localizedDescription)", file: path)
            }
            try AtomicFile.write(text, to: path)
        }
        let score = Printf.double(result.prediction.encodingSuitabilityScore, "%.4f")
        print("polygramc: analyzed \(ids.count) features → \(absolute(output)) (score=\(score))")
        if let path = sharingGraph {
            print("polygramc: wrote sharing graph → \(absolute(path)) (threshold=\(PythonFloat.repr(sharingThreshold)))")
        }
        if let path = separationGraph {
            print("polygramc: wrote separation graph → \(absolute(path)) (threshold=\(PythonFloat.repr(separationThreshold)))")
        }
    }

    private func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (full as NSString).standardizingPath
    }
}
