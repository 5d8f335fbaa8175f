import IR
import XCTest
@testable import Frontend

final class AngleParserTests: XCTestCase {
    private func value(_ text: String, _ bindings: [String: Double] = [:]) throws -> Double {
        try AngleParser.parse(text).evaluate(bindings)
    }

    func testReferenceSemantics() throws {
        XCTAssertEqual(try value("0.0 + -0.5"), -0.5)
        // `--0.5` strips one sign, then `-0.5` is a float literal: 0.5 - 0.35.
        XCTAssertEqual(try value("--0.5 - 0.35"), 0.0 + 0.5 + -0.35)
        XCTAssertEqual(try value("1e-3"), 0.001)
        XCTAssertEqual(try value("1E3"), 1000)
        XCTAssertEqual(try value("-(pi/2)"), -Double.pi / 2)
        XCTAssertEqual(try value("2*pi + gamma", ["gamma": 0.25]), 0.0 + 2 * Double.pi + 0.25)
        XCTAssertEqual(try value("-(a + b)", ["a": 0.1, "b": 0.2]), -1.0 * (0.1 + 0.2))
        XCTAssertEqual(try value("a + b", ["a": 0.1, "b": 0.2]), 0.30000000000000004)
        XCTAssertEqual(try value("3*pi/4"), 3 * Double.pi / 4)
        XCTAssertEqual(try value("pi - pi/2"), Double.pi - Double.pi / 2)
        XCTAssertEqual(try value("1e-5 + a", ["a": 1]), 1.00001)
        XCTAssertEqual(try value("a/2", ["a": 1]), 0.5)
        XCTAssertEqual(try value("a*pi", ["a": 2]), 2 * Double.pi)
        XCTAssertEqual(try value("1_000"), 1000)
    }

    func testSymbolicStructure() throws {
        XCTAssertEqual(try AngleParser.parse("-(a + b)"), .negated(.parenthesized(.sum([.symbol("a"), .symbol("b")]))))
        XCTAssertEqual(try AngleParser.parse("-(a + b)").symbols, ["a", "b"])
        XCTAssertEqual(try AngleParser.parse("a + b").description, "a + b")
    }

    func testErrors() {
        XCTAssertThrowsError(try AngleParser.parse("pi/0")) { error in
            XCTAssertTrue((error as? AngleSyntaxError)?.message.contains("division by zero") ?? false)
        }
        for bad in ["pi*2", "0.5*pi", "pi/2.0", "a*b", "(pi)/2", "--a", "a - -b", "π", "ctx.theta", ""] {
            XCTAssertThrowsError(try AngleParser.parse(bad), bad)
        }
        XCTAssertNoThrow(try AngleParser.parse("π", allowPiGlyph: true))
        XCTAssertThrowsError(try AngleParser.parse("x").evaluate([:]))
    }
}
