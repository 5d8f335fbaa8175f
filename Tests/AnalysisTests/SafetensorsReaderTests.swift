import Foundation
import IR
import XCTest
@testable import Analysis

/// The safetensors reader: header validation (hostile files → InputError naming
/// the file), dtype decoding bit-exact with numpy's float32 conversion, row and
/// column slicing.
final class SafetensorsReaderTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("safetensors-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Builders

    /// Raw file: 8-byte LE length (`claimedLength` or the header's), header, data.
    @discardableResult
    func write(_ name: String, header: String, data: [UInt8] = [], claimedLength: UInt64? = nil) throws -> String {
        let h = Array(header.utf8)
        return try writeBytes(name, lengthField(claimedLength ?? UInt64(h.count)) + h + data)
    }

    @discardableResult
    func writeBytes(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func lengthField(_ n: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * UInt64($0))) } }

    func f32Bytes(_ values: [Float]) -> [UInt8] {
        values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v.bitPattern >> (8 * UInt32($0))) } }
    }

    /// A well-formed single-tensor F32 file.
    func writeF32(_ name: String, key: String = "W_dec", shape: [Int], values: [Float]) throws -> String {
        let header = "{\"\(key)\":{\"dtype\":\"F32\",\"shape\":\(shape),\"data_offsets\":[0,\(values.count * 4)]}}"
        return try write(name, header: header, data: f32Bytes(values))
    }

    /// Asserts `body` throws an InputError that names `path` and whose message contains `fragment`.
    func assertRefused(_ path: String, _ fragment: String, maxHeaderLength: Int = SafetensorsFile.defaultMaxHeaderLength,
                       file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try SafetensorsFile(path: path, maxHeaderLength: maxHeaderLength)
            XCTFail("\(path) was accepted; expected an error containing '\(fragment)'", file: file, line: line)
        } catch let error as InputError {
            XCTAssertEqual(error.file, path, file: file, line: line)
            XCTAssertTrue(error.description.contains(path), "\(error.description)", file: file, line: line)
            XCTAssertTrue(error.message.contains(fragment), "message: \(error.message)\nexpected: \(fragment)",
                          file: file, line: line)
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
        }
    }

    // MARK: Hostile files

    func testZeroByteFile() throws {
        assertRefused(try writeBytes("empty.safetensors", []), "8-byte")
    }

    func testFileShorterThanLengthField() throws {
        assertRefused(try writeBytes("short.safetensors", [1, 0, 0]), "8-byte")
    }

    func testHeaderLengthLargerThanFile() throws {
        assertRefused(try write("long.safetensors", header: "{}", claimedLength: 50), "runs past the end of the file")
        assertRefused(try write("huge.safetensors", header: "{}", claimedLength: UInt64.max), "exceeds the limit")
    }

    func testHundredMegabyteHeaderLengthIsRefused() throws {
        // The length field claims a 100 MiB header; the file itself is tiny.
        assertRefused(try write("100mb.safetensors", header: "{}", claimedLength: 100 * 1024 * 1024),
                      "header length 104857600 exceeds the limit of 100000000 bytes")
        // A header that really exists but exceeds a (lowered) cap is refused the same way.
        let path = try write("padded.safetensors", header: "{}" + String(repeating: " ", count: 4094))
        assertRefused(path, "exceeds the limit of 1024 bytes", maxHeaderLength: 1024)
        XCTAssertNoThrow(try SafetensorsFile(path: path))
    }

    func testHeaderThatIsNotJSON() throws {
        assertRefused(try write("text.safetensors", header: "hello"), "header is not valid JSON")
        assertRefused(try write("trunc.safetensors", header: "{\"W_dec\":{\"dtype\":"), "header is not valid JSON")
        assertRefused(try write("zerolen.safetensors", header: ""), "header is not valid JSON")
        assertRefused(try writeBytes("utf8.safetensors", lengthField(4) + [0x7B, 0xFF, 0xFE, 0x7D]), "not valid UTF-8")
        assertRefused(try write("array.safetensors", header: "[]"), "header must be a JSON object, got list")
        assertRefused(try write("deep.safetensors", header: String(repeating: "[", count: 5000)), "header is not valid JSON")
    }

    func testUnknownDType() throws {
        assertRefused(try write("f7.safetensors", header: #"{"W_dec":{"dtype":"F7","shape":[1],"data_offsets":[0,4]}}"#,
                                data: [0, 0, 0, 0]), "unknown dtype 'F7'")
        assertRefused(try write("nodtype.safetensors", header: #"{"W_dec":{"shape":[1],"data_offsets":[0,4]}}"#,
                                data: [0, 0, 0, 0]), "no string 'dtype'")
    }

    func testShapeOffsetMismatch() throws {
        assertRefused(try write("mismatch.safetensors",
                                header: #"{"W_dec":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}}"#,
                                data: Array(repeating: 0, count: 12)), "needs 16 bytes, but data_offsets [0, 12] span 12")
        assertRefused(try write("negshape.safetensors",
                                header: #"{"W_dec":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#,
                                data: [0, 0, 0, 0]), "non-negative integer")
        assertRefused(try write("floatshape.safetensors",
                                header: #"{"W_dec":{"dtype":"F32","shape":[1.0],"data_offsets":[0,4]}}"#,
                                data: [0, 0, 0, 0]), "non-negative integer")
        // Element count · dtype size overflowing Int must be caught, not trap.
        let big = "4611686018427387904"  // 2^62
        assertRefused(try write("overflow.safetensors",
                                header: "{\"W_dec\":{\"dtype\":\"F32\",\"shape\":[\(big),4],\"data_offsets\":[0,0]}}"),
                      "overflows the element count")
        assertRefused(try write("overflow2.safetensors",
                                header: "{\"W_dec\":{\"dtype\":\"F64\",\"shape\":[\(big)],\"data_offsets\":[0,0]}}"),
                      "overflows the byte count")
        assertRefused(try write("hugeint.safetensors",
                                header: #"{"W_dec":{"dtype":"F32","shape":[99999999999999999999],"data_offsets":[0,0]}}"#),
                      "out of range")
        assertRefused(try write("reversed.safetensors",
                                header: #"{"W_dec":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}"#,
                                data: [0, 0, 0, 0]), "end before they begin")
        assertRefused(try write("offsets3.safetensors",
                                header: #"{"W_dec":{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}}"#,
                                data: [0, 0, 0, 0]), "data_offsets")
    }

    func testOverlappingSpans() throws {
        let header = #"{"W_dec":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
            + #""W_enc":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        assertRefused(try write("overlap.safetensors", header: header, data: Array(repeating: 0, count: 12)),
                      "tensor 'W_enc' (data_offsets [4, 12]) overlaps tensor 'W_dec'")
        let same = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"#
            + #""b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        assertRefused(try write("same.safetensors", header: same, data: [0, 0, 0, 0]), "overlaps")
    }

    func testSpanPastEndOfFile() throws {
        assertRefused(try write("pasteof.safetensors",
                                header: #"{"W_dec":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#,
                                data: Array(repeating: 0, count: 8)),
                      "data_offsets [0, 16] run past the end of the data section (8 bytes")
        assertRefused(try write("pasteof2.safetensors",
                                header: #"{"W_dec":{"dtype":"F32","shape":[1],"data_offsets":[9223372036854775803,9223372036854775807]}}"#,
                                data: Array(repeating: 0, count: 8)), "run past the end")
    }

    func testHolesAndTrailingBytesAreRefusedLikeTheSafetensorsLibrary() throws {
        assertRefused(try write("hole.safetensors", header: #"{"W_dec":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#,
                                data: Array(repeating: 0, count: 8)), "data bytes [0, 4) before tensor 'W_dec' belong to no tensor")
        assertRefused(try write("trail.safetensors", header: #"{"W_dec":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#,
                                data: Array(repeating: 0, count: 8)), "4 trailing bytes")
    }

    func testMetadataAndEntryShape() throws {
        assertRefused(try write("meta.safetensors",
                                header: #"{"__metadata__":{"a":1},"W_dec":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#,
                                data: [0, 0, 0, 0]), "__metadata__ values must be strings")
        assertRefused(try write("entry.safetensors", header: #"{"W_dec":[1,2]}"#), "must be an object, got list")
        assertRefused(try write("dup.safetensors",
                                header: #"{"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}}"#),
                      "lists 'a' twice")
        // Accepted like the safetensors library: extra entry keys, whitespace padding, zero-size tensors, null metadata.
        let ok = try write("ok.safetensors",
                           header: #"  {"__metadata__":null,"e":{"dtype":"F32","shape":[0,3],"data_offsets":[0,0]},"#
                               + #""W_dec":{"dtype":"F32","shape":[1,1],"data_offsets":[0,4],"extra":true}}    "#,
                           data: f32Bytes([2.5]))
        let file = try SafetensorsFile(path: ok)
        XCTAssertNil(file.metadata)
        XCTAssertEqual(file.tensorNames, ["e", "W_dec"])
        XCTAssertEqual(try file.readAll("W_dec"), [2.5])
        XCTAssertEqual(try file.readAll("e"), [])
    }

    func testNotAFile() throws {
        assertRefused(directory.path, "not a regular file")
        let missing = directory.appendingPathComponent("missing.safetensors").path
        assertRefused(missing, "not found")
    }

    func testUnreadableDTypeIsRefusedOnRead() throws {
        let path = try write("f8.safetensors", header: #"{"W_dec":{"dtype":"F8_E4M3","shape":[1,2],"data_offsets":[0,2]}}"#,
                             data: [0x38, 0x40])
        let file = try SafetensorsFile(path: path)
        XCTAssertThrowsError(try file.readRow("W_dec", 0)) { error in
            let e = error as? InputError
            XCTAssertEqual(e?.file, path)
            XCTAssertEqual(e?.message, "unsupported dtype 'F8_E4M3' for tensor 'W_dec'")
        }
        XCTAssertThrowsError(try SAELoader.load(path: path)) { error in
            XCTAssertEqual((error as? InputError)?.message, "unsupported dtype 'F8_E4M3' for tensor 'W_dec'")
        }
    }

    func testRowAndColumnBounds() throws {
        let path = try writeF32("m.safetensors", shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        let file = try SafetensorsFile(path: path)
        XCTAssertEqual(try file.readRow("W_dec", 1), [4, 5, 6])
        XCTAssertEqual(try file.readColumn("W_dec", 2), [3, 6])
        XCTAssertThrowsError(try file.readRow("W_dec", 2))
        XCTAssertThrowsError(try file.readRow("W_dec", -1))
        XCTAssertThrowsError(try file.readColumn("W_dec", 3))
        XCTAssertThrowsError(try file.readRow("nope", 0))
        let v = try writeF32("v.safetensors", shape: [3], values: [1, 2, 3])
        XCTAssertThrowsError(try SafetensorsFile(path: v).readRow("W_dec", 0)) { error in
            XCTAssertEqual((error as? InputError)?.message, "tensor 'W_dec' has shape (3,); expected 2D")
        }
    }

    // MARK: Decoding

    #if !(os(macOS) && arch(x86_64))
    func testHalfDecodingIsExactForAllBitPatterns() {
        for bits in UInt16.min...UInt16.max {
            let mine = SafetensorsDecode.float(fromHalf: bits)
            let swift = Float(Float16(bitPattern: bits))
            if swift.isNaN {
                XCTAssertTrue(mine.isNaN)
                // numpy keeps the payload: mantissa << 13, quiet bit as stored.
                XCTAssertEqual(mine.bitPattern, UInt32(bits & 0x8000) << 16 | 0x7F80_0000 | UInt32(bits & 0x3FF) << 13)
            } else {
                XCTAssertEqual(mine.bitPattern, swift.bitPattern, "half bits \(String(bits, radix: 16))")
            }
        }
    }
    #endif

    func testEveryDTypeDecodesLikeNumpyAstypeFloat32() throws {
        func le<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
            values.flatMap { v in (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        }
        let cases: [(String, [UInt8], [Float])] = [
            ("F64", le([(1.0 / 3.0).bitPattern, 1e300.bitPattern, (-2.5).bitPattern]), [Float(1.0 / 3.0), .infinity, -2.5]),
            ("F16", le([UInt16(0x3C00), 0x0001, 0xFBFF]), [1, 5.960464477539063e-08, -65504]),
            ("BF16", le([UInt16(0x3F80), 0xC000, 0x0001]), [1, -2, Float(bitPattern: 0x0001_0000)]),
            ("I64", le([Int64(1 << 40 + 1), -3, Int64.min]), [1_099_511_627_776, -3, -9.223372e18]),
            ("I32", le([Int32(16_777_217), -7, 0]), [16_777_216, -7, 0]),
            ("I16", le([Int16(-32768), 5, 1]), [-32768, 5, 1]),
            ("I8", le([Int8(-128), 127, 0]), [-128, 127, 0]),
            ("U64", le([UInt64.max, 3, 0]), [1.8446744e19, 3, 0]),
            ("U32", le([UInt32.max, 1, 0]), [4.2949673e9, 1, 0]),
            ("U16", le([UInt16.max, 1, 0]), [65535, 1, 0]),
            ("U8", [255, 1, 0], [255, 1, 0]),
            ("BOOL", [1, 0, 2], [1, 0, 1]),
        ]
        for (dtype, bytes, expected) in cases {
            let header = "{\"t\":{\"dtype\":\"\(dtype)\",\"shape\":[1,3],\"data_offsets\":[0,\(bytes.count)]}}"
            let file = try SafetensorsFile(path: try write("\(dtype).safetensors", header: header, data: bytes))
            XCTAssertEqual(try file.readAll("t").map(\.bitPattern), expected.map(\.bitPattern), dtype)
            XCTAssertEqual(try file.readRow("t", 0).map(\.bitPattern), expected.map(\.bitPattern), dtype)
            XCTAssertEqual(try file.readColumn("t", 1).map(\.bitPattern), [expected[1].bitPattern], dtype)
        }
    }

    func testMetadataIsKept() throws {
        let path = SAEImportReferenceTests.input("synth_sae_64x16_deconly.safetensors")
        let file = try SafetensorsFile(path: path)
        XCTAssertEqual(file.metadata, ["format": "pt"])
        XCTAssertEqual(file.tensorNames, ["W_dec"])
        XCTAssertEqual(file["W_dec"]?.shape, [64, 16])
        XCTAssertEqual((file.dataStart) % 8, 0)
    }
}
