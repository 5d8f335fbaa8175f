import IR

/// libxml2's text writer, opened on first use with `dlopen` instead of
/// being linked: libxml2 pulls ICU and compression libraries into every
/// process (about 1 ms of loading), while only JUnit reports and SVG plots
/// need it. The 14 entry points are declared here with opaque handles.
struct LibXML2Library {
    typealias Buffer = OpaquePointer
    typealias Writer = OpaquePointer
    typealias Text = UnsafePointer<CChar>

    let bufferCreate: @convention(c) () -> Buffer?
    let bufferFree: @convention(c) (Buffer) -> Void
    let bufferContent: @convention(c) (Buffer) -> Text?
    let newTextWriterMemory: @convention(c) (Buffer, Int32) -> Writer?
    let freeTextWriter: @convention(c) (Writer) -> Void
    let startDocument: @convention(c) (Writer, Text?, Text?, Text?) -> Int32
    let endDocument: @convention(c) (Writer) -> Int32
    let startElement: @convention(c) (Writer, Text) -> Int32
    let endElement: @convention(c) (Writer) -> Int32
    let writeAttribute: @convention(c) (Writer, Text, Text) -> Int32
    let writeString: @convention(c) (Writer, Text) -> Int32
    let flush: @convention(c) (Writer) -> Int32
    let setIndent: @convention(c) (Writer, Int32) -> Int32
    let setIndentString: @convention(c) (Writer, Text) -> Int32

    /// The library, loaded once (a global `let` initialises once, thread-safely).
    static var shared: LibXML2Library { loaded }

    private static let loaded = SharedLibrary.loadOrExit(install: "libxml2") {
        try LibXML2Library(try SharedLibrary("libxml2", candidates: ["libxml2.so.2", "libxml2.so"]))
    }

    private init(_ library: SharedLibrary) throws {
        bufferCreate = try library.symbol("xmlBufferCreate")
        bufferFree = try library.symbol("xmlBufferFree")
        bufferContent = try library.symbol("xmlBufferContent")
        newTextWriterMemory = try library.symbol("xmlNewTextWriterMemory")
        freeTextWriter = try library.symbol("xmlFreeTextWriter")
        startDocument = try library.symbol("xmlTextWriterStartDocument")
        endDocument = try library.symbol("xmlTextWriterEndDocument")
        startElement = try library.symbol("xmlTextWriterStartElement")
        endElement = try library.symbol("xmlTextWriterEndElement")
        writeAttribute = try library.symbol("xmlTextWriterWriteAttribute")
        writeString = try library.symbol("xmlTextWriterWriteString")
        flush = try library.symbol("xmlTextWriterFlush")
        setIndent = try library.symbol("xmlTextWriterSetIndent")
        setIndentString = try library.symbol("xmlTextWriterSetIndentString")
    }
}
