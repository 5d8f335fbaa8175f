import Foundation
import XCTest

/// The harness runs the executable of this very build, not a stale one from
/// another scratch directory.
final class HarnessTests: CLITestCase {
    func testExecutableComesFromTheTestBundlesBuildDirectory() throws {
        let executable = try XCTUnwrap(Paths.polygramc)
        let buildDirectory = Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
        #if os(Linux)
        XCTAssertEqual(executable.deletingLastPathComponent().standardizedFileURL.path,
                       buildDirectory.standardizedFileURL.path,
                       "polygramc found at \(executable.path), test bundle at \(Bundle.main.bundleURL.path)")
        #endif
        let help = run(["--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("compile") && help.stdout.contains("verify"), help.stdout)
    }
}
