import XCTest
import IR
@testable import Verify

final class DynamicIncompleteCollapseCheckTests: XCTestCase {
    /// Two states each measured with two guarded branches.
    func twoMeasurements(_ a: (Double, Double), _ b: (Double, Double)) -> TextMachine {
        TextMachine(events: ["prep", "measure"],
                    states: ["s0 [initial]", "s1", "s2", "f0 [final]", "f1 [final]", "f2 [final]", "f3 [final]"],
                    transitions: ["| s0 | prep | | s1 | h |", "| s0 | prep | | s2 | x |",
                                  "| s1 | measure | a0 | f0 | |", "| s1 | measure | a1 | f1 | |",
                                  "| s2 | measure | b0 | f2 | |", "| s2 | measure | b1 | f3 | |"],
                    guards: ["| a0 | prob('0') ≈ \(a.0) |", "| a1 | prob('1') ≈ \(a.1) |",
                             "| b0 | prob('0') ≈ \(b.0) |", "| b1 | prob('1') ≈ \(b.1) |"],
                    actions: ["| h | (qs) -> qs | H(qs[0]) |", "| x | (qs) -> qs | X(qs[0]) |"])
    }

    func testEachStatesBranchesSumToOneOnTheirOwn() throws {
        // q-orca adds all four guards (2.0) and reports an error (docs/divergences.md #11).
        XCTAssertTrue(try twoMeasurements((0.5, 0.5), (0.25, 0.75)).verify().diagnostics("DYNAMIC_INCOMPLETE_COLLAPSE").isEmpty)
    }

    func testShortBranchesAreAnError() throws {
        let m = twoMeasurements((0.5, 0.5), (0.25, 0.5))
        let found = try m.verify().diagnostics("DYNAMIC_INCOMPLETE_COLLAPSE")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.message,
                       "Measurement branches from state 's2' on event 'measure' have probabilities summing to 0.7500, expected 1.0")
        XCTAssertEqual(found.first?.location?.line, m.line("| s2 | measure | b0"))
    }
}
