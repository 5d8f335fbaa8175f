import XCTest
import IR
@testable import Analysis

/// `analyze` on a safetensors checkpoint gives the report it gives on the
/// checkpoint's `sae-import` output (only the source line differs).
final class AnalyzeCheckpointTests: XCTestCase {
    static let inputs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/reference/pipeline/inputs").standardized

    func testCheckpointAndImportedJSONGiveTheSameReport() throws {
        let checkpoint = Self.inputs.appendingPathComponent("synth_sae_64x16.safetensors").path
        let ids = [3, 9, 17, 22, 40, 41, 58, 63]
        let records = try SAELoader.load(path: checkpoint)
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: json) }
        try SAEImportWriter.jsonText(records: records, sourcePath: checkpoint).write(to: json, atomically: true, encoding: .utf8)

        func report(_ path: String) throws -> [String] {
            let request = AnalyzeRequest(saePath: path, featureIDs: ids)
            let text = try Analyzer.run(request).reportMarkdown
            return text.split(separator: "\n").map(String.init).filter { !$0.contains(path) }
        }
        let direct = try report(checkpoint), imported = try report(json.path)
        XCTAssertFalse(direct.isEmpty)
        XCTAssertEqual(direct, imported)
    }
}
