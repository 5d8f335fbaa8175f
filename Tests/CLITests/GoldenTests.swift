import Foundation
import XCTest

/// `golden/<folder>/`: every spec compiles (`--no-provenance`) to exactly the
/// `.q.orca.md` of the same name in its folder, byte for byte.
final class GoldenTests: CLITestCase {
    func testEveryGoldenSpecCompilesToItsGoldenMachineByteForByte() throws {
        let manager = FileManager.default
        let folders = try manager.contentsOfDirectory(at: Paths.golden, includingPropertiesForKeys: [.isDirectoryKey])
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .sorted { $0.path < $1.path }
        XCTAssertFalse(folders.isEmpty, "no folders in \(Paths.golden.path)")
        var compared = 0
        for folder in folders {
            let specs = try manager.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
            XCTAssertFalse(specs.isEmpty, "\(folder.lastPathComponent): no *.yaml/*.json spec")
            for spec in specs {
                let label = "\(folder.lastPathComponent)/\(spec)"
                let out = try temporaryDirectory()
                let result = run(["compile", folder.appendingPathComponent(spec).path, "-o", out.path, "--no-provenance"])
                XCTAssertEqual(result.status, 0, "\(label): \(result.stderr)")
                XCTAssertEqual(result.stderr, "", label)
                let emitted = (listing(out) ?? []).filter { $0.hasSuffix(".q.orca.md") }.sorted()
                XCTAssertEqual(emitted.count, 1, "\(label): emitted \(emitted)")
                for name in emitted {
                    let goldenURL = folder.appendingPathComponent(name)
                    guard manager.fileExists(atPath: goldenURL.path) else {
                        XCTFail("\(label): emitted \(name) but \(folder.lastPathComponent)/ has no golden file of that name")
                        continue
                    }
                    let got = try Data(contentsOf: out.appendingPathComponent(name))
                    let expected = try Data(contentsOf: goldenURL)
                    XCTAssertTrue(got == expected, "\(label) → \(name) differs from golden: \(firstDifference(got, expected))")
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThan(compared, 0)
    }
}
