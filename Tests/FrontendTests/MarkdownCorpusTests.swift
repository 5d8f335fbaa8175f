import Foundation
import IR
import XCTest
@testable import Frontend

final class MarkdownCorpusTests: XCTestCase {
    func testEveryCorpusFileParses() throws {
        let files = MarkdownFixtures.corpus + MarkdownFixtures.emitted
        XCTAssertGreaterThanOrEqual(files.count, 20)
        for file in files {
            do {
                let machines = try QOrcaReader.read(path: file.path)
                XCTAssertEqual(machines.count, 1, file.lastPathComponent)
                XCTAssertFalse(machines[0].states.isEmpty, file.lastPathComponent)
            } catch {
                XCTFail("\(file.lastPathComponent): \(error)")
            }
        }
    }

    /// A file saved with Windows line endings reads to the same machines, with
    /// the same positions ("\r\n" is a single Swift Character, so splitting
    /// Characters on "\n" once left such a file as one line).
    func testCRLFFilesReadLikeLFFiles() throws {
        for file in MarkdownFixtures.corpus + MarkdownFixtures.emitted {
            let text = try String(contentsOf: file, encoding: .utf8)
            let crlf = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
            XCTAssertNotEqual(crlf, text)
            let expected = try QOrcaReader.read(text: text, file: file.path)
            XCTAssertEqual(try QOrcaReader.read(text: crlf, file: file.path), expected, file.lastPathComponent)
        }
    }
}
