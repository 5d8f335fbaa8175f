import Analysis
import ArgumentParser
import Foundation
import IR

/// `polygramc sae-import SAE.safetensors [--features IDS] [--names FILE] [--output OUT.json]`
/// — `polygram sae-import`: decoder rows of a safetensors SAE as toy-SAE JSON.
struct SAEImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sae-import",
        abstract: "Import SAE decoder rows from a safetensors checkpoint as toy-SAE JSON (the schema `analyze` reads).",
        discussion: "Decoder key precedence W_dec > decoder.weight (transposed when non-square) > dec; F32/F16/BF16/F64 "
            + "and integer tensors are read as float32, as polygram does. With --features only those rows are read. "
            + "Without --output the JSON goes to stdout. Exit 2 on unusable input.")

    @Argument(help: "SAE checkpoint (.safetensors).")
    var path: String

    @Option(help: "Comma-separated feature ids (default: every feature). Order is kept; repeats collapse.")
    var features: String?

    @Option(help: "JSON object naming features: {\"<id>\": \"<name>\"} or {\"<name>\": <id>}.")
    var names: String?

    @Option(help: "Write the JSON here (parent directories are created) instead of stdout.")
    var output: String?

    func run() throws {
        let ids = try features.map(SAEImportWriter.parseFeatureIDs)
        let featureNames = try names.flatMap(SAEImportWriter.loadNames(path:))
        let progress = SAEProgress.callback()
        let records: [SAEFeatureRecord], text: String
        do {
            defer { SAEProgress.clear(progress) }
            records = try SAELoader.load(path: path, names: featureNames, featureIDs: ids, progress: progress)
            text = SAEImportWriter.jsonText(records: records, sourcePath: path, progress: progress)
        }
        guard let output else {
            print(text)
            return
        }
        let target = absolute(output)
        let parent = PathText.parent(of: target)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw InputError("cannot create directory \(parent): \(error.localizedDescription)", file: output)
        }
        try AtomicFile.write(text, to: output)
        Console.error("polygramc: wrote \(records.count) features → \(target)")
    }

    private func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (full as NSString).standardizingPath
    }
}
