import IR
import XCTest
@testable import Frontend

final class EffectParserTests: XCTestCase {
    private let origin = SourceLocation(file: "f", line: 7, column: 10)

    private func gates(_ text: String, _ scope: EffectScope = EffectScope()) throws -> [Gate] {
        try EffectParser.parse(text, scope: scope).compactMap {
            if case .gate(let g) = $0 { return g } else { return nil }
        }
    }

    func testRecognisers() throws {
        let g = try gates("Hadamard(qs[0 1 2]); CCX(qs[0], qs[1], qs[2]); toffoli(qs[0], qs[1], qs[2]); "
                          + "CCZ(qs[2], qs[1], qs[0]); MCX(qs[0], qs[1], qs[2], qs[3]); MCZ(qs[0], qs[1], qs[2]); "
                          + "CSWAP(qs[0], qs[1], qs[2]); CRx(qs[0], qs[1], pi/2); RZZ(qs[0], qs[1], 0.5); "
                          + "CX(qs[0], qs[1]); CZ(qs[1], qs[0]); SWAP(qs[0], qs[1]); RX(qs[0], 0.1); "
                          + "X(qs[0]); y(qs[1]); S(qs[0]); T(qs[0]); I(qs[0]); sx(qs[0]); H(qs[2])")
        XCTAssertEqual(g.map(\.kind), [.H, .CCNOT, .CCNOT, .CCZ, .MCX, .MCZ, .CSWAP, .CRx, .RZZ, .CNOT, .CZ, .SWAP,
                                       .Rx, .X, .Y, .S, .T, .I, .custom, .H])
        XCTAssertEqual(g[0].targets, [.index(0), .index(1), .index(2)])
        XCTAssertEqual(g[1].controls, [.index(0), .index(1)])
        XCTAssertEqual(g[1].targets, [.index(2)])
        XCTAssertEqual(g[4].controls.count, 3)
        XCTAssertEqual(g[6].controls, [.index(0)])
        XCTAssertEqual(g[6].targets, [.index(1), .index(2)])
        XCTAssertEqual(g[7].controls, [.index(0)])
        XCTAssertEqual(g[7].angle, .number(Double.pi / 2))
        XCTAssertEqual(g[8].targets, [.index(0), .index(1)])
        XCTAssertEqual(g[18].customName, "SX")
    }

    func testParenthesisedAngle() throws {
        let scope = EffectScope(parameters: [.init(name: "a", type: .angle), .init(name: "b", type: .angle)])
        let g = try gates("Ry(qs[0], -(a + b)); Ry(qs[1], (0.3))", scope)
        XCTAssertEqual(g.count, 2)
        XCTAssertEqual(try g[0].angle?.evaluate(["a": 1, "b": 2]), -3)
        XCTAssertEqual(try g[1].angle?.evaluate(), 0.3)
    }

    func testIntParameterOperand() throws {
        let scope = EffectScope(parameters: [.init(name: "c", type: .int)])
        let g = try gates("CNOT(qs[c], qs[2])", scope)
        XCTAssertEqual(g[0].controls, [.parameter("c")])
    }

    func testMeasurementsAndConditionals() throws {
        let statements = try EffectParser.parse(
            "measure(qs[0, 1]); measure(qs[2]) -> bits[1]; if bits[0] == 1 and bits[1] == 0: X(qs[2])", origin: origin)
        XCTAssertEqual(statements.count, 3)
        guard case .measure(let qubits, let l0) = statements[0] else { return XCTFail() }
        XCTAssertEqual(qubits, [0, 1])
        XCTAssertEqual(l0?.column, 10)
        guard case .midCircuitMeasure(2, 1, let l1) = statements[1] else { return XCTFail() }
        XCTAssertEqual(l1?.column, 29)
        guard case .conditional(let conditions, let gate) = statements[2] else { return XCTFail() }
        XCTAssertEqual(conditions, [BitCondition(bit: 0, value: 1), BitCondition(bit: 1, value: 0)])
        XCTAssertEqual(gate.kind, .X)
        XCTAssertEqual(gate.location?.column, 10 + 80)
    }

    func testContextUpdates() throws {
        for text in ["iteration += 1", "ctx.outcome = 10", "theta[0] -= eta", "if bits[0] == 1: a += 1; else: a -= 1"] {
            let statements = try EffectParser.parse(text)
            XCTAssertEqual(statements, [.contextUpdate(text: text, location: nil)], text)
        }
        XCTAssertThrowsError(try EffectParser.parse("x = 1 + 2"))
        XCTAssertThrowsError(try EffectParser.parse("a += 1; H(qs[0])"))
    }

    func testGateLocations() throws {
        let statements = try EffectParser.parse("H(qs[0]);  CNOT(qs[0], qs[1])", origin: origin)
        let columns = statements.compactMap { if case .gate(let g) = $0 { return g.location?.column } else { return nil } }
        XCTAssertEqual(columns, [10, 21])
    }

    func testErrorsCarryPositions() {
        func error(_ text: String, _ scope: EffectScope = EffectScope()) -> InputError? {
            do { _ = try EffectParser.parse(text, scope: scope, origin: origin); return nil } catch { return error as? InputError }
        }
        XCTAssertEqual(error("H(qs[0]); Foo(qs[0], 0.5)")?.location?.column, 20)
        XCTAssertTrue(error("Rq(qs[1], a)")?.message.contains("unknown gate 'Rq'") ?? false)
        XCTAssertTrue(error("Ry(qs[0], x)")?.message.contains("undefined parameter 'x'") ?? false)
        XCTAssertTrue(error("Rz(0.5, qs[0])")?.message.contains("angle-first") ?? false)
        XCTAssertTrue(error("MCZ(qs[0], qs[1])")?.message.contains("Use CCZ") ?? false)
        XCTAssertTrue(error("if bits[0] == 1 and bits[0] == 0: X(qs[0])")?.message.contains("conflicting") ?? false)
        XCTAssertTrue(error("measure(qs[c])", EffectScope(parameters: [.init(name: "c", type: .int)]))?
            .message.contains("literal qubit indices") ?? false)
        let intAsAngle = error("Ry(qs[0], c)", EffectScope(parameters: [.init(name: "c", type: .int)]))
        XCTAssertTrue(intAsAngle?.message.contains("int parameter") ?? false)
    }
}
