/// A grid of RGB cells encoded as a PNG in which every cell is a `scale` ×
/// `scale` block of pixels, for heatmaps embedded in an SVG (as matplotlib's
/// `imshow` does): one `<image>` instead of thousands of `<rect>`s.
///
/// Blocks rather than one pixel per cell because renderers such as rsvg
/// smooth a scaled image whatever `image-rendering` says; with blocks about
/// the size they are drawn at, only the cell borders blend. The repeats are
/// what the compressor (`BlockDeflate`) exploits, so the file stays a few
/// kilobytes and its bytes depend on the cells alone.
struct PNGImage {
    let columns: Int
    let rows: Int
    /// RGB triples, row-major, top row first.
    private(set) var cells: [UInt8]

    init(columns: Int, rows: Int) {
        precondition(columns > 0 && rows > 0, "a PNG needs at least one cell")
        self.columns = columns
        self.rows = rows
        cells = [UInt8](repeating: 0, count: columns * rows * 3)
    }

    /// Sets the cell in column `x` (from the left) and row `y` (from the top).
    mutating func set(x: Int, y: Int, _ rgb: (Int, Int, Int)) {
        let offset = (y * columns + x) * 3
        cells[offset] = UInt8(clamping: rgb.0)
        cells[offset + 1] = UInt8(clamping: rgb.1)
        cells[offset + 2] = UInt8(clamping: rgb.2)
    }

    /// The PNG file, each cell `scale` pixels wide and high.
    func encoded(scale: Int) -> [UInt8] {
        precondition(scale >= 1 && columns * scale * 3 + 1 <= BlockDeflate.maxRowBytes, "image too wide")
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(columns * scale))
        header.appendBigEndian(UInt32(rows * scale))
        header += [8, 2, 0, 0, 0]  // 8 bits per sample, RGB, deflate, adaptive filtering, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", BlockDeflate.zlib(cells: cells, columns: columns, rows: rows, scale: scale))
        png.appendChunk("IEND", [])
        return png
    }

    /// `data:image/png;base64,…` for an SVG `href`.
    func dataURI(scale: Int) -> String {
        "data:image/png;base64," + Base64.encode(encoded(scale: scale))
    }
}

/// The checksums PNG needs: CRC-32 per chunk, Adler-32 per zlib stream.
enum Checksums {
    static let adlerModulus: UInt32 = 65_521

    /// Slicing-by-4 tables: `crcTables[k << 8 | n]` is the CRC of byte n followed by k zero bytes.
    private static let crcTables: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 4 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            table[n] = c
        }
        for k in 1..<4 {
            for n in 0..<256 {
                let previous = table[(k - 1) << 8 | n]
                table[k << 8 | n] = table[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return table
    }()

    /// The CRC-32 of PNG chunks (ISO 3309 / zlib's), four bytes per step.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        crcTables.withUnsafeBufferPointer { t in
            bytes.withUnsafeBufferPointer { data in
                var c: UInt32 = 0xFFFF_FFFF
                var i = 0
                while i + 4 <= data.count {
                    c ^= UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
                    c = t[3 << 8 | Int(c & 0xFF)] ^ t[2 << 8 | Int(c >> 8 & 0xFF)]
                        ^ t[1 << 8 | Int(c >> 16 & 0xFF)] ^ t[Int(c >> 24)]
                    i += 4
                }
                while i < data.count {
                    c = t[Int((c ^ UInt32(data[i])) & 0xFF)] ^ (c >> 8)
                    i += 1
                }
                return c ^ 0xFFFF_FFFF
            }
        }
    }

    /// The Adler-32 of `first` followed by `second` (`secondLength` bytes),
    /// from the two checksums: after n more bytes with sum s (a₂ = 1 + s),
    /// a = a₁ + a₂ − 1 and b = b₁ + b₂ + n·(a₁ − 1), both mod 65521.
    static func adler32(combining first: UInt32, _ second: UInt32, secondLength: Int) -> UInt32 {
        let m = UInt64(adlerModulus)
        let a1 = UInt64(first & 0xFFFF), b1 = UInt64(first >> 16)
        let a2 = UInt64(second & 0xFFFF), b2 = UInt64(second >> 16)
        let n = UInt64(secondLength) % m
        let a = (a1 + a2 + m - 1) % m
        let b = (b1 + b2 + n * ((a1 + m - 1) % m)) % m
        return UInt32(b << 16 | a)
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    /// A PNG chunk: length, type, data, CRC-32 of type and data.
    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typed = Array(type.utf8) + data
        append(contentsOf: typed)
        appendBigEndian(Checksums.crc32(typed))
    }
}
