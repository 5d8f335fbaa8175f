import XCTest
@testable import Experiments

/// Tick labels, π fractions, number formatting and the colormap.
final class PlotFormatTests: XCTestCase {
    func testPiFractions() {
        let q = Double.pi / 4
        let expected: [(Double, String)] = [
            (0, "0"), (q, "π/4"), (2 * q, "π/2"), (3 * q, "3π/4"), (4 * q, "π"), (5 * q, "5π/4"),
            (6 * q, "3π/2"), (7 * q, "7π/4"), (8 * q, "2π"), (-4 * q, "−π"), (-2 * q, "−π/2"),
            (-3 * q, "−3π/4"), (-8 * q, "−2π"), (12 * q, "3π"), (q + 5e-10, "π/4"),
        ]
        for (value, label) in expected { XCTAssertEqual(PlotFormat.angleLabel(value), label, "\(value)") }
        XCTAssertNil(PlotFormat.piFraction(q + 1e-6))
        XCTAssertEqual(PlotFormat.angleLabel(1), "1.00")
        XCTAssertEqual(PlotFormat.angleLabel(-0.5), "−0.50")
        XCTAssertEqual(PlotFormat.angleLabel(.pi / 3), "1.05")
        XCTAssertEqual(PlotFormat.decimal(-0.001), "0.00")
        XCTAssertEqual(PlotFormat.decimal(0.125, places: 3), "0.125")
    }

    func testRadianTicksForPiAlignedData() {
        let data = (0...39).map { Double($0) * Double.pi / 39 }
        let ticks = AxisTicks(range: AxisMap.padded(0, Double.pi, by: 0.03), scale: .auto, data: data)
        XCTAssertTrue(ticks.isRadians)
        XCTAssertEqual(ticks.labels, ["0", "π/4", "π/2", "3π/4", "π"])
        let wide = AxisTicks(range: -Double.pi...(3 * Double.pi), scale: .auto, data: [-Double.pi, 3 * Double.pi])
        XCTAssertEqual(wide.labels, ["−π", "−π/2", "0", "π/2", "π", "3π/2", "2π", "5π/2", "3π"])
    }

    func testLinearTicksForOtherData() {
        let ticks = AxisTicks(range: 0...1, scale: .auto, data: [0, 0.3, 1])
        XCTAssertFalse(ticks.isRadians)
        XCTAssertEqual(ticks.labels, ["0.00", "0.20", "0.40", "0.60", "0.80", "1.00"])
        let fine = AxisTicks(range: 0.5...0.52, scale: .linear, data: [])
        XCTAssertEqual(Set(fine.labels).count, fine.labels.count, "labels stay distinct on a narrow range")
    }

    func testViridisEnds() {
        XCTAssertEqual(Colormap.viridis.hex(0), "#440154")
        XCTAssertEqual(Colormap.viridis.hex(1), "#fde725")
        XCTAssertEqual(Colormap.viridis.hex(0.5), "#21918c")
        XCTAssertEqual(Colormap.viridis.hex(-3), "#440154")
        XCTAssertEqual(Colormap.viridis.hex(.nan), "#440154")
    }

    /// SVG coordinates: two decimals through FixedDecimal, trailing zeros and "-0" dropped.
    func testCoordinates() {
        XCTAssertEqual(PlotFormat.coordinate(12), "12")
        XCTAssertEqual(PlotFormat.coordinate(12.5), "12.5")
        XCTAssertEqual(PlotFormat.coordinate(12.25), "12.25")
        XCTAssertEqual(PlotFormat.coordinate(-0.001), "0")
        XCTAssertEqual(PlotFormat.coordinate(-0.006), "-0.01")
        XCTAssertEqual(PlotFormat.coordinate(.nan), "0")
        XCTAssertEqual(PlotFormat.coordinate(100), "100")
        XCTAssertEqual(PlotFormat.coordinate(0.1), "0.1")
    }
}
