import XCTest
import IR
@testable import Emit

final class MPSEmissionTests: XCTestCase {
    static let referenceCases = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference/cases").standardized

    func animals(_ encoding: Encoding) -> FeatureDictionary {
        let features = [
            Feature(name: "dog_poodle", cluster: "dogs", beta: -0.5),
            Feature(name: "dog_beagle", cluster: "dogs", beta: -0.5),
            Feature(name: "bird_hawk", cluster: "birds", beta: 0.5),
            Feature(name: "bird_sparrow", cluster: "birds", beta: 0.5),
        ]
        return FeatureDictionary(name: "AnimalsInterference", features: features,
                                 hierarchy: FeatureDictionary.hierarchy(inferredFrom: features), encoding: encoding)
    }

    func testAnimalsMPSRung1IsByteIdenticalToTheReference() throws {
        let expected = try String(contentsOf: Self.referenceCases
            .appendingPathComponent("animals_mps_rung1/expected/AnimalsInterference.q.orca.md"), encoding: .utf8)
        let text = try MachineWriter.render(try Lowering.machine(for: animals(.mpsRung1(phaseKnobs: true))))
        XCTAssertEqual(text, expected)
    }

    func testProvenanceHeaderUsesSourceDateEpoch() throws {
        let info = try Provenance.current(for: animals(.mpsRung1(phaseKnobs: true)), directory: "/",
                                          environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertEqual(info.generated, "2023-11-14T22:13:20Z")
        let header = try MachineWriter.provenance(info)
        XCTAssertTrue(header.hasPrefix("<!--\n  Polygram-generated artifact. Do not hand-edit.\n  source dictionary: AnimalsInterference\n"))
        XCTAssertTrue(header.contains("  features:          4 in 2 clusters\n  generated:         2023-11-14T22:13:20Z\n"))
        XCTAssertTrue(header.hasSuffix("-->\n"))
    }

    func testMalformedSourceDateEpochIsRejected() {
        XCTAssertThrowsError(try Provenance.current(for: animals(.mpsRung1(phaseKnobs: true)), directory: "/",
                                                    environment: ["SOURCE_DATE_EPOCH": "yesterday"]))
    }
}
