import Foundation
import XCTest
@testable import IR

/// `FixedDecimal` is `String(format: "%.Nf")` to the byte: ties, tiny and
/// negative values, large values and non-finite ones.
final class FixedDecimalTests: XCTestCase {
    func check(_ x: Double, file: StaticString = #filePath, line: UInt = #line) {
        for places in 0...FixedDecimal.maxPlaces {
            let expected = String(format: "%.\(places)f", x)
            XCTAssertEqual(FixedDecimal.format(x, places: places), expected, "\(x) to \(places) places", file: file, line: line)
            var appended = Array("x,".utf8)  // after existing bytes, as the CSV writers use it
            FixedDecimal.append(x, places: places, to: &appended)
            XCTAssertEqual(String(decoding: appended, as: UTF8.self), "x," + expected, "append \(x) to \(places) places",
                           file: file, line: line)
        }
    }

    func testEdgeCases() {
        let values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 12.5, 0.0000005, 0.0000015, 0.0000025,
                                -0.0000004, -1e-300, .leastNonzeroMagnitude, 1e-17, 0.1, 0.7, 1.005, 2.675, 123456.7890125,
                                9007199254740994, 3.6e16, 1e22, 1e300, -1e300, .pi, 2 * .pi, .nan, .infinity, -.infinity,
                                Double.greatestFiniteMagnitude, Double.leastNormalMagnitude, 0x1p-1022 * 1.5]
        for x in values { check(x) }
    }

    func testExactTies() {
        // k / 2^m are exact in binary, so many of these are exact decimal ties.
        for m in 1...12 {
            for k in stride(from: -4097, through: 4097, by: 3) { check(Double(k) / Double(1 << m)) }
        }
    }

    /// Values next to the decimal midpoints k + 1/2 at each precision, where
    /// the rounded product and its exact error must agree on the side.
    func testNearMidpoints() {
        var rng = SystemRandomNumberGenerator()
        for places in 0...FixedDecimal.maxPlaces {
            for _ in 0..<2_000 {
                let k = Double(Int.random(in: 0...(1 << 40), using: &rng) >> Int.random(in: 0...40, using: &rng))
                let m = (k + 0.5) / pow(10, Double(places))
                for x in [m, m.nextUp, m.nextDown, -m, -m.nextUp] {
                    XCTAssertEqual(FixedDecimal.format(x, places: places), String(format: "%.\(places)f", x), "\(x) to \(places)")
                }
            }
        }
    }

    func testRandomValues() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let bits = UInt64.random(in: 0...UInt64.max, using: &rng)
            let x = Double(bitPattern: bits)
            let scaled = Double.random(in: -10...10, using: &rng) * pow(10, Double(Int.random(in: -8...8, using: &rng)))
            check(x)
            check(scaled)
        }
    }
}

/// `FixedDecimal.signed` is `%+.Nf`.
final class SignedFixedDecimalTests: XCTestCase {
    func testSignedMatchesPlusFlag() {
        for x in [0, -0.0, 1e-9, -1e-9, 0.5, -2.675, 123.456, .nan, .infinity, -.infinity] {
            for places in [0, 4, 6] {
                XCTAssertEqual(FixedDecimal.signed(x, places: places), String(format: "%+.\(places)f", x), "\(x) \(places)")
            }
        }
    }
}
