import XCTest
@testable import Frontend
@testable import IR

/// The reader's byte fast paths (plain-ASCII text scanned as bytes, ASCII
/// edges trimmed without Character iteration) against the Character code they
/// replaced, kept here as the oracle, on deterministic random strings that mix
/// ASCII, CR, Unicode whitespace, combining marks and kets.
final class TextFastPathTests: XCTestCase {
    static let tokens = ["|", "| ", " |", "|0>", "|ψ>", "|+>", ">", "a", "x1", "-", ":", "0.5", " ", "  ", "\t", "\r",
                         "\u{0B}", "\u{00A0}", "\u{2003}", "\u{301}", "é", "√2", "≈", "🇺🇸", "\u{0600}", "[", "]", "#"]

    static func samples(_ n: Int) -> [String] {
        var state: UInt64 = 11
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<n).map { _ in (0..<(next() % 14)).map { _ in tokens[next() % tokens.count] }.joined() }
    }

    // MARK: - Oracles (the code before the fast paths)

    static func referenceTrim(_ text: String) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = text.lastIndex(where: { !$0.isWhitespace })!
        return String(text[start...end])
    }

    static func referenceSplit(_ line: String, lineNumber: Int) -> [(String, Int)] {
        let chars = Array(line)
        func ketEnd(_ open: Int) -> Int? {
            let first = open + 1
            guard first < chars.count, !chars[first].isWhitespace, chars[first] != "|" else { return nil }
            var j = first + 1
            while j < chars.count, chars[j] != "|" {
                if chars[j] == ">" { return j }
                j += 1
            }
            return nil
        }
        var delimiters: [Int] = []
        var i = 0
        while i < chars.count {
            guard chars[i] == "|" else { i += 1; continue }
            if let close = ketEnd(i) { i = close + 1; continue }
            delimiters.append(i)
            i += 1
        }
        let bounds = [-1] + delimiters + [chars.count]
        var cells: [(String, Int)] = []
        for k in 0..<(bounds.count - 1) {
            let lo = bounds[k] + 1, hi = bounds[k + 1]
            var start = lo, end = hi
            while start < end, chars[start].isWhitespace { start += 1 }
            while end > start, chars[end - 1].isWhitespace { end -= 1 }
            cells.append((start < end ? String(chars[start..<end]) : "", (start < end ? start : lo) + 1))
        }
        if let first = cells.first, first.0.isEmpty { cells.removeFirst() }
        if let last = cells.last, last.0.isEmpty { cells.removeLast() }
        return cells
    }

    // MARK: - Tests

    func testTrimmingMatchesTheCharacterTrim() {
        for text in Self.samples(4000) {
            XCTAssertEqual(text.trimmingWhitespace(), Self.referenceTrim(text), text.debugDescription)
            XCTAssertEqual(text.trimmed, Self.referenceTrim(text), text.debugDescription)
            let tail = text.dropFirst()
            XCTAssertEqual(tail.trimmed, Self.referenceTrim(String(tail)), text.debugDescription)
        }
    }

    func testTableRowsMatchTheCharacterSplitter() {
        for text in Self.samples(4000) {
            let row = TableRowSplitter.split(text, lineNumber: 3)
            let expected = Self.referenceSplit(text, lineNumber: 3)
            XCTAssertEqual(row.cells.map(\.text), expected.map(\.0), text.debugDescription)
            XCTAssertEqual(row.cells.map(\.column), expected.map(\.1), text.debugDescription)
        }
    }

    func testCharacterColumnsMatchTheDecodedPrefix() {
        for text in Self.samples(2000) where !text.contains("\n") {
            let source = SourceText(text, file: "t"), line = source.line(1)
            for byteColumn in 0...(line.utf8.count + 2) {
                let prefix = Array(Array(line.utf8).prefix(max(0, byteColumn - 1)))
                XCTAssertEqual(source.characterColumn(line: 1, byteColumn: byteColumn),
                               String(decoding: prefix, as: UTF8.self).count + 1, "\(text.debugDescription) \(byteColumn)")
            }
        }
    }

    func testSourceLinesMatchTheUTF8Split() {
        for text in Self.samples(2000).map({ $0.replacingOccurrences(of: "#", with: "\n") }) {
            var expected = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map {
                String(decoding: $0.last == 13 ? $0.dropLast() : $0, as: UTF8.self)
            }
            if expected.last == "" && expected.count > 1 { expected.removeLast() }
            XCTAssertEqual(SourceText(text, file: "t").lines, expected, text.debugDescription)
        }
    }
}
