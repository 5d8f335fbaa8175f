/// The one place that calls libxml2 (through `LibXML2Library`): a streaming XML writer (xmlTextWriter
/// into a memory buffer) for reports such as JUnit and SVG. libxml2 escapes
/// text and attribute values, so callers pass plain strings.
public final class XMLWriter {
    private let xml = LibXML2Library.shared
    private let buffer: LibXML2Library.Buffer
    private let writer: LibXML2Library.Writer
    private var finished = false

    public init(indent: Bool = true) throws {
        guard let buffer = xml.bufferCreate() else { throw XMLWriterError("xmlBufferCreate failed") }
        guard let writer = xml.newTextWriterMemory(buffer, 0) else {
            xml.bufferFree(buffer)
            throw XMLWriterError("xmlNewTextWriterMemory failed")
        }
        self.buffer = buffer
        self.writer = writer
        if indent {
            _ = xml.setIndent(writer, 1)
            _ = xml.setIndentString(writer, "  ")
        }
        try check(xml.startDocument(writer, "1.0", "UTF-8", nil), "start document")
    }

    deinit {
        xml.freeTextWriter(writer)
        xml.bufferFree(buffer)
    }

    public func startElement(_ name: String) throws {
        try check(name.withCString { xml.startElement(writer, $0) }, "start <\(name)>")
    }

    public func attribute(_ name: String, _ value: String) throws {
        // withCString: a native string's bytes in place, where passing the
        // String itself builds a temporary C array for every argument.
        try check(name.withCString { n in value.withCString { xml.writeAttribute(writer, n, $0) } }, "attribute \(name)")
    }

    public func text(_ value: String) throws {
        try check(value.withCString { xml.writeString(writer, $0) }, "text")
    }

    public func endElement() throws {
        try check(xml.endElement(writer), "end element")
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
            try check(xml.endDocument(writer), "end document")
            _ = xml.flush(writer)
            finished = true
        }
        guard let content = xml.bufferContent(buffer) else { return "" }
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
