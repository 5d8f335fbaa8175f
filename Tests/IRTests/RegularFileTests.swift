import Foundation
import XCTest
import IR

/// `RegularFile.holds`: exact content, any difference or other file kind is "no".
final class RegularFileTests: XCTestCase {
    private func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("polygramc-regularfile-\(getpid())-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    private func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { RegularFile.holds(atPath: path, exactly: $0) }
    }

    func testSameAndDifferentContent() throws {
        // Larger than one 64 KiB piece, and not a multiple of it.
        let content = (0..<200_001).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let path = try write(content)
        XCTAssertTrue(holds(path, content))
        XCTAssertEqual(RegularFile.bytes(atPath: path), content)
        var changed = content
        changed[changed.count - 1] ^= 1
        XCTAssertFalse(holds(path, changed))
        changed = content
        changed[70_000] ^= 0x80   // in the second piece
        XCTAssertFalse(holds(path, changed))
        XCTAssertFalse(holds(path, Array(content.dropLast())))
        XCTAssertFalse(holds(path, content + [0]))
    }

    func testEmptyFile() throws {
        let path = try write([])
        XCTAssertTrue(holds(path, []))
        XCTAssertFalse(holds(path, [0x61]))
        XCTAssertEqual(RegularFile.bytes(atPath: path), [])
    }

    func testMissingFileAndFolder() {
        XCTAssertFalse(holds("/nonexistent/polygramc/file", []))
        XCTAssertFalse(holds(FileManager.default.temporaryDirectory.path, []))
        XCTAssertNil(RegularFile.bytes(atPath: "/nonexistent/polygramc/file"))
        XCTAssertNil(RegularFile.bytes(atPath: FileManager.default.temporaryDirectory.path))
    }
}
