import XCTest
import Frontend
import IR
@testable import Experiments

/// Every cancellation of ../shared/reference/cases against
/// expected/cancellations/<i>/: result.json (numbers to 1e-12; knob values
/// only where the optimum is not tied, else the overlap at polygram's knobs),
/// trajectory.csv (header exact, cells to 1e-12) and summary.md (exact, apart
/// from optimum lines of tied optima and the documented at-floor line).
final class CancellationReferenceTests: XCTestCase {
    static let cases = ReferenceExperimentTests.cases

    func expectedJSON(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    func testEveryReferenceCancellationMatches() throws {
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.cases.path).sorted() where !name.hasSuffix(".json") {
            let directory = Self.cases.appendingPathComponent(name)
            let spec = try SpecReader.read(path: directory.appendingPathComponent("spec.yaml").path)
            for (i, cancellation) in spec.cancellations.enumerated() {
                let what = "\(name)/cancellations/\(i)"
                let expectedDirectory = directory.appendingPathComponent("expected/cancellations/\(i)")
                let result = try CancellationRunner.run(cancellation, on: spec.dictionary)
                let expected = try expectedJSON(expectedDirectory.appendingPathComponent("result.json"))
                let ours = try JSONSerialization.jsonObject(with: Data(result.resultJSON.utf8)) as! [String: Any]
                XCTAssertEqual(Set(ours.keys), Set(expected.keys), what)

                var knobsTied = false
                for (key, value) in expected {
                    if key == "optimized_knobs" {
                        let e = value as! [String: Double], o = ours[key] as! [String: Double]
                        XCTAssertEqual(Set(e.keys), Set(o.keys), "\(what) knobs")
                        if e.contains(where: { abs($0.value - (o[$0.key] ?? .nan)) > 1e-12 }) {
                            // A tied optimum: polygram's knobs must give the same overlap.
                            knobsTied = true
                            let problem = try CancellationProblem(cancellation, spec.dictionary)
                            let at = try problem.dictionary(at: result.knobs.map { e[$0]! })
                            let overlap = try ExperimentRunner.gram(at).overlap(problem.a, problem.b)
                            XCTAssertEqual(overlap, result.afterOverlap, accuracy: 1e-12, "\(what) tied optimum")
                        }
                    } else if let e = value as? Double, !(value is Bool), let o = ours[key] as? Double {
                        XCTAssertEqual(o, e, accuracy: 1e-12, "\(what) \(key)")
                    } else {
                        XCTAssertEqual("\(ours[key] ?? "missing")", "\(value)", "\(what) \(key)")
                    }
                }

                // trajectory.csv
                let csv = try String(contentsOf: expectedDirectory.appendingPathComponent("trajectory.csv"), encoding: .utf8)
                let expectedLines = csv.split(separator: "\n"), ourLines = result.trajectoryCSV.split(separator: "\n")
                XCTAssertEqual(ourLines.first, expectedLines.first, "\(what) trajectory header")
                XCTAssertEqual(ourLines.count, expectedLines.count, "\(what) trajectory rows")
                var worst = 0.0
                for (x, y) in zip(ourLines.dropFirst(), expectedLines.dropFirst()) {
                    for (u, v) in zip(x.split(separator: ","), y.split(separator: ",")) where u != v {
                        worst = max(worst, abs(Double(u)! - Double(v)!))
                    }
                }
                XCTAssertLessThanOrEqual(worst, 1e-12, "\(what) trajectory cells")

                // summary.md
                let summary = try String(contentsOf: expectedDirectory.appendingPathComponent("summary.md"), encoding: .utf8)
                let e = summary.components(separatedBy: "\n"), o = result.summary.components(separatedBy: "\n")
                XCTAssertEqual(o.count, e.count, "\(what) summary lines")
                for (x, y) in zip(o, e) where x != y {
                    let optimumLine = y.hasPrefix("- `") && y.contains("` = ") || y.hasPrefix("  - ")
                    if knobsTied && optimumLine { continue }
                    if result.atStructuralFloor, y == "- interpretation: phase search underutilized",
                       x == "- interpretation: \(CancellationResult.atFloorInterpretation)" { continue }
                    XCTFail("\(what) summary: '\(x)' vs '\(y)'")
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 3)
    }

    /// The row-subset evaluator equals the full-Gram route.
    func testPairEvaluatorEqualsFullGram() throws {
        for name in ["animals_mps_rung1", "animals_hea_rung2", "random_00_mps"] {
            let spec = try SpecReader.read(path: Self.cases.appendingPathComponent("\(name)/spec.yaml").path)
            let problem = try CancellationProblem(spec.cancellations[0], spec.dictionary)
            let evaluator = PairEvaluator(problem)
            for values in [[0.0, 0.0], [0.3, 2.9], [6.1, 1.2], [.pi, 0.5]] {
                let d = try problem.dictionary(at: values)
                let gram = try ExperimentRunner.gram(d)
                let (overlap, feasible) = try evaluator.evaluate(d)
                XCTAssertEqual(overlap, gram.overlap(problem.a, problem.b), accuracy: 1e-12)
                let full = problem.spec.preserveTiers
                    ? ExperimentRunner.hierarchicalOrderingPreserved(gram, d, problem.a, problem.b) : true
                XCTAssertEqual(feasible, full, "\(name) \(values)")
            }
        }
    }

    /// M − |V| equals polygram's min(m_zero, m_pi) by simulation.
    func testClosedFormFloorEqualsSimulatedFloor() throws {
        let spec = try SpecReader.read(path: Self.cases.appendingPathComponent("random_00_mps/spec.yaml").path)
        let d = spec.dictionary
        for (i, j) in [(0, 1), (1, 3), (2, 0)] where j < d.features.count {
            let a = d.features[i], b = d.features[j]
            let pa = try KnobPath.parse("\(a.name).phi"), pb = try KnobPath.parse("\(b.name).phi")
            let zero = try ExperimentRunner.gram(try d.withKnob(pb, a.phi)).overlap(i, j)
            let pi = try ExperimentRunner.gram(try d.withKnob(pb, a.phi + .pi).withKnob(pa, a.phi)).overlap(i, j)
            XCTAssertEqual(StructuralFloor(a, b).floor, min(zero, pi), accuracy: 1e-14)
        }
        let animals = try SpecReader.read(path: Self.cases.appendingPathComponent("animals_mps_rung1/spec.yaml").path).dictionary
        XCTAssertEqual(StructuralFloor(animals.features[0], animals.features[2]).floor, pow(cos(0.5), 4), accuracy: 1e-15)
    }
}
