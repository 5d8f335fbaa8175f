import IR
import XCTest
@testable import Frontend

final class MarkdownReaderTests: XCTestCase {
    func testMultipleMachines() throws {
        let text = """
        # machine A
        ## state s [initial]
        ## events
        - go

        ---

        # machine B
        ## state t
        ## state u [final]

        # machine C
        ## state v
        """
        let machines = try QOrcaReader.read(text: text, file: "m.md")
        XCTAssertEqual(machines.map(\.name), ["A", "B", "C"])
        XCTAssertEqual(machines[0].events.map(\.name), ["go"])
        XCTAssertEqual(machines[1].states.map(\.name), ["t", "u"])
        XCTAssertTrue(machines[1].states[0].isInitial)
        XCTAssertEqual(machines[2].location?.line, 12)
    }

    func testHTMLCommentsAreIgnored() throws {
        let text = """
        <!--
        ## state |hidden>
        | a | b |
        |---|---|
        -->
        # machine M
        ## state |shown> [initial]
        """
        let machine = try MarkdownFixtures.machine(text)
        XCTAssertEqual(machine.states.map(\.name), ["|shown>"])
    }

    func testProseThenTableInOneParagraph() throws {
        let text = """
        # machine M
        Summary line one
        line two.

        ## state a [initial]
        ## events
        - go # comment
        - stop (payload)
        ## context
        Some prose right before the table.
        | Field | Type | Default |
        |---|---|---|
        | n | int | 3 |
        """
        let machine = try MarkdownFixtures.machine(text)
        XCTAssertEqual(machine.summary, ["Summary line one\nline two."])
        XCTAssertEqual(machine.events.map(\.name), ["go", "stop"])
        XCTAssertEqual(machine.context.map(\.name), ["n"])
        XCTAssertEqual(machine.context.first?.location?.line, 13)
        XCTAssertEqual(machine.angleContext, ["n": 3])
    }

    func testKetProtectionAndCellColumns() {
        let row = TableRowSplitter.split("| |00> | go | | |11> | flip |", lineNumber: 4)
        XCTAssertEqual(row.cells.map(\.text), ["|00>", "go", "", "|11>", "flip"])
        XCTAssertEqual(row.cells.map(\.column), [3, 10, 14, 17, 24])
        XCTAssertTrue(TableRowSplitter.isSeparator("|---|:--:|"))
        XCTAssertFalse(TableRowSplitter.isSeparator("| a |"))
    }

    func testStateHeadings() throws {
        let text = """
        # machine M
        ## state |ψ> = (|00> + |11>)/√2 [final]
        > first line
        > > second
        ## State x [Initial]
        """
        let machine = try MarkdownFixtures.machine(text)
        XCTAssertEqual(machine.states[0].name, "|ψ>")
        XCTAssertEqual(machine.states[0].expression, "(|00> + |11>)/√2")
        XCTAssertTrue(machine.states[0].isFinal)
        XCTAssertEqual(machine.states[0].description, "first line\n> second")
        XCTAssertEqual(machine.states[1].name, "x")
        XCTAssertTrue(machine.states[1].isInitial)
        XCTAssertFalse(machine.states[0].isInitial)
    }

    func testRulesAndInvariants() throws {
        let text = """
        # machine M
        ## state a
        ## verification rules
        - measurement_collapse_allowed
        - No-Cloning: copies nothing
        ## invariants
        - entanglement(q0, q1) = True
        - schmidt_rank(q0, q2) >= 2
        - depth <= 12
        - concept_gram_tier_separation = 0.5
        - entanglement(q0, q1) == True
        """
        let machine = try MarkdownFixtures.machine(text)
        XCTAssertEqual(machine.verificationRules.map(\.kind), ["measurement_collapse_allowed", "no_cloning"])
        XCTAssertEqual(machine.verificationRules[1].description, "copies nothing")
        XCTAssertEqual(machine.invariants.map(\.kind), [.entanglement(0, 1), .schmidtRank(0, 2, .ge, 2),
                                                        .resource(metric: "depth", .le, 12), .tierSeparation(.eq, 0.5),
                                                        .unrecognized])
        XCTAssertEqual(machine.invariants[0].location?.line, 7)
        XCTAssertEqual(machine.invariants[0].location?.column, 3)
    }

    func testPythonListLiteral() throws {
        XCTAssertNil(try PythonListLiteral.parse("[[1, -2.5e-1], (3,)]").shape)
        XCTAssertEqual(try PythonListLiteral.parse("[[1, -2.5e-1], [3, 4,]]").shape, [2, 2])
        XCTAssertThrowsError(try PythonListLiteral.parse("[pi]"))
        XCTAssertThrowsError(try PythonListLiteral.parse("[1, 2"))
    }
}
