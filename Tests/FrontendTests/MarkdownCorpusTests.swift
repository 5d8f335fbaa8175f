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
}
