import Foundation
import XCTest
import IR

/// `containsText` answers as Foundation's `contains` does.
final class TextSearchTests: XCTestCase {
    func testMatchesFoundation() {
        let texts = ["", "a", "abc", "x: 1", "dog.theta[0]", "it's", "say \"hi\"", "café", "cafe\u{301}", "日本語テキスト"]
        let needles = [":", "'", "\"", ".theta[", "abc", "bc", "c", "é", "本語", "x: 1 2"]
        for text in texts {
            for needle in needles {
                XCTAssertEqual(text.containsText(needle), text.contains(needle), "'\(text)' contains '\(needle)'")
            }
        }
    }
}
