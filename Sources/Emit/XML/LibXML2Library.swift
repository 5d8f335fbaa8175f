import Foundation

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

    private static let loaded: LibXML2Library = {
        do {
            return try LibXML2Library(names: ["libxml2.so.2", "libxml2.so"])
        } catch {
            // A missing system library makes the run unusable, like bad input.
            FileHandle.standardError.write(Data("polygramc: \(error) (install libxml2, e.g. with scripts/setup.sh)\n".utf8))
            exit(2)
        }
    }()

    private init(names: [String]) throws {
        var handle: UnsafeMutableRawPointer?
        var reasons: [String] = []
        for name in names {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
            reasons.append(dlerror().map { String(cString: $0) } ?? name)
        }
        guard let handle else {
            throw XMLWriterError("cannot load libxml2: " + reasons.joined(separator: "; "))
        }
        func symbol<F>(_ name: String) throws -> F {
            guard let address = dlsym(handle, name) else { throw XMLWriterError("libxml2 lacks \(name)") }
            return unsafeBitCast(address, to: F.self)
        }
        bufferCreate = try symbol("xmlBufferCreate")
        bufferFree = try symbol("xmlBufferFree")
        bufferContent = try symbol("xmlBufferContent")
        newTextWriterMemory = try symbol("xmlNewTextWriterMemory")
        freeTextWriter = try symbol("xmlFreeTextWriter")
        startDocument = try symbol("xmlTextWriterStartDocument")
        endDocument = try symbol("xmlTextWriterEndDocument")
        startElement = try symbol("xmlTextWriterStartElement")
        endElement = try symbol("xmlTextWriterEndElement")
        writeAttribute = try symbol("xmlTextWriterWriteAttribute")
        writeString = try symbol("xmlTextWriterWriteString")
        flush = try symbol("xmlTextWriterFlush")
        setIndent = try symbol("xmlTextWriterSetIndent")
        setIndentString = try symbol("xmlTextWriterSetIndentString")
    }
}
