import Foundation
import IR
import Simulate

/// `verify --spec`: the machine must mean what its dictionary says. Its
/// simulated concept Gram is compared with the Gram of the dictionary's own
/// lowering, entry by entry (complex, 1e-12). A mismatch is reported at the
/// first row whose gates differ: the call site, the `## theta` row or the
/// `## amp branch` row.
public enum DictionaryComparison {
    public static let code = "GRAM_MISMATCH"
    public static let summary = "With --spec: the machine's concept Gram differs from its dictionary's (complex, 1e-12)."
    public static let tolerance = 1e-12

    /// `report` is `Verifier.verify(machine)`'s: it has a Gram exactly when
    /// the machine's concept set was found, so that set is only looked up
    /// again to point at a mismatch.
    public static func check(_ machine: Machine, _ report: MachineReport, against dictionary: FeatureDictionary) throws -> [Diagnostic] {
        guard let expectedSet = try ConceptSet.find(in: try Lowering.machine(for: dictionary)) else { return [] }
        let expected = try expectedSet.gram()
        let noConcepts = {
            [Diagnostic(code, .error, "machine prepares no concepts, but dictionary '\(dictionary.name)' has \(expected.size) feature(s)",
                        at: machine.location)]
        }
        guard let actual = report.gram else { return noConcepts() }
        guard actual.size == expected.size else {
            return [Diagnostic(code, .error, "machine prepares \(actual.size) concept(s), dictionary '\(dictionary.name)' has \(expected.size) feature(s)",
                               at: machine.location)]
        }
        var worst = (deviation: 0.0, i: 0, j: 0)
        for i in 0..<actual.size {
            for j in 0..<actual.size {
                let dr = actual.real(i, j) - expected.real(i, j), di = actual.imaginary(i, j) - expected.imaginary(i, j)
                let deviation = (dr * dr + di * di).squareRoot()
                if !(deviation <= worst.deviation) { worst = (deviation, i, j) }
            }
        }
        guard !(worst.deviation <= tolerance) else { return [] }
        guard let actualSet = try? ConceptSet.find(in: machine) else { return noConcepts() }
        let labels = actualSet.concepts.map(\.label)
        let message = "concept Gram differs from dictionary '\(dictionary.name)': max |ΔG| = "
            + Printf.double(worst.deviation, "%.3e") + " at (\(labels[worst.i]), \(labels[worst.j])); "
            + "G = \(complex(actual, worst.i, worst.j)), expected \(complex(expected, worst.i, worst.j))"
        return [Diagnostic(code, .error, message, at: firstDifference(actualSet, expectedSet) ?? actualSet.concepts[worst.i].location)]
    }

    /// The location of the first gate that differs between the two concept lists.
    static func firstDifference(_ actual: ConceptSet, _ expected: ConceptSet) -> SourceLocation? {
        for (a, e) in zip(actual.concepts, expected.concepts) {
            for (ga, ge) in zip(a.gates, e.gates) where !sameGate(ga, ge) { return ga.location ?? a.location }
            if a.gates.count != e.gates.count { return a.location }
        }
        return nil
    }

    static func sameGate(_ a: ResolvedGate, _ b: ResolvedGate) -> Bool {
        a.kind == b.kind && a.targets == b.targets && a.controls == b.controls && a.angle == b.angle
    }

    static func complex(_ g: GramMatrix, _ i: Int, _ j: Int) -> String {
        Printf.double(g.real(i, j), "%.6f") + Printf.double(g.imaginary(i, j), "%+.6f") + "i"
    }
}
