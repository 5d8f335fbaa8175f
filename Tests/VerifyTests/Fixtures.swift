import Foundation
import IR

/// Machines built directly in the IR, so verifier tests do not depend on the reader.
enum Fixtures {
    static let referenceCases = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference/cases").standardized

    static func animals(phis: [Double] = [0, 0, 0, 0]) -> FeatureDictionary {
        let features = [
            Feature(name: "dog_poodle", cluster: "dogs", beta: -0.5, phi: phis[0]),
            Feature(name: "dog_beagle", cluster: "dogs", beta: -0.5, phi: phis[1]),
            Feature(name: "bird_hawk", cluster: "birds", beta: 0.5, phi: phis[2]),
            Feature(name: "bird_sparrow", cluster: "birds", beta: 0.5, phi: phis[3]),
        ]
        return FeatureDictionary(name: "AnimalsInterference", features: features,
                                 hierarchy: FeatureDictionary.hierarchy(inferredFrom: features),
                                 encoding: .mpsRung1(phaseKnobs: true))
    }

    static func animalsMachine(phis: [Double] = [0, 0, 0, 0]) throws -> Machine {
        try Lowering.machine(for: animals(phis: phis))
    }

    static func at(_ line: Int) -> SourceLocation { SourceLocation(file: "test.q.orca.md", line: line, column: 1) }

    /// Expected Gram of a reference case (`expected/gram.json`).
    static func referenceGram(_ caseName: String) throws -> (re: [[Double]], im: [[Double]], overlap: [[Double]]) {
        let data = try Data(contentsOf: referenceCases.appendingPathComponent("\(caseName)/expected/gram.json"))
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        func matrix(_ key: String) -> [[Double]] { (object[key] as! [[NSNumber]]).map { $0.map(\.doubleValue) } }
        return (matrix("re"), matrix("im"), matrix("overlap"))
    }
}
