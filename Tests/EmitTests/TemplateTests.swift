import XCTest
@testable import Emit

final class TemplateTests: XCTestCase {
    func testEachPackagedTemplateLoads() throws {
        for name in TemplateLibrary.names {
            XCTAssertNoThrow(try TemplateLibrary.checkStructure(try TemplateLibrary.template(named: name)), name)
        }
    }

    /// The binary carries the templates; they must be exactly the Markdown files.
    func testEmbeddedTemplatesEqualTheMarkdownFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Emit/Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files, TemplateLibrary.names.sorted())
        XCTAssertEqual(EmbeddedTemplates.sources.keys.sorted(), TemplateLibrary.names.sorted())
        for name in files {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(EmbeddedTemplates.sources[name], text, "\(name) changed: run scripts/embed_templates.py")
        }
    }

    func testEachRepeatsAndFiltersPad() throws {
        let template = try Template(name: "t", source: "head\n{{#each rows}}\n|{{a|cell}}|{{b|ljust:4}}|\n{{/each}}\n")
        let scope = TemplateScope(["rows": .list([
            TemplateScope(["a": .text("x"), "b": .text("yy")]),
            TemplateScope(["a": .text(""), "b": .text("zzzzz")]),
        ])])
        XCTAssertEqual(try template.render(scope), "head\n| x |yy  |\n| |zzzzz|\n")
    }

    func testConditionalKeepsBodyOnlyWhenSet() throws {
        let template = try Template(name: "t", source: "a\n{{#if on}}\nb\n{{/if}}\n")
        XCTAssertEqual(try template.render(TemplateScope(["on": .flag(true)])), "a\nb\n")
        XCTAssertEqual(try template.render(TemplateScope(["on": .flag(false)])), "a\n")
    }

    func testUnbalancedDirectivesAreRejected() {
        XCTAssertThrowsError(try Template(name: "t", source: "{{#each rows}}\nx\n"))
        XCTAssertThrowsError(try Template(name: "t", source: "x\n{{/if}}\n"))
        XCTAssertThrowsError(try Template(name: "t", source: "x {{name|shout}}\n"))
        XCTAssertThrowsError(try Template(name: "t", source: "x {{name\n"))
    }

    func testMissingVariableFailsLoudly() throws {
        let template = try Template(name: "t", source: "{{missing}}\n")
        XCTAssertThrowsError(try template.render(TemplateScope()))
    }
}

final class TemplateStructureTests: XCTestCase {
    func testMachineTemplateWithoutATransitionsHeadingIsRejected() throws {
        let broken = try Template(name: "broken.q.orca.md", source: "# machine {{name}}\n\n## context\n## events\n#transitions\n## actions\n")
        XCTAssertThrowsError(try TemplateLibrary.checkStructure(broken)) { error in
            XCTAssertTrue("\(error)".contains("## transitions"), "\(error)")
        }
    }

    func testMachineTemplateMustOpenWithTheMachineHeading() throws {
        let broken = try Template(name: "broken.q.orca.md", source: "machine {{name}}\n===\n## context\n")
        XCTAssertThrowsError(try TemplateLibrary.checkStructure(broken))
    }

    func testProvenanceTemplateMustBeOneComment() throws {
        let broken = try Template(name: "provenance.md", source: "<!--\n  x\n-->\n\n# stray\n")
        XCTAssertThrowsError(try TemplateLibrary.checkStructure(broken))
    }
}
