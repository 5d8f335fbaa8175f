import XCTest
@testable import Experiments

/// The heatmap raster: PNG chunks, the hand-made deflate stream and its
/// checksums are checked by an independent decoder (Python's zlib, which
/// verifies the Adler-32), pixel by pixel.
final class BlockImageTests: XCTestCase {
    func testChecksumsAgainstKnownValues() {
        XCTAssertEqual(Checksums.crc32(Array("123456789".utf8)), 0xCBF4_3926)  // the CRC-32 check value
        XCTAssertEqual(adler32(Array("Wikipedia".utf8)), 0x11E6_0398)
        XCTAssertEqual(adler32([]), 1)
    }

    /// The four-bytes-a-step CRC equals the bit-by-bit definition at every length and alignment.
    func testCRCMatchesBitwiseDefinition() {
        func bitwise(_ bytes: ArraySlice<UInt8>) -> UInt32 {
            var c: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                c ^= UInt32(byte)
                for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            }
            return c ^ 0xFFFF_FFFF
        }
        var generator = SystemRandomNumberGenerator()
        let data = (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for length in Array(0..<40) + [1_000, 4_093, 4_999] {
            for start in 0..<4 where start + length <= data.count {
                let piece = data[start..<(start + length)]
                XCTAssertEqual(Checksums.crc32(Array(piece)), bitwise(piece), "\(length) bytes from \(start)")
            }
        }
    }

    func testAdlerCombineEqualsDirect() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let a = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let b = (0..<Int.random(in: 0...70_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            XCTAssertEqual(Checksums.adler32(combining: adler32(a), adler32(b), secondLength: b.count),
                           adler32(a + b), "\(a.count) + \(b.count)")
        }
    }

    func testBase64MatchesFoundation() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            XCTAssertEqual(Base64.encode(bytes), Data(bytes).base64EncodedString(), "length \(length)")
        }
    }

    /// Scales that exercise every match shape: none (1), short (2, 3), a row
    /// repeat longer than 258 (10), and cell matches split into pieces (90, 87).
    func testDecodesToTheBlockImage() throws {
        var image = PNGImage(columns: 7, rows: 5)
        for y in 0..<5 { for x in 0..<7 { image.set(x: x, y: y, (x * 40, y * 60, (x * y * 29) % 256)) } }
        for scale in [1, 2, 3, 10, 87, 90] {
            let decoded = try Self.decodeWithPython(image.encoded(scale: scale))
            XCTAssertEqual(decoded.width, 7 * scale)
            XCTAssertEqual(decoded.height, 5 * scale)
            var expected: [UInt8] = []
            for py in 0..<(5 * scale) {
                expected.append(0)
                for px in 0..<(7 * scale) {
                    let (x, y) = (px / scale, py / scale)
                    expected += [UInt8(x * 40), UInt8(y * 60), UInt8((x * y * 29) % 256)]
                }
            }
            XCTAssertEqual(decoded.scanlines, expected, "scale \(scale)")
        }
    }

    /// Uniform axes become one image whose blocks carry the colormap of each
    /// value (first y at the bottom); uneven axes stay one rect per cell.
    func testHeatmapCellsAsBlocks() throws {
        let xs = [0.0, 1, 2, 3], ys = [0.0, 0.5, 1]
        let values = xs.indices.map { i in ys.indices.map { j in Double(i * 3 + j) } }
        let plot = HeatmapPlot(xValues: xs, yValues: ys, values: values, title: "t", xLabel: "x", yLabel: "y", colorLabel: "v")
        let svg = try plot.svg()
        XCTAssertEqual(svg.components(separatedBy: "<image").count - 1, 1)
        let decoded = try Self.decodeWithPython(try Self.embeddedPNG(svg))
        let scale = decoded.width / xs.count
        XCTAssertEqual(decoded.height, ys.count * scale)
        for i in xs.indices {
            for j in ys.indices {
                let (r, g, b) = Colormap.viridis.rgb(values[i][j] / 11)
                let row = (ys.count - 1 - j) * scale + scale / 2, column = i * scale + scale / 2
                let offset = row * (1 + decoded.width * 3) + 1 + column * 3
                XCTAssertEqual(Array(decoded.scanlines[offset..<(offset + 3)]), [UInt8(r), UInt8(g), UInt8(b)], "cell \(i), \(j)")
            }
        }
        let uneven = HeatmapPlot(xValues: [0, 1, 3, 7], yValues: ys, values: values, title: "t", xLabel: "x", yLabel: "y", colorLabel: "v")
        let unevenSVG = try uneven.svg()
        XCTAssertFalse(unevenSVG.contains("<image"))
        XCTAssertGreaterThanOrEqual(unevenSVG.components(separatedBy: "<rect").count - 1, 12)
    }

    func testMaskedCellsAreOneHatchedPath() throws {
        let xs = [0.0, 1, 2], ys = [0.0, 1, 2]
        let values = xs.map { _ in ys.map { _ in 0.5 } }
        let masked = [[true, true, false], [false, false, false], [true, false, true]]
        let svg = try HeatmapPlot(xValues: xs, yValues: ys, values: values, title: "t", xLabel: "x", yLabel: "y",
                                  colorLabel: "v", masked: masked).svg()
        let paths = svg.components(separatedBy: "fill=\"url(#pg-hatch)\"").count - 1
        XCTAssertEqual(paths, 2, "one path for the cells, one swatch in the key")
        // Column 0 has one run of two cells; column 2 two runs of one.
        let hatched = try XCTUnwrap(svg.range(of: #"<path d="[^"]*" fill="url\(#pg-hatch\)""#, options: .regularExpression))
        XCTAssertEqual(svg[hatched].components(separatedBy: "M").count - 1, 3)
    }

    // MARK: helpers

    /// Adler-32 by its definition, to check the combining rule BlockDeflate uses.
    func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % Checksums.adlerModulus
            b = (b + a) % Checksums.adlerModulus
        }
        return b << 16 | a
    }

    static func embeddedPNG(_ svg: String) throws -> [UInt8] {
        let prefix = "href=\"data:image/png;base64,"
        guard let start = svg.range(of: prefix), let end = svg[start.upperBound...].firstIndex(of: "\"") else {
            throw XCTSkip("no embedded PNG")
        }
        return [UInt8](try XCTUnwrap(Data(base64Encoded: String(svg[start.upperBound..<end]))))
    }

    /// Width, height and the inflated scanlines, after Python has checked
    /// the signature, every chunk CRC and (through zlib) the Adler-32.
    static func decodeWithPython(_ png: [UInt8]) throws -> (width: Int, height: Int, scanlines: [UInt8]) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("polygramc-png-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("in.png"), output = scratch.appendingPathComponent("out.raw")
        try Data(png).write(to: input)
        let script = """
        import sys, struct, zlib
        png = open(sys.argv[1], 'rb').read()
        assert png[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
        i, idat, size = 8, b'', None
        while i < len(png):
            n, = struct.unpack('>I', png[i:i+4]); kind = png[i+4:i+8]; data = png[i+8:i+8+n]
            assert struct.unpack('>I', png[i+8+n:i+12+n])[0] == zlib.crc32(kind + data), kind
            if kind == b'IHDR': size = struct.unpack('>II', data[:8]); assert data[8:] == bytes([8, 2, 0, 0, 0])
            if kind == b'IDAT': idat += data
            i += 12 + n
        assert kind == b'IEND'
        open(sys.argv[2], 'wb').write(zlib.decompress(idat))
        print(size[0], size[1])
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input.path, output.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure("python could not decode the PNG") }
        let size = printed.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return (size[0], size[1], [UInt8](try Data(contentsOf: output)))
    }
}

private struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
