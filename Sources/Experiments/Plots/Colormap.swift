/// A perceptual colormap given as evenly spaced RGB stops, interpolated linearly.
public struct Colormap: Sendable, Hashable {
    public var name: String
    /// Stops from 0 to 1, evenly spaced, as (r, g, b) in 0...255.
    public var stops: [[Int]]

    public init(name: String, stops: [[Int]]) {
        precondition(stops.count >= 2 && stops.allSatisfy { $0.count == 3 }, "a colormap needs at least two RGB stops")
        self.name = name
        self.stops = stops
    }

    /// matplotlib's viridis sampled at 0, 0.1, …, 1.
    public static let viridis = Colormap(name: "viridis", stops: [
        [0x44, 0x01, 0x54], [0x48, 0x24, 0x75], [0x41, 0x44, 0x87], [0x35, 0x5f, 0x8d],
        [0x2a, 0x78, 0x8e], [0x21, 0x91, 0x8c], [0x22, 0xa8, 0x84], [0x44, 0xbf, 0x70],
        [0x7a, 0xd1, 0x51], [0xbd, 0xdf, 0x26], [0xfd, 0xe7, 0x25],
    ])

    /// The colour at `t` in 0...1 (clamped) as (r, g, b).
    public func rgb(_ t: Double) -> (Int, Int, Int) {
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(stops.count - 1)
        let i = min(Int(position), stops.count - 2)
        let f = position - Double(i)
        let (low, high) = (stops[i], stops[i + 1])
        func mix(_ c: Int) -> Int { Int((Double(low[c]) * (1 - f) + Double(high[c]) * f).rounded()) }
        return (mix(0), mix(1), mix(2))
    }

    /// The colour at `t` as `#rrggbb`.
    public func hex(_ t: Double) -> String {
        let (r, g, b) = rgb(t)
        guard (0...255).contains(r), (0...255).contains(g), (0...255).contains(b) else {
            return "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joinedText()
        }
        // Seven bytes written in place (a small string, no allocation): heatmaps ask for one colour per cell.
        return String(unsafeUninitializedCapacity: 7) { buffer in
            func hex(_ nibble: Int) -> UInt8 { UInt8(nibble < 10 ? 48 + nibble : 87 + nibble) }
            buffer[0] = UInt8(ascii: "#")
            buffer[1] = hex(r >> 4)
            buffer[2] = hex(r & 15)
            buffer[3] = hex(g >> 4)
            buffer[4] = hex(g & 15)
            buffer[5] = hex(b >> 4)
            buffer[6] = hex(b & 15)
            return 7
        }
    }

    /// Whether text drawn on the colour at `t` should be dark (relative luminance above 0.45).
    func prefersDarkText(_ t: Double) -> Bool {
        let (r, g, b) = rgb(t)
        return (0.2126 * Double(r) + 0.7152 * Double(g) + 0.0722 * Double(b)) / 255 > 0.45
    }
}
