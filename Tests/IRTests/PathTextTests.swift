import Foundation
import XCTest
@testable import IR

/// `PathText.parent` agrees with NSString's `deletingLastPathComponent`.
final class PathTextTests: XCTestCase {
    func testParentMatchesNSString() {
        let paths = ["a/b/c", "/a/b", "/a", "", "/", "a/b/", "a//b", "/a//b//", "./x/y.svg", "../out/m.q.orca.md",
                     "out/AnimalsInterference/cancellations/0/grid.svg", "/tmp/ü ñ/€.csv", "//a", "/a/"]
        for path in paths {
            XCTAssertEqual(PathText.parent(of: path), (path as NSString).deletingLastPathComponent, "'\(path)'")
        }
    }

    /// Paths without a folder part have none. (swift-corelibs-foundation 6.3
    /// traps in `deletingLastPathComponent` on a literal such as "a", so these
    /// are compared with what Apple's Foundation documents instead.)
    func testNoFolderPart() {
        XCTAssertEqual(PathText.parent(of: "a"), "")
        XCTAssertEqual(PathText.parent(of: "a///"), "")
        XCTAssertEqual(PathText.parent(of: "grid.svg"), "")
    }
}

/// `PathText.join` agrees with NSString's `appendingPathComponent` for the
/// names `run` and `compile` append (a plain name, or dictionary/kind/name).
final class PathJoinTests: XCTestCase {
    func testJoinMatchesNSString() {
        let folders = ["out", "out/", "out//", "/", "", ".", "./", "../x", "/tmp/ü ñ", "/a/b/", "q"]
        let names = ["AnimalsInterference.q.orca.md", "Animals/experiments/PhaseSweep", "grid.svg"]
        for folder in folders {
            for name in names {
                XCTAssertEqual(PathText.join(folder, name), (folder as NSString).appendingPathComponent(name),
                               "'\(folder)' + '\(name)'")
            }
        }
    }
}
