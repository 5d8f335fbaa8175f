import XCTest
import IR

/// `joinedText` is the standard library's `joined(separator:)`.
final class JoinedTextTests: XCTestCase {
    func testMatchesJoined() {
        let cases: [[String]] = [[], [""], ["a"], ["a", "b"], ["", "", ""], ["q0", "q1", "q2"], ["é", "€x", "", "日本"]]
        for items in cases {
            for separator in ["", ", ", "\n", "; ", "→"] {
                XCTAssertEqual(items.joinedText(separator), items.joined(separator: separator), "\(items) \(separator)")
            }
            XCTAssertEqual(items.joinedText(), items.joined())
        }
    }
}
