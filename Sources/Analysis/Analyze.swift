import Foundation
import IR

/// `polygram analyze` as a library call (polygram-pipeline.md §4.2,
/// polygram-core.md §6): toy-SAE JSON → dictionary → triage → report and graphs.
public struct AnalyzeRequest: Sendable {
    /// The SAE JSON path; printed in the report exactly as given.
    public var saePath: String
    public var featureIDs: [Int]
    public var assignGamma = false
    public var nClusters: Int?
    /// Build the sharing / separation graph with this threshold (nil = not requested).
    public var sharingThreshold: Double?
    public var separationThreshold: Double?
    /// Reports the full-width load of a `.safetensors` checkpoint (nil: silent).
    public var progress: AnalysisProgress?

    public init(saePath: String, featureIDs: [Int], assignGamma: Bool = false, nClusters: Int? = nil,
                sharingThreshold: Double? = nil, separationThreshold: Double? = nil) {
        self.saePath = saePath
        self.featureIDs = featureIDs
        self.assignGamma = assignGamma
        self.nClusters = nClusters
        self.sharingThreshold = sharingThreshold
        self.separationThreshold = separationThreshold
    }

    /// Parses `--features`: comma-separated ints, blanks skipped.
    public static func parseFeatureIDs(_ text: String) throws -> [Int] {
        var ids: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let token = part.trimmingCharacters(in: .whitespaces)
            if token.isEmpty { continue }
            guard let id = Int(token) else {
                throw InputError("--features expects comma-separated ints, got '\(token)'")
            }
            ids.append(id)
        }
        guard !ids.isEmpty else { throw InputError("--features must list at least one id") }
        return ids
    }
}

public struct AnalysisResult: Sendable {
    public var records: [SAEFeatureRecord]
    public var dictionary: FeatureDictionary
    public var selection: SelectionReport
    public var prediction: CancellationPrediction
    public var reportMarkdown: String
    public var sharingGraph: FeatureGraph?
    public var separationGraph: FeatureGraph?
}

public enum Analyzer {
    /// Loads the SAE (toy-SAE JSON, or a `.safetensors` checkpoint read
    /// directly) and analyses the selection. Every failure is an `InputError`.
    public static func run(_ request: AnalyzeRequest) throws -> AnalysisResult {
        let records = request.saePath.hasSuffix(".safetensors")
            ? try SAELoader.load(path: request.saePath, progress: request.progress)
            : try ToySAE.load(path: request.saePath)
        return try run(request, records: records)
    }

    /// Same, with records already loaded (`request.saePath` is only printed).
    public static func run(_ request: AnalyzeRequest, records: [SAEFeatureRecord]) throws -> AnalysisResult {
        if let k = request.nClusters, k < 1 {
            throw InputError("--n-clusters: expected a positive integer (>= 1), got \(k)")
        }
        let importer = SAEImport(assignGamma: request.assignGamma, nClusters: request.nClusters)
        let (dictionary, selection) = try importer.run(records: records, featureIDs: request.featureIDs, file: request.saePath)
        let prediction = try Triage.predict(dictionary)
        let markdown = AnalysisReport.render(prediction, selection: selection, sourcePath: request.saePath,
                                             featureIDs: request.featureIDs)
        return AnalysisResult(
            records: records, dictionary: dictionary, selection: selection, prediction: prediction,
            reportMarkdown: markdown,
            sharingGraph: request.sharingThreshold.map {
                FeatureGraph.sharing(prediction, selectionMethod: selection.clusterMethod, threshold: $0)
            },
            separationGraph: request.separationThreshold.map {
                FeatureGraph.separation(prediction, selectionMethod: selection.clusterMethod, threshold: $0)
            })
    }
}
