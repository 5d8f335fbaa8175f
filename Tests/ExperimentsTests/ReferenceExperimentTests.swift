import XCTest
import Emit
import Frontend
import IR
@testable import Experiments

/// Every experiment of ../shared/reference/cases: result.csv (header exact,
/// cells to 1e-12 or exact text), summary.md (exact, where polygram wrote
/// one) and the machine materialized at the sweep's middle (bytes).
final class ReferenceExperimentTests: XCTestCase {
    static let cases = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference/cases").standardized

    /// Splits a CSV line on commas outside `[...]` (keys like `a.theta[1,0,1]`).
    func cells(_ line: Substring) -> [String] {
        var out: [String] = [], current = "", depth = 0
        for c in line {
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
            if c == ",", depth == 0 { out.append(current); current = "" } else { current.append(c) }
        }
        out.append(current)
        return out
    }

    func testEveryReferenceExperimentMatches() throws {
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.cases.path).sorted() where !name.hasSuffix(".json") {
            let directory = Self.cases.appendingPathComponent(name)
            let spec = try SpecReader.read(path: directory.appendingPathComponent("spec.yaml").path)
            for experiment in spec.experiments {
                let expectedDirectory = directory.appendingPathComponent("expected/experiments/\(experiment.name)")
                let result = try ExperimentRunner.run(experiment, on: spec.dictionary)
                let expected = try String(contentsOf: expectedDirectory.appendingPathComponent("result.csv"), encoding: .utf8)
                let ours = result.csv
                let expectedLines = expected.split(separator: "\n"), ourLines = ours.split(separator: "\n")
                XCTAssertEqual(ourLines.first, expectedLines.first, "\(name)/\(experiment.name) header")
                XCTAssertEqual(ourLines.count, expectedLines.count, "\(name)/\(experiment.name) rows")
                var worst = 0.0
                for (a, b) in zip(ourLines.dropFirst(), expectedLines.dropFirst()) {
                    for (x, y) in zip(cells(a), cells(b)) where x != y {
                        guard let u = Double(x), let v = Double(y) else { XCTFail("\(name): '\(x)' vs '\(y)'"); continue }
                        worst = max(worst, abs(u - v))
                    }
                }
                XCTAssertLessThanOrEqual(worst, 1e-12, "\(name)/\(experiment.name) cells")

                let summaryURL = expectedDirectory.appendingPathComponent("summary.md")
                if FileManager.default.fileExists(atPath: summaryURL.path) {
                    XCTAssertEqual(result.summary, try String(contentsOf: summaryURL, encoding: .utf8), "\(name)/\(experiment.name) summary")
                }
                let midpoint = try MachineWriter.render(try Lowering.machine(for: try ExperimentRunner.midpoint(experiment, on: spec.dictionary)))
                XCTAssertEqual(midpoint, try String(contentsOf: expectedDirectory.appendingPathComponent("midpoint.q.orca.md"), encoding: .utf8),
                               "\(name)/\(experiment.name) midpoint")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 6)
    }

    func testNumpyPairwiseSumMatchesNaiveSumForSmallArrays() {
        XCTAssertEqual(NumpySum.pairwise([1, 2, 3][...]), 6)
        let values = (0..<1000).map { Double($0) * 0.1 }
        XCTAssertEqual(NumpySum.pairwise(values[...]), values.reduce(0, +), accuracy: 1e-9)
    }
}
