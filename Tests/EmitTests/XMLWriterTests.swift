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

    func testFinishClosesOpenElements() throws {
        let writer = try XMLWriter(indent: false)
        try writer.startElement("svg")
        try writer.startElement("g")
        XCTAssertTrue(try writer.finish().contains("<svg><g/></svg>"))
    }
}
