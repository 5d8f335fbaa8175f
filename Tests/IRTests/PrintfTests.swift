import Foundation
import XCTest
import IR

/// `Printf.double` gives exactly `String(format:)`'s text.
final class PrintfTests: XCTestCase {
    func testMatchesStringFormat() {
        let formats = ["%.6g", "%.3e", "%.2e", "%.6f", "%+.6f", "%.4f", "%.3f", "%.0f", "%.2f", "%.20f", "%+.4f", "%g"]
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 2.5, 1e-300, .leastNonzeroMagnitude, 1.7976931348623157e308, 123456789.123456789,
                                0.1 + 0.2, -2.675, 1e21, 9.9999995e-5, .pi, .nan, .infinity, -.infinity]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            values.append(Double(bitPattern: generator.next()))
            values.append(Double.random(in: -1000...1000, using: &generator))
        }
        for format in formats {
            for value in values where !value.isNaN || format != "%+.4f" {
                XCTAssertEqual(Printf.double(value, format), String(format: format, value), "\(format) of \(value)")
            }
        }
    }

    /// Text longer than the 64-byte stack buffer (1e308 in %f has 309 digits).
    func testLongText() {
        let value = 1.7976931348623157e308
        let text = Printf.double(value, "%.3f")
        XCTAssertEqual(text, String(format: "%.3f", value))
        XCTAssertEqual(text.count, 309 + 4)
    }
}

/// Cores and memory as Foundation's ProcessInfo reports them.
final class MachineResourcesTests: XCTestCase {
    func testProcessorsMatchProcessInfo() {
        XCTAssertEqual(MachineResources.processors, ProcessInfo.processInfo.activeProcessorCount)
    }

    func testPhysicalMemoryMatchesProcessInfo() {
        XCTAssertEqual(MachineResources.physicalMemory, Double(ProcessInfo.processInfo.physicalMemory))
    }
}
