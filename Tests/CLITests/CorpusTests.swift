import Foundation
import XCTest

/// Hand-written q-orca corpus machines verify, and their concept Gram holds
/// the overlaps their prose states.
final class CorpusTests: CLITestCase {
    func assertCorpusMachine(_ fileName: String, overlaps expected: [Double], tolerance: Double,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        let path = Paths.corpus.appendingPathComponent(fileName).path
        let text = run(["verify", path])
        XCTAssertEqual(text.status, 0, text.stdout + text.stderr, file: file, line: line)
        XCTAssertTrue(matches(text.stdout, "machine [A-Za-z0-9_]+: VALID\\n"), text.stdout, file: file, line: line)
        XCTAssertFalse(text.stdout.contains("INVALID"), text.stdout, file: file, line: line)

        let json = run(["verify", "--json", path])
        XCTAssertEqual(json.status, 0, json.stderr, file: file, line: line)
        let report = try jsonObject(json.stdout)
        XCTAssertEqual(report["valid"] as? Bool, true, file: file, line: line)
        let machine = try firstMachine(report)
        guard let gram = machine["gram"] as? [String: Any] else {
            return XCTFail("\(fileName): no gram in report", file: file, line: line)
        }
        let overlaps = offDiagonal(try matrix(gram["overlap"]))
        for value in expected {
            let nearest = overlaps.min { abs($0 - value) < abs($1 - value) } ?? .nan
            XCTAssertLessThanOrEqual(abs(nearest - value), tolerance,
                                     "\(fileName): prose value \(value) not among overlaps \(overlaps)", file: file, line: line)
        }
    }

    func testInterferenceCorpusMachineIsValidWithItsProseOverlaps() throws {
        try assertCorpusMachine("larql-animals-interference.q.orca.md", overlaps: [0.8851, 0.6816, 0.5931], tolerance: 5e-5)
    }

    func testHierarchyCorpusMachineIsValidWithItsProseOverlaps() throws {
        try assertCorpusMachine("larql-animals-hierarchy.q.orca.md", overlaps: [0.882, 0.753, 0.593, 0.335], tolerance: 5e-4)
    }
}
