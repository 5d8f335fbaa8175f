import XCTest
@testable import Experiments

/// The flat trajectory reads back the rows it was given.
final class TrajectoryTests: XCTestCase {
    func testRowsReadBack() {
        let rows: [[Double]] = [[0.1, -0.2, 0.5], [0.3, 0.4, 0.25], [1, 2, 0]]
        var trajectory = Trajectory(width: 3)
        trajectory.append(rows[0])
        trajectory.append(knobs: [0.3, 0.4], overlap: 0.25)
        trajectory.append(knobs: [1.0, 2.0].lazy.map { $0 }, overlap: 0)
        XCTAssertEqual(trajectory.count, 3)
        XCTAssertEqual(trajectory.map { Array($0) }, rows)
        XCTAssertEqual(trajectory[1].last, 0.25)
        XCTAssertEqual(Array(trajectory[2].dropLast()), [1, 2])
        XCTAssertEqual(trajectory.map { $0[0] }, [0.1, 0.3, 1])
        XCTAssertEqual(trajectory, Trajectory(width: 3, rows: rows))
        XCTAssertNotEqual(trajectory, Trajectory(width: 3, rows: Array(rows.prefix(2))))
        XCTAssertNotEqual(Trajectory(width: 1, rows: [[1], [2]]), Trajectory(width: 2, rows: [[1, 2]]))
        XCTAssertEqual(trajectory[0], Trajectory(width: 3, rows: [rows[0]])[0])
        XCTAssertTrue(Trajectory(width: 2).isEmpty)
    }
}
