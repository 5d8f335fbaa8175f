import Foundation
import XCTest
import IR
@testable import Emit

/// The provenance block's time stamp and git revision.
final class ProvenanceTests: XCTestCase {
    /// The C-library time stamp is what a DateFormatter with
    /// `yyyy-MM-dd'T'HH:mm:ss'Z'` in UTC (en_US_POSIX) writes, from the
    /// Gregorian reform (1582) to year 9999. Before it, the calendar is the
    /// proleptic Gregorian one of Python's datetime (a DateFormatter switches
    /// to the Julian calendar).
    func testTimestampMatchesDateFormatter() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        var generator = SystemRandomNumberGenerator()
        let reform: Int64 = -12_212_553_600  // 1583-01-01
        var seconds: [Int64] = [0, 1, -1, 1_700_000_000, 951_782_400, 4_102_444_800, 253_402_300_799, reform]
        for _ in 0..<2_000 { seconds.append(Int64.random(in: reform...253_402_300_799, using: &generator)) }
        for s in seconds {
            XCTAssertEqual(Provenance.utcTimestamp(s), formatter.string(from: Date(timeIntervalSince1970: TimeInterval(s))), "\(s)")
        }
        XCTAssertEqual(Provenance.utcTimestamp(-30_610_224_000), "1000-01-01T00:00:00Z")  // datetime.fromtimestamp(…, utc)
        XCTAssertEqual(Provenance.utcTimestamp(-62_135_596_800), "0001-01-01T00:00:00Z")
    }

    func testSourceDateEpochIsTrimmedAndChecked() throws {
        let features = [Feature(name: "a", cluster: "x", beta: 0.1)]
        let d = FeatureDictionary(name: "Tiny", features: features,
                                  hierarchy: FeatureDictionary.hierarchy(inferredFrom: features), encoding: .mpsRung1(phaseKnobs: true))
        XCTAssertEqual(try Provenance.current(for: d, directory: "/", environment: ["SOURCE_DATE_EPOCH": " 1700000000\t"]).generated,
                       "2023-11-14T22:13:20Z")
        XCTAssertThrowsError(try Provenance.current(for: d, directory: "/", environment: ["SOURCE_DATE_EPOCH": "1.5e9"]))
    }

    /// In a repository: git's own short revision; elsewhere `unversioned`.
    func testGitRevision() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("polygramc-git-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(GitRevisionQuery(directory: root.path).revision(), "unversioned")
        XCTAssertEqual(GitRevisionQuery(directory: root.appendingPathComponent("missing").path).revision(), "unversioned")

        let git = { (arguments: [String]) throws -> String in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", root.path] + arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        guard (try? git(["--version"]))?.hasPrefix("git version") == true else { throw XCTSkip("git is not installed") }
        _ = try git(["init", "-q"])
        try Data("x\n".utf8).write(to: root.appendingPathComponent("f"))
        _ = try git(["add", "f"])
        _ = try git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "x"])
        let expected = try git(["rev-parse", "--short", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertFalse(expected.isEmpty)
        let query = GitRevisionQuery(directory: root.path)
        XCTAssertEqual(query.revision(), expected)
        XCTAssertEqual(query.revision(), expected)  // asked again: remembered
    }
}
