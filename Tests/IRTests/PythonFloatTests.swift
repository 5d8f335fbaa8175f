import XCTest
@testable import IR

/// `PythonFloat.repr` against Python's `repr(float)`. Expected strings were
/// produced with python3 (3.11): `print(repr(x))` for each literal below
/// (Swift and Python parse the same literal to the same double).
final class PythonFloatTests: XCTestCase {
    func testMatchesPythonRepr() {
        let cases: [(Double, String)] = [
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e-05, "1e-05"),
            (1e16, "1e+16"),
            (9007199254740992.0, "9007199254740992.0"),        // 2^53
            (9007199254740994.0, "9007199254740994.0"),        // 2^53 + 2
            (9007199254740993.0, "9007199254740992.0"),        // rounds to 2^53
            (1234567890123456.8, "1234567890123456.8"),        // below 2^53: Swift already fixed
            (-1234567890123456.8, "-1234567890123456.8"),
            (9999999999999998.0, "9999999999999998.0"),        // largest double below 1e16
            (-9999999999999998.0, "-9999999999999998.0"),
            (9.999999999999999e15, "1e+16"),
            (4503599627370496.5, "4503599627370496.0"),
            (1e15, "1000000000000000.0"),
            (1000000000000000.5, "1000000000000000.5"),
            (Double.leastNonzeroMagnitude, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (0.30000000000000004, "0.30000000000000004"),
            (123456789.0, "123456789.0"),
            (1e-4, "0.0001"),
            (0.0001234, "0.0001234"),
            (1.5e-07, "1.5e-07"),
            (-2.5, "-2.5"),
            (100.0, "100.0"),
            (1e22, "1e+22"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (Double.pi, "3.141592653589793"),
            (.infinity, "inf"),
            (-.infinity, "-inf"),
            (.nan, "nan"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(PythonFloat.repr(value), expected, "bits \(String(value.bitPattern, radix: 16))")
        }
    }

    func testBandEdgesRoundTrip() {
        // Every value in [2^53, 1e16) prints as fixed digits that parse back exactly.
        var x = 9007199254740992.0
        for _ in 0..<1000 {
            let text = PythonFloat.repr(x)
            XCTAssertTrue(text.hasSuffix(".0"), text)
            XCTAssertFalse(text.contains("e"), text)
            XCTAssertEqual(Double(text), x, text)
            x = x.nextUp
        }
        let top = 1e16.nextDown
        XCTAssertEqual(PythonFloat.repr(top), "9999999999999998.0")
    }
}
