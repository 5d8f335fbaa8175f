import Foundation
import IR
import XCTest
@testable import Analysis

/// polygram 0.15.0's triage takes m_pi from setting φ_b := π absolute (bug
/// #10); polygramc uses δ = 0 and δ = π relative to φ_a, which is the
/// structural floor `Cancellation.structural_floor()` reports.
final class FloorFixTests: XCTestCase {
    /// AnimalsMPS of polygram-core.md Appendix A.
    let animals = FeatureDictionary(
        name: "AnimalsMPS",
        features: [Feature(name: "dog_poodle", cluster: "dogs", beta: -0.5, alpha: 0.1, gamma: 0.05, phi: 0.3),
                   Feature(name: "dog_beagle", cluster: "dogs", beta: -0.5),
                   Feature(name: "bird_hawk", cluster: "birds", beta: 0.5, phi: Double.pi / 3)],
        hierarchy: [.init(name: "dogs", members: ["dog_poodle", "dog_beagle"]), .init(name: "birds", members: ["bird_hawk"])],
        encoding: .mpsRung1(phaseKnobs: true))

    func close(_ a: Double, _ b: Double, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(abs(a - b) <= 1e-12, "\(label): \(a) vs \(b)", file: file, line: line)
    }

    func testNonzeroPhiFloorMatchesStructuralFloor() throws {
        let prediction = try Triage.predict(animals)
        let pairs = Dictionary(uniqueKeysWithValues: prediction.pairs.map { ("\($0.featureA)|\($0.featureB)", $0) })
        // polygram-core-cases.json `structural_floor` (Cancellation.structural_floor()).
        let hawk = try XCTUnwrap(pairs["dog_poodle|bird_hawk"])
        close(hawk.overlapAtZero, 0.6396165558907952, "m_zero")
        close(hawk.overlapAtPi, 0.7868955656110875, "m_pi")
        close(hawk.M, 0.7132560607509414, "M")
        close(hawk.V, -0.07363950486014614, "V")
        close(hawk.structuralFloor, 0.6396165558907952, "floor")
        close(hawk.currentOverlap, 0.6592343960701197, "current")
        close(hawk.cancellationGap, 0.6592343960701197 - 0.6396165558907952, "gap")
        // What polygram 0.15.0's triage printed (triage_dictionary_nonzero_phi).
        close(hawk.referenceFloor, 0.6592343960701197, "reference floor")
        let beagle = try XCTUnwrap(pairs["dog_beagle|bird_hawk"])
        close(beagle.structuralFloor, 0.5931327983656769, "floor")
        close(beagle.M, 0.6816419756498733, "M")
        close(beagle.V, -0.08850917728419633, "V")
        close(beagle.currentOverlap, 0.637387387007775, "current")
        close(beagle.referenceFloor, 0.637387387007775, "reference floor")
        // The invariance the report's caveat promises: a uniform φ shift changes nothing.
        var shifted = animals
        for i in shifted.features.indices { shifted.features[i].phi += 1.234 }
        for (a, b) in zip(prediction.pairs, try Triage.predict(shifted).pairs) {
            close(a.structuralFloor, b.structuralFloor, "shifted floor")
            close(a.currentOverlap, b.currentOverlap, "shifted current")
        }
    }

    func testReportSaysSo() throws {
        let prediction = try Triage.predict(animals)
        XCTAssertEqual(prediction.pairsWithCorrectedFloor.count, 3)
        let text = AnalysisReport.render(prediction, selection: .forDictionary(animals))
        XCTAssertTrue(text.contains("**Floor correction (polygramc).**"))
        XCTAssertTrue(text.contains("- Cluster method: `dictionary`\n- β variance explained: 1.0000\n\n## Caveats"))
        XCTAssertTrue(text.contains("| dog_poodle ↔ bird_hawk | cross | 0.6592 | 0.6396 | 0.0196 | 0.7133 | -0.0736 |"))
    }

    /// With every φ = 0 (the analyze path) nothing is corrected.
    func testZeroPhiIsUnchanged() throws {
        var zero = animals
        for i in zero.features.indices { zero.features[i].phi = 0 }
        XCTAssertTrue(try Triage.predict(zero).pairsWithCorrectedFloor.isEmpty)
    }
}
