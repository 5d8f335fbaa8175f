import CLibXML2

/// The one place that calls libxml2: a streaming XML writer (xmlTextWriter
/// into a memory buffer) for reports such as JUnit and SVG. libxml2 escapes
/// text and attribute values, so callers pass plain strings.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var finished = false

    public init(indent: Bool = true) throws {
        guard let buffer = xmlBufferCreate() else { throw XMLWriterError("xmlBufferCreate failed") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLWriterError("xmlNewTextWriterMemory failed")
        }
        self.buffer = buffer
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    public func startElement(_ name: String) throws {
        try check(xmlTextWriterStartElement(writer, name), "start <\(name)>")
    }

    public func attribute(_ name: String, _ value: String) throws {
        try check(xmlTextWriterWriteAttribute(writer, name, value), "attribute \(name)")
    }

    public func text(_ value: String) throws {
        try check(xmlTextWriterWriteString(writer, value), "text")
    }

    public func endElement() throws {
        try check(xmlTextWriterEndElement(writer), "end element")
    }

    /// `<name attr="…">text</name>` in one call.
    public func element(_ name: String, attributes: [(String, String)] = [], text: String? = nil) throws {
        try startElement(name)
        for (key, value) in attributes { try attribute(key, value) }
        if let text { try self.text(text) }
        try endElement()
    }

    /// Closes open elements and returns the document text.
    public func finish() throws -> String {
        if !finished {
            try check(xmlTextWriterEndDocument(writer), "end document")
            xmlTextWriterFlush(writer)
            finished = true
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    private func check(_ status: Int32, _ what: String) throws {
        if status < 0 { throw XMLWriterError("libxml2 failed to \(what)") }
    }
}

public struct XMLWriterError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
