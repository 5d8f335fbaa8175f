import Foundation
import XCTest

/// `verify --list-checks` documents every diagnostic code.
final class ListChecksTests: CLITestCase {
    func testListChecksPrintsEveryCodeWithADescription() {
        let result = run(["verify", "--list-checks"])
        XCTAssertEqual(result.status, 0, result.stderr)
        var described: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            XCTAssertEqual(parts.count, 2, "not 'CODE<TAB>description': \(line)")
            guard parts.count == 2 else { continue }
            XCTAssertTrue(matches(parts[0], "^[A-Z][A-Z0-9_]+$"), "bad code \(parts[0])")
            XCTAssertNil(described[parts[0]], "\(parts[0]) listed twice")
            described[parts[0]] = parts[1]
        }
        for code in ["UNREACHABLE_STATE", "UNDECLARED_STATE", "SUPERPOSITION_LEAK", "TIER_ORDER_VIOLATED",
                     "TIER_VALUE_MISMATCH", "HEA_TIER_INVARIANT_VIOLATED", "MPS_BOND_DIMENSION_EXCEEDED"] {
            let description = described[code] ?? ""
            XCTAssertGreaterThan(description.trimmingCharacters(in: .whitespaces).count, 10, "\(code) missing or undescribed")
        }
    }
}
