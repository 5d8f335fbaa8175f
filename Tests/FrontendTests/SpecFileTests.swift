import Foundation
import XCTest
import IR
@testable import Frontend

/// Reading a spec file's bytes: a byte-order mark, bad UTF-8, paths that are
/// not regular files.
final class SpecFileTests: XCTestCase {
    private func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polygramc-specfile-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private var animalsText: String {
        get throws { try String(contentsOf: SpecReaderTests.casesDirectory.appendingPathComponent("animals_mps_rung1/spec.yaml"), encoding: .utf8) }
    }

    func testByteOrderMarkIsDropped() throws {
        let text = try animalsText
        let plain = try SpecReader.read(path: try temporary("plain.yaml", Array(text.utf8)))
        let marked = try SpecReader.read(path: try temporary("marked.yaml", [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        XCTAssertEqual(marked.dictionary.features.map(\.name), plain.dictionary.features.map(\.name))
        XCTAssertEqual(marked.dictionary.features.map(\.beta), plain.dictionary.features.map(\.beta))
        XCTAssertEqual(marked.dictionary.location?.line, plain.dictionary.location?.line)
    }

    func testInvalidUTF8IsRefused() throws {
        let path = try temporary("bad.yaml", Array("dictionary:\n  name: ".utf8) + [0xFF, 0xFE] + Array("\n".utf8))
        XCTAssertThrowsError(try SpecReader.read(path: path)) { error in
            XCTAssertEqual((error as? InputError)?.message, "spec file is not valid UTF-8")
        }
    }

    func testMissingFileAndFolderAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.path
        for path in ["/nonexistent/polygramc/spec.yaml", folder] {
            XCTAssertThrowsError(try SpecReader.read(path: path)) { error in
                XCTAssertEqual((error as? InputError)?.message, "cannot read spec file", path)
            }
        }
    }
}
