import Foundation
import IR
import XCTest
@testable import Analysis

/// Unusable input is an InputError (exit 2 in the CLI) naming the file and,
/// where there is one, the line and column.
final class AnalysisInputTests: XCTestCase {
    func temporaryFile(_ text: String, name: String = "sae.json") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func inputError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> InputError? {
        do {
            try body()
            XCTFail("no error", file: file, line: line)
        } catch let error as InputError {
            return error
        } catch {
            XCTFail("not an InputError: \(error)", file: file, line: line)
        }
        return nil
    }

    let good = """
    {"features": [
      {"feature_id": 0, "name": "a", "label": "x/a", "projection": [1.0, 0.0]},
      {"feature_id": 1, "name": "b", "label": "y/b", "projection": [0.0, 1.0]}
    ]}
    """

    func testMissingFile() {
        let path = "/nonexistent/dir/sae.json"
        let error = inputError { _ = try Analyzer.run(AnalyzeRequest(saePath: path, featureIDs: [0])) }
        XCTAssertEqual(error?.file, path)
        XCTAssertTrue(error?.description.contains("SAE file not found: \(path)") ?? false, "\(String(describing: error))")
    }

    func testMalformedJSONHasPosition() throws {
        let path = try temporaryFile("{\"features\": [\n  {\"feature_id\": 0,, \"name\": \"a\"}\n]}")
        let error = inputError { _ = try ToySAE.load(path: path) }
        XCTAssertEqual(error?.location, SourceLocation(file: path, line: 2, column: 20))
        XCTAssertTrue(error?.description.hasPrefix("\(path):2:20: error: malformed JSON") ?? false, "\(String(describing: error))")

        let truncated = try temporaryFile("{\"features\": [1.5e")
        XCTAssertEqual(inputError { _ = try ToySAE.load(path: truncated) }?.location?.line, 1)
    }

    func testBadShapes() throws {
        let noFeatures = try temporaryFile("{\"feature\": []}")
        XCTAssertEqual(inputError { _ = try ToySAE.load(path: noFeatures) }?.message,
                       "\(noFeatures): missing top-level 'features' list")
        let badProjection = try temporaryFile("{\"features\": [\n {\"feature_id\": 0, \"name\": \"a\", \"projection\": [[1.0]]}]}")
        let e1 = inputError { _ = try ToySAE.load(path: badProjection) }
        XCTAssertEqual(e1?.location?.line, 2)
        XCTAssertTrue(e1?.message.contains("projection must be 1D") ?? false)
        let missingName = try temporaryFile("{\"features\": [{\"feature_id\": 0, \"projection\": [1.0]}]}")
        XCTAssertTrue(inputError { _ = try ToySAE.load(path: missingName) }?.message.contains("'name'") ?? false)
        let duplicate = try temporaryFile("{\"features\": [{\"feature_id\": 3, \"name\": \"a\", \"projection\": [1]},\n"
                                          + "{\"feature_id\": 3, \"name\": \"b\", \"projection\": [1]}]}")
        let e2 = inputError { _ = try ToySAE.load(path: duplicate) }
        XCTAssertEqual(e2?.message, "\(duplicate): duplicate feature_id 3")
        XCTAssertEqual(e2?.location?.line, 2)
        let ragged = try temporaryFile("{\"features\": [{\"feature_id\": 0, \"name\": \"a\", \"projection\": [1]},"
                                       + "{\"feature_id\": 1, \"name\": \"b\", \"projection\": [1, 2]}]}")
        XCTAssertTrue(inputError { _ = try Analyzer.run(AnalyzeRequest(saePath: ragged, featureIDs: [0, 1])) }?
            .message.contains("same length") ?? false)
    }

    func testFeatureIDOutOfRange() throws {
        let path = try temporaryFile(good)
        let error = inputError { _ = try Analyzer.run(AnalyzeRequest(saePath: path, featureIDs: [0, 99])) }
        XCTAssertEqual(error?.message, "feature_id(s) not in records: [99]")
        XCTAssertEqual(error?.file, path)
    }

    func testFeatureListErrors() throws {
        XCTAssertEqual(inputError { _ = try AnalyzeRequest.parseFeatureIDs("") }?.message,
                       "--features must list at least one id")
        XCTAssertEqual(inputError { _ = try AnalyzeRequest.parseFeatureIDs(" , ,") }?.message,
                       "--features must list at least one id")
        XCTAssertEqual(inputError { _ = try AnalyzeRequest.parseFeatureIDs("0,x") }?.message,
                       "--features expects comma-separated ints, got 'x'")
        XCTAssertEqual(try AnalyzeRequest.parseFeatureIDs("0, 1,,4 "), [0, 1, 4])
        let path = try temporaryFile(good)
        XCTAssertEqual(inputError { _ = try Analyzer.run(AnalyzeRequest(saePath: path, featureIDs: [])) }?.message,
                       "feature_ids is empty; nothing to import")
        XCTAssertEqual(inputError { _ = try Analyzer.run(AnalyzeRequest(saePath: path, featureIDs: [0, 0])) }?.message,
                       "duplicate feature name(s): ['a']")
    }

    func testTooManyFeatures() throws {
        let error = inputError {
            _ = try Analyzer.run(AnalyzeRequest(saePath: ReferenceAnalyzeTests.toySAE, featureIDs: Array(0...8)))
        }
        XCTAssertTrue(error?.message.hasPrefix("selected 9 features, but the MPSRung1 encoding caps a Dictionary at 8 features.") ?? false)
    }

    /// A single feature is valid: no pairs, score 0.
    func testSingleFeature() throws {
        let path = try temporaryFile(good)
        let result = try Analyzer.run(AnalyzeRequest(saePath: path, featureIDs: [1]))
        XCTAssertTrue(result.prediction.pairs.isEmpty)
        XCTAssertEqual(result.prediction.encodingSuitabilityScore, 0)
        XCTAssertNil(result.selection.tierPreservation)
        XCTAssertTrue(result.reportMarkdown.contains("**Score: 0.0000**"))
    }

    /// k-means with more clusters than features clamps and warns (report "## Warnings").
    func testClampWarning() throws {
        let path = try temporaryFile("""
        {"features": [{"feature_id": 0, "name": "a", "projection": [1.0, 0.0]},
                      {"feature_id": 1, "name": "b", "projection": [0.0, 1.0]}]}
        """)
        let result = try Analyzer.run(AnalyzeRequest(saePath: path, featureIDs: [0, 1], nClusters: 5))
        XCTAssertEqual(result.selection.warnings, ["n_clusters=5 > selected=2; clamping to 2"])
        XCTAssertTrue(result.reportMarkdown.hasSuffix("## Warnings\n\n- n_clusters=5 > selected=2; clamping to 2\n"))
    }
}
