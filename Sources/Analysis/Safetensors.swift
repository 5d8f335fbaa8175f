#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import IR

/// Element types of the safetensors format (polygram-pipeline.md §1.3).
///
/// Readable: the float types and the integer/bool types (converted to
/// float32 as polygram's fast path does: F16 exactly, F64 and the wide
/// integers rounded to nearest-even, BOOL → 0/1, BF16 by the `<< 16` bit
/// shift). The FP8/complex types are recognised (so their spans validate)
/// but refused when read.
public enum SafetensorsDType: String, CaseIterable, Sendable {
    case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
    case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8"
    case u64 = "U64", u32 = "U32", u16 = "U16", u8 = "U8"
    case bool = "BOOL"
    case f8e4m3 = "F8_E4M3", f8e5m2 = "F8_E5M2", f8e8m0 = "F8_E8M0", c64 = "C64"

    public var byteSize: Int {
        switch self {
        case .f64, .i64, .u64, .c64: return 8
        case .f32, .i32, .u32: return 4
        case .f16, .bf16, .i16, .u16: return 2
        case .i8, .u8, .bool, .f8e4m3, .f8e5m2, .f8e8m0: return 1
        }
    }

    public var isReadable: Bool {
        switch self {
        case .f8e4m3, .f8e5m2, .f8e8m0, .c64: return false
        default: return true
        }
    }
}

/// One tensor entry of a validated header.
public struct SafetensorsTensor: Hashable, Sendable {
    public var name: String
    public var dtype: SafetensorsDType
    public var shape: [Int]
    /// Byte range relative to the start of the data section (`8 + header length`).
    public var dataOffsets: Range<Int>
    /// Product of `shape` (1 for a 0-D tensor).
    public var elementCount: Int

    /// `(2, 3)`, `(3,)`, `()` — numpy's shape tuple, for messages.
    public var shapeDescription: String { SafetensorsTensor.describe(shape: shape) }

    static func describe(shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joinedText(", ") + ")"
    }
}

/// A safetensors file, memory-mapped read-only. The whole header is validated
/// in `init` before any tensor byte is touched: header length within the file
/// and the cap, header a JSON object, every entry a known dtype with a
/// non-negative integer shape whose byte size (overflow-checked) equals its
/// `data_offsets` span, spans inside the data section, sorted spans contiguous
/// (no overlap, no hole, nothing after the last one — the rules of the
/// `safetensors` library polygram reads through), `__metadata__` string → string.
/// Readers then decode only the bytes they are asked for. Every problem is an
/// `InputError` naming the file.
public final class SafetensorsFile: @unchecked Sendable {
    /// The `safetensors` library's limit on the header (100,000,000 bytes).
    public static let defaultMaxHeaderLength = 100_000_000

    public let path: String
    public let fileSize: Int
    public let headerLength: Int
    /// Tensors in header order (`__metadata__` excluded).
    public let tensors: [SafetensorsTensor]
    /// `__metadata__` (nil when absent or `null`).
    public let metadata: [String: String]?
    /// Absolute offset of the data section.
    public var dataStart: Int { 8 + headerLength }

    private let byName: [String: Int]
    private let base: UnsafeRawPointer?
    private let mappedLength: Int

    public init(path: String, maxHeaderLength: Int = SafetensorsFile.defaultMaxHeaderLength) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw InputError("SAE file not found: \(path)", file: path) }
            throw InputError("cannot open safetensors file: \(String(cString: strerror(code)))", file: path)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw InputError("cannot stat safetensors file: \(String(cString: strerror(errno)))", file: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw InputError("not a regular file (a safetensors file is expected)", file: path)
        }
        let size = Int(info.st_size)
        fileSize = size
        guard size >= 8 else {
            throw InputError("safetensors file is \(size) bytes; it must start with an 8-byte little-endian header length",
                             file: path)
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw InputError("cannot memory-map safetensors file: \(String(cString: strerror(errno)))", file: path)
        }
        let pointer = UnsafeRawPointer(mapped)
        do {
            let header = try SafetensorsHeader.validate(UnsafeRawBufferPointer(start: pointer, count: size), file: path,
                                                        maxHeaderLength: maxHeaderLength)
            headerLength = header.headerLength
            tensors = header.tensors
            metadata = header.metadata
        } catch {
            munmap(mapped, size)
            throw error
        }
        base = pointer
        mappedLength = size
        var index: [String: Int] = [:]
        for (i, t) in tensors.enumerated() { index[t.name] = i }
        byName = index
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), mappedLength) }
    }

    public subscript(name: String) -> SafetensorsTensor? { byName[name].map { tensors[$0] } }

    /// Tensor names in header order.
    public var tensorNames: [String] { tensors.map(\.name) }

    /// Drops the mapping's resident pages (`MADV_DONTNEED`; a read-only private
    /// mapping re-reads them from the file if touched again), so decoding a
    /// whole tensor row by row keeps only the decoded rows resident, not the
    /// file's bytes as well.
    public func releasePages() {
        guard let base else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), mappedLength, MADV_DONTNEED)
    }

    // MARK: Reading (float32 values, as polygram converts every loaded tensor)

    /// Every element, row-major.
    public func readAll(_ name: String) throws -> [Float] {
        let t = try tensor(name)
        return try read(t, firstElement: 0, count: t.elementCount, stride: 1)
    }

    /// Row `index` of a 2-D tensor (reads only that row's bytes).
    public func readRow(_ name: String, _ index: Int) throws -> [Float] {
        let t = try tensor(name, rank: 2)
        guard index >= 0, index < t.shape[0] else {
            throw InputError("row \(index) is outside tensor '\(name)' of shape \(t.shapeDescription)", file: path)
        }
        return try read(t, firstElement: index * t.shape[1], count: t.shape[1], stride: 1)
    }

    /// Column `index` of a 2-D tensor (reads one element per row).
    public func readColumn(_ name: String, _ index: Int) throws -> [Float] {
        let t = try tensor(name, rank: 2)
        guard index >= 0, index < t.shape[1] else {
            throw InputError("column \(index) is outside tensor '\(name)' of shape \(t.shapeDescription)", file: path)
        }
        return try read(t, firstElement: index, count: t.shape[0], stride: t.shape[1])
    }

    private func tensor(_ name: String, rank: Int? = nil) throws -> SafetensorsTensor {
        guard let t = self[name] else { throw InputError("no tensor '\(name)' in the file", file: path) }
        if let rank, t.shape.count != rank {
            throw InputError("tensor '\(name)' has shape \(t.shapeDescription); expected \(rank)D", file: path)
        }
        guard t.dtype.isReadable else {
            throw InputError("unsupported dtype '\(t.dtype.rawValue)' for tensor '\(name)'", file: path)
        }
        return t
    }

    /// Decodes `count` elements starting at element `firstElement`, `stride`
    /// elements apart. Bounds were validated with the header; re-checked here
    /// so no call can read outside the tensor's span.
    private func read(_ t: SafetensorsTensor, firstElement: Int, count: Int, stride: Int) throws -> [Float] {
        guard count > 0 else { return [] }
        let last = firstElement + (count - 1) * stride
        guard firstElement >= 0, stride >= 1, last < t.elementCount,
              dataStart + t.dataOffsets.upperBound <= mappedLength, let base else {
            throw InputError("internal: read outside tensor '\(t.name)'", file: path)
        }
        let start = base + dataStart + t.dataOffsets.lowerBound
        return SafetensorsDecode.floats(t.dtype, start, firstElement: firstElement, count: count, stride: stride)
    }
}

/// Header validation on the raw file bytes (separate from the mapping so it can
/// be exercised on any buffer).
enum SafetensorsHeader {
    struct Parsed {
        var headerLength: Int
        var tensors: [SafetensorsTensor]
        var metadata: [String: String]?
    }

    static func validate(_ bytes: UnsafeRawBufferPointer, file: String, maxHeaderLength: Int) throws -> Parsed {
        func fail(_ message: String) -> InputError { InputError("invalid safetensors file: \(message)", file: file) }
        guard bytes.count >= 8 else {
            throw fail("the file is \(bytes.count) bytes, shorter than the 8-byte header length field")
        }
        let rawLength = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        guard rawLength <= UInt64(maxHeaderLength) else {
            throw fail("header length \(rawLength) exceeds the limit of \(maxHeaderLength) bytes")
        }
        let headerLength = Int(rawLength)
        guard headerLength <= bytes.count - 8 else {
            throw fail("header length \(headerLength) runs past the end of the file (\(bytes.count) bytes, "
                       + "so at most \(bytes.count - 8) header bytes)")
        }
        let dataLength = bytes.count - 8 - headerLength
        let headerBytes = UnsafeRawBufferPointer(rebasing: bytes[8..<(8 + headerLength)])
        guard let text = String(bytes: headerBytes, encoding: .utf8) else {
            throw fail("header is not valid UTF-8")
        }
        let root: JSONNode
        do {
            root = try JSONText.parse(text, file: file)
        } catch let error as InputError {
            let at = error.location.map { " at header line \($0.line), column \($0.column)" } ?? ""
            throw fail("header is not valid JSON: \(error.message.replacingOccurrences(of: "malformed JSON: ", with: ""))\(at)")
        }
        guard case .object(let members) = root.value else {
            throw fail("header must be a JSON object, got \(root.kindName)")
        }

        func integer(_ node: JSONNode, _ what: String) throws -> Int {
            guard case .number(let t) = node.value, JSONNode.isInteger(t) else {
                throw fail("\(what) must be a non-negative integer, got \(describe(node))")
            }
            guard let v = Int(t) else { throw fail("\(what) \(t) is out of range") }
            guard v >= 0 else { throw fail("\(what) must be a non-negative integer, got \(t)") }
            return v
        }

        var tensors: [SafetensorsTensor] = []
        var metadata: [String: String]?
        var seen: Set<String> = []
        for (name, node) in members {
            guard seen.insert(name).inserted else { throw fail("header lists '\(name)' twice") }
            if name == "__metadata__" {
                switch node.value {
                case .null: metadata = nil
                case .object(let entries):
                    var m: [String: String] = [:]
                    for (key, value) in entries {
                        guard case .string(let s) = value.value else {
                            throw fail("__metadata__ values must be strings; '\(key)' is \(value.kindName)")
                        }
                        m[key] = s
                    }
                    metadata = m
                default:
                    throw fail("__metadata__ must be an object of strings, got \(node.kindName)")
                }
                continue
            }
            guard case .object = node.value else {
                throw fail("entry for tensor '\(name)' must be an object, got \(node.kindName)")
            }
            guard let dtypeNode = node["dtype"], case .string(let dtypeText) = dtypeNode.value else {
                throw fail("tensor '\(name)' has no string 'dtype'")
            }
            guard let dtype = SafetensorsDType(rawValue: dtypeText) else {
                throw fail("tensor '\(name)' has unknown dtype '\(dtypeText)' (known: "
                           + SafetensorsDType.allCases.map(\.rawValue).joinedText(", ") + ")")
            }
            guard let shapeNode = node["shape"], case .array(let dims) = shapeNode.value else {
                throw fail("tensor '\(name)' has no 'shape' list")
            }
            var shape: [Int] = []
            var count = 1
            for dim in dims {
                let d = try integer(dim, "tensor '\(name)': shape entry")
                shape.append(d)
                let (product, overflow) = count.multipliedReportingOverflow(by: d)
                guard !overflow else { throw fail("tensor '\(name)': shape \(shape) overflows the element count") }
                count = product
            }
            guard let offsetsNode = node["data_offsets"], case .array(let offsets) = offsetsNode.value,
                  offsets.count == 2 else {
                throw fail("tensor '\(name)' has no 'data_offsets' pair [begin, end]")
            }
            let begin = try integer(offsets[0], "tensor '\(name)': data_offsets begin")
            let end = try integer(offsets[1], "tensor '\(name)': data_offsets end")
            guard begin <= end else {
                throw fail("tensor '\(name)': data_offsets [\(begin), \(end)] end before they begin")
            }
            guard end <= dataLength else {
                throw fail("tensor '\(name)': data_offsets [\(begin), \(end)] run past the end of the data section "
                           + "(\(dataLength) bytes after the \(headerLength)-byte header)")
            }
            let (bytesNeeded, overflow) = count.multipliedReportingOverflow(by: dtype.byteSize)
            guard !overflow else {
                throw fail("tensor '\(name)': shape \(shape) × \(dtype.rawValue) overflows the byte count")
            }
            guard bytesNeeded == end - begin else {
                throw fail("tensor '\(name)': shape \(shape) of \(dtype.rawValue) needs \(bytesNeeded) bytes, "
                           + "but data_offsets [\(begin), \(end)] span \(end - begin)")
            }
            tensors.append(SafetensorsTensor(name: name, dtype: dtype, shape: shape, dataOffsets: begin..<end,
                                             elementCount: count))
        }

        // Spans, in offset order, must tile the data section exactly.
        let ordered = tensors.sorted {
            ($0.dataOffsets.lowerBound, $0.dataOffsets.upperBound) < ($1.dataOffsets.lowerBound, $1.dataOffsets.upperBound)
        }
        var covered = 0
        var previous: SafetensorsTensor?
        for t in ordered {
            if t.dataOffsets.lowerBound < covered, let previous {
                throw fail("tensor '\(t.name)' (data_offsets [\(t.dataOffsets.lowerBound), \(t.dataOffsets.upperBound)]) "
                           + "overlaps tensor '\(previous.name)' (data_offsets [\(previous.dataOffsets.lowerBound), "
                           + "\(previous.dataOffsets.upperBound)])")
            }
            if t.dataOffsets.lowerBound > covered {
                throw fail("data bytes [\(covered), \(t.dataOffsets.lowerBound)) before tensor '\(t.name)' "
                           + "belong to no tensor")
            }
            covered = t.dataOffsets.upperBound
            previous = t
        }
        guard covered == dataLength else {
            throw fail("the data section has \(dataLength) bytes but the tensors cover only \(covered) "
                       + "(\(dataLength - covered) trailing bytes belong to no tensor)")
        }
        return Parsed(headerLength: headerLength, tensors: tensors, metadata: metadata)
    }

    private static func describe(_ node: JSONNode) -> String {
        switch node.value {
        case .number(let t): return t
        case .string(let s): return "'\(s)'"
        default: return node.kindName
        }
    }
}
