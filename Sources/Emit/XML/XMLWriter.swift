import CLibXML2

/// The one place that calls libxml2: a streaming XML writer (xmlTextWriter
/// into a memory buffer) for reports such as JUnit and SVG. libxml2 escapes
/// text and attribute values, so callers pass plain strings.
///
/// libxml2 (with the ICU, zlib and xz it needs) is linked statically
/// (Package.swift): opening the shared library at first use cost about
/// 0.5 ms of symbol binding and relocation per process, linked statically
/// it costs only the pages a run touches.
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
            _ = xmlTextWriterSetIndent(writer, 1)
            _ = Self.withXMLText("  ") { xmlTextWriterSetIndentString(writer, $0) }
        }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// A native string's UTF-8 in place as libxml2's `xmlChar *` (passing the
    /// String itself would build a temporary C array for every argument).
    private static func withXMLText<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    public func startElement(_ name: String) throws {
        try check(Self.withXMLText(name) { xmlTextWriterStartElement(writer, $0) }, "start <\(name)>")
    }

    public func attribute(_ name: String, _ value: String) throws {
        try check(Self.withXMLText(name) { n in Self.withXMLText(value) { xmlTextWriterWriteAttribute(writer, n, $0) } },
                  "attribute \(name)")
    }

    /// An attribute whose value has nothing to escape (only ASCII letters,
    /// digits and `+/=:;,.-_`, e.g. a base64 `data:` URI), written as it is:
    /// libxml2 would otherwise scan a large value character by character.
    public func plainAttribute(_ name: String, _ value: String) throws {
        assert(value.utf8.allSatisfy(Self.isPlain), "attribute \(name) has characters to escape")
        var value = value
        try check(Self.withXMLText(name) { xmlTextWriterStartAttribute(writer, $0) }, "start attribute \(name)")
        try check(value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: xmlChar.self) { xmlTextWriterWriteRawLen(writer, $0.baseAddress, Int32(bytes.count)) }
        }, "attribute \(name)")
        try check(xmlTextWriterEndAttribute(writer), "end attribute \(name)")
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "+/=:;,.-_".utf8.contains(byte)
        }
    }

    public func text(_ value: String) throws {
        try check(Self.withXMLText(value) { xmlTextWriterWriteString(writer, $0) }, "text")
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
            _ = xmlTextWriterFlush(writer)
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
