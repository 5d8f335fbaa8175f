import Foundation
import IR

/// How an axis chooses and labels its ticks.
public enum AxisScale: Sendable, Hashable {
    /// Radians when the data's first and last values are multiples of π/4
    /// (and differ), linear otherwise.
    case auto
    /// Ticks at multiples of π/4, π/2, π, … labelled as π fractions.
    case radians
    /// "Nice" decimal ticks labelled with two decimals.
    case linear
}

/// Number and tick-label formatting shared by the plots. Everything is
/// fixed-precision so that the same input gives the same bytes.
public enum PlotFormat {
    /// Tolerance for "is a multiple of π/4".
    static let piTolerance = 1e-9

    /// `value` as a π fraction ("0", "π/4", "3π/2", "−π", "2π") when it is a
    /// multiple of π/4 within 1e-9, otherwise with two decimals ("0.37", "−1.25").
    public static func angleLabel(_ value: Double) -> String {
        piFraction(value) ?? decimal(value)
    }

    /// Two (or `places`) decimals, U+2212 for negative numbers, never "−0.00".
    public static func decimal(_ value: Double, places: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "∞" : "−∞") }
        var text = places <= FixedDecimal.maxPlaces
            ? FixedDecimal.format(value, places: places) : Printf.double(value, "%.\(places)f")
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        if text.hasPrefix("-") { text = "−" + text.dropFirst() }
        return text
    }

    /// The π fraction of a multiple of π/4, or nil.
    public static func piFraction(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        let quarters = (value / (Double.pi / 4)).rounded()
        guard abs(value - quarters * Double.pi / 4) <= piTolerance, abs(quarters) < 1e9 else { return nil }
        var numerator = Int(quarters), denominator = 4
        if numerator == 0 { return "0" }
        let divisor = gcd(abs(numerator), denominator)
        numerator /= divisor
        denominator /= divisor
        let sign = numerator < 0 ? "−" : ""
        let magnitude = abs(numerator)
        let head = magnitude == 1 ? "π" : "\(magnitude)π"
        return denominator == 1 ? sign + head : sign + head + "/\(denominator)"
    }

    /// An SVG coordinate: two decimals, trailing zeros dropped ("12", "12.5", "12.25").
    static func coordinate(_ value: Double) -> String {
        withCoordinate(value) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of `coordinate(value)` (plots write thousands of these).
    static func withCoordinate<R>(_ value: Double, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        FixedDecimal.withText(value.isFinite ? value : 0, places: 2) { text in
            var start = 0, end = text.count
            if end == 5, text.elementsEqual("-0.00".utf8) { start = 1 }
            while end > start, text[end - 1] == UInt8(ascii: "0") { end -= 1 }
            if end > start, text[end - 1] == UInt8(ascii: ".") { end -= 1 }
            return body(UnsafeRawBufferPointer(rebasing: text[start..<end]))
        }
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// Rough rendered width of `text` in a sans-serif font of `size` px (for
    /// layout and for squeezing labels that would overflow their space).
    static func estimatedWidth(_ text: String, size: Double) -> Double {
        var units = 0.0
        for c in text {
            switch c {
            case "i", "l", "j", "|", ".", ",", ":", ";", "'", "!", "(", ")", "[", "]", " ": units += 0.33
            case "m", "w", "M", "W", "—": units += 0.9
            case "A"..."Z": units += 0.68
            default: units += 0.6
            }
        }
        return units * size
    }
}

/// Ticks for one axis: positions in data units and their labels.
struct AxisTicks {
    var values: [Double]
    var labels: [String]
    var isRadians: Bool

    /// Whether the data's ends are multiples of π/4 (and differ).
    static func looksAngular(_ data: [Double]) -> Bool {
        let finite = data.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), hi - lo > PlotFormat.piTolerance else { return false }
        return PlotFormat.piFraction(lo) != nil && PlotFormat.piFraction(hi) != nil
    }

    /// Ticks inside `range` (the axis's visible extent); `data` decides `.auto`.
    init(range: ClosedRange<Double>, scale: AxisScale, data: [Double], maxTicks: Int = 9) {
        let radians: Bool
        switch scale {
        case .radians: radians = true
        case .linear: radians = false
        case .auto: radians = Self.looksAngular(data)
        }
        isRadians = radians
        let span = range.upperBound - range.lowerBound
        var step: Double
        if radians {
            step = Double.pi / 4
            while span / step + 1 > Double(maxTicks) { step *= 2 }
        } else {
            let raw = max(span, 1e-12) / Double(max(maxTicks - 3, 2))
            let magnitude = pow(10, floor(log10(raw)))
            step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw * (1 - 1e-9) } ?? 10 * magnitude
        }
        let first = (range.lowerBound / step - 1e-9).rounded(.up)
        let last = (range.upperBound / step + 1e-9).rounded(.down)
        var values: [Double] = []
        if first <= last {
            for k in Int(first)...Int(last) { values.append(Double(k) * step) }
        }
        self.values = values
        // Two decimals unless the step is finer (then as many as it needs).
        let places = radians ? 2 : max(2, Int((-log10(step) - 1e-9).rounded(.up)))
        labels = values.map { radians ? PlotFormat.angleLabel($0) : PlotFormat.decimal($0, places: places) }
    }
}

/// A linear map from data units to pixels.
struct AxisMap {
    var domain: ClosedRange<Double>
    var pixels: (Double, Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span > 0 ? (value - domain.lowerBound) / span : 0.5
        return pixels.0 + t * (pixels.1 - pixels.0)
    }

    /// `lo...hi` widened by `fraction` of its span on each side (a degenerate
    /// range is widened to ±0.5, or ±|v|/2).
    static func padded(_ lo: Double, _ hi: Double, by fraction: Double) -> ClosedRange<Double> {
        guard lo.isFinite, hi.isFinite else { return 0...1 }
        if hi - lo <= 1e-12 {
            let half = lo == 0 ? 0.5 : abs(lo) / 2
            return (lo - half)...(hi + half)
        }
        let pad = (hi - lo) * fraction
        return (lo - pad)...(hi + pad)
    }
}
