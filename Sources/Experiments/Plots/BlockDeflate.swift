/// The zlib stream (RFC 1950) of a block image's PNG scanlines, as one
/// fixed-Huffman deflate block (RFC 1951 §3.2.6). Every scanline is filter
/// byte 0 then pixels, and a block image needs only two back-references: a
/// cell's first pixel repeated across the cell (distance 3), and a cell row's
/// first scanline repeated `scale − 1` times (distance one scanline). So the
/// output is about four bytes per cell, with no general compressor.
enum BlockDeflate {
    /// The longest deflate distance, hence the longest scanline we can repeat.
    static let maxRowBytes = 32_768

    /// `cells`: RGB triples, row-major, top row first; each becomes `scale` × `scale` pixels.
    static func zlib(cells: [UInt8], columns: Int, rows: Int, scale: Int) -> [UInt8] {
        let rowBytes = 1 + columns * scale * 3
        precondition(scale >= 1 && rowBytes <= maxRowBytes && cells.count == columns * rows * 3)
        var bits = BitWriter(bytes: [0x78, 0x01])  // deflate, 32 KiB window; 0x7801 is a multiple of 31
        bits.reserve(cells.count * 2 + rows * 8 + 16)
        bits.write(1, count: 1)  // BFINAL: the only block
        bits.write(1, count: 2)  // BTYPE 01: fixed Huffman codes
        // The two back-references are the same everywhere: encoded once, replayed.
        let repeatPixel = BitWriter.matchCode(length: 3 * (scale - 1), distance: 3)
        let repeatScanline = BitWriter.matchCode(length: rowBytes * (scale - 1), distance: rowBytes)
        var adler: UInt32 = 1
        for y in 0..<rows {
            bits.literal(0)
            // The scanline's Adler-32 sums, summed as it is encoded: filter byte 0, then each
            // pixel `scale` times (below 2^64 for any scanline up to maxRowBytes).
            var a: UInt64 = 1, b: UInt64 = 1
            for x in 0..<columns {
                let p = (y * columns + x) * 3
                let (r, g, bl) = (cells[p], cells[p + 1], cells[p + 2])
                bits.literal(r)
                bits.literal(g)
                bits.literal(bl)
                bits.replay(repeatPixel)
                // The cell's `scale` pixels at once: each adds r, g, b to a and the three
                // running values of a to b, so with n = scale and s = r + g + b,
                // b gains 3·n·a + 3·s·n(n − 1)/2 + n·(3r + 2g + b) and a gains n·s.
                let n = UInt64(scale), s = UInt64(r) + UInt64(g) + UInt64(bl)
                b += 3 * n * a + 3 * s * (n * (n - 1) / 2) + n * (3 * UInt64(r) + 2 * UInt64(g) + UInt64(bl))
                a += n * s
            }
            bits.replay(repeatScanline)
            let m = UInt64(Checksums.adlerModulus)
            let rowAdler = UInt32((b % m) << 16 | (a % m))
            for _ in 0..<scale { adler = Checksums.adler32(combining: adler, rowAdler, secondLength: rowBytes) }
        }
        bits.symbol(256)  // end of block
        bits.flush()
        bits.bytes.appendBigEndian(adler)
        return bits.bytes
    }
}

/// Bits packed least significant first, with deflate's fixed Huffman codes.
private struct BitWriter {
    var bytes: [UInt8]
    private var pending: UInt64 = 0
    private var pendingCount = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    // Match lengths 3…258 and distances 1…32768: each code's smallest value and extra bits (RFC 1951 §3.2.5).
    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                     35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8,
                                        9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    mutating func write(_ value: Int, count: Int) {
        pending |= UInt64(value) << UInt64(pendingCount)
        pendingCount += count
        while pendingCount >= 8 {
            bytes.append(UInt8(pending & 0xFF))
            pending >>= 8
            pendingCount -= 8
        }
    }

    /// Huffman codes go most significant bit first: each code reversed once, up front.
    private static func reversed(_ value: Int, length: Int) -> Int {
        var result = 0
        for k in 0..<length where value & (1 << k) != 0 { result |= 1 << (length - 1 - k) }
        return result
    }

    /// The fixed literal/length code (RFC 1951 §3.2.6), bit-reversed, with its length.
    private static let fixedCodes: [(bits: Int, length: Int)] = (0..<288).map { value in
        switch value {
        case 0...143: (reversed(0x30 + value, length: 8), 8)
        case 144...255: (reversed(0x190 + value - 144, length: 9), 9)
        case 256...279: (reversed(value - 256, length: 7), 7)
        default: (reversed(0xC0 + value - 280, length: 8), 8)
        }
    }

    /// A literal/length symbol 0…287 in the fixed code.
    mutating func symbol(_ value: Int) {
        let code = Self.fixedCodes[value]
        write(code.bits, count: code.length)
    }

    mutating func literal(_ byte: UInt8) { symbol(Int(byte)) }

    /// The writes (value, bit count) of copying the `length` bytes that
    /// start `distance` back (they may overlap what is being written), in
    /// pieces of at most 258 bytes; empty for length 0.
    static func matchCode(length: Int, distance: Int) -> [(value: Int, count: Int)] {
        var writes: [(value: Int, count: Int)] = []
        var remaining = length
        while remaining > 0 {
            var piece = min(remaining, 258)
            if remaining - piece > 0 && remaining - piece < 3 { piece = remaining - 3 }  // every piece needs ≥ 3
            precondition(piece >= 3, "deflate matches are at least 3 bytes")
            let l = piece == 258 ? 28 : lengthBase.lastIndex { $0 <= piece }!
            let code = fixedCodes[257 + l]
            writes.append((code.bits, code.length))
            writes.append((piece - lengthBase[l], lengthExtra[l]))
            let d = distanceBase.lastIndex { $0 <= distance }!
            writes.append((reversed(d, length: 5), 5))
            writes.append((distance - distanceBase[d], distanceExtra[d]))
            remaining -= piece
        }
        return writes
    }

    mutating func replay(_ writes: [(value: Int, count: Int)]) {
        for write in writes { self.write(write.value, count: write.count) }
    }

    mutating func reserve(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func flush() {
        if pendingCount > 0 { bytes.append(UInt8(pending & 0xFF)) }
        pending = 0
        pendingCount = 0
    }
}
