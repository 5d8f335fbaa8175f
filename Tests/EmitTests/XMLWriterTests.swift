import XCTest
@testable import Emit

final class XMLWriterTests: XCTestCase {
    func testElementsAttributesAndEscaping() throws {
        let writer = try XMLWriter(indent: false)
        try writer.startElement("testsuite")
        try writer.attribute("name", "a<b & \"c\"")
        try writer.element("testcase", attributes: [("name", "UNREACHABLE_STATE")], text: "x < y")
        try writer.endElement()
        let xml = try writer.finish()
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml)
        XCTAssertTrue(xml.contains("<testsuite name=\"a&lt;b &amp; &quot;c&quot;\">"), xml)
        XCTAssertTrue(xml.contains("<testcase name=\"UNREACHABLE_STATE\">x &lt; y</testcase></testsuite>"), xml)
    }

    /// A plain attribute is written exactly as `attribute` would write it,
    /// in its place among the element's other attributes.
    func testPlainAttributeEqualsEscapedOne() throws {
        let value = "data:image/png;base64,iVBORw0KGgo+/AAAA=_-.," + String(repeating: "QUJD", count: 5_000)
        func document(_ plain: Bool) throws -> String {
            let writer = try XMLWriter(indent: true)
            try writer.startElement("svg")
            try writer.startElement("image")
            try writer.attribute("x", "1")
            if plain { try writer.plainAttribute("href", value) } else { try writer.attribute("href", value) }
            try writer.attribute("y", "2")
            try writer.endElement()
            try writer.element("g", attributes: [("id", "after")])
            return try writer.finish()
        }
        let plain = try document(true)
        XCTAssertEqual(plain, try document(false))
        XCTAssertTrue(plain.contains("<image x=\"1\" href=\"\(value)\" y=\"2\"/>"), String(plain.prefix(200)))
    }

    func testFinishClosesOpenElements() throws {
        let writer = try XMLWriter(indent: false)
        try writer.startElement("svg")
        try writer.startElement("g")
        XCTAssertTrue(try writer.finish().contains("<svg><g/></svg>"))
    }
}
