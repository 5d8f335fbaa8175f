import XCTest
@testable import Analysis

/// Spearman's rank correlation against a reference ranked once.
final class SpearmanReferenceTests: XCTestCase {
    func testKnownCorrelations() {
        let x = [0.3, 0.1, 0.9, 0.5, 0.7]
        let reference = SpearmanReference(x)
        XCTAssertEqual(reference.correlation(with: x), 1, accuracy: 1e-15)
        XCTAssertEqual(reference.correlation(with: x.map { -$0 }), -1, accuracy: 1e-15)
        XCTAssertEqual(reference.correlation(with: x.map { $0 * $0 + 3 }), 1, accuracy: 1e-15)  // monotone
        XCTAssertEqual(reference.correlation(with: [1]), 0)  // too short
        // Ranks 1, 0, 4, 2, 3 against 0 ... 4: deviations products sum 6 over 10.
        XCTAssertEqual(SpearmanReference([0, 1, 2, 3, 4]).correlation(with: x), 0.6, accuracy: 1e-15)
        // Ties ranked by position (argsort of argsort), as the reference does: [1, 1, 2] ranks 0, 1, 2.
        XCTAssertEqual(SpearmanReference([1, 1, 2]).correlation(with: [0, 1, 2]), 1, accuracy: 1e-15)
    }
}
