import Foundation

/// C `printf("%.<places>f")` without Foundation's format parser, which costs
/// microseconds per number and dominated the trajectory CSV and the SVG
/// plots. Exact: the double's binary value times 10^places is rounded half
/// to even, as glibc does (and Python's `format`): below 2^52 from one
/// multiply and its fused error term, above as a 128-bit integer. Values out
/// of that range (|x| ≥ 2^55, NaN, ±inf) take printf itself, so the text is
/// always the same as before.
public enum FixedDecimal {
    public static let maxPlaces = 9

    /// `String(format: "%.<places>f", x)`.
    public static func format(_ x: Double, places: Int) -> String {
        withText(x, places: places) { String(decoding: $0, as: UTF8.self) }
    }

    /// `String(format: "%+.<places>f", x)`: a sign always.
    public static func signed(_ x: Double, places: Int) -> String {
        let text = format(x, places: places)
        return text.hasPrefix("-") ? text : "+" + text
    }

    /// Appends `String(format: "%.<places>f", x)` as UTF-8.
    public static func append(_ x: Double, places: Int, to out: inout [UInt8]) {
        withText(x, places: places) { out.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Calls `body` with the UTF-8 of `String(format: "%.<places>f", x)`,
    /// formed in a stack buffer.
    public static func withText<R>(_ x: Double, places: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        precondition((0...maxPlaces).contains(places))
        guard let scaled = roundedScaled(x, places: places) else {
            var text = Printf.double(x, "%.\(places)f")
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        // Filled from the end: the digits of round(|x|·10^places) (at least
        // places + 1 of them, below 2^86 so at most 26), the point, the sign.
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &scratch) { raw in
            let out = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var n = raw.count  // the first byte written so far
            var digits = 0
            func digit(_ d: UInt64) {
                if digits == places && places > 0 {
                    n -= 1
                    out[n] = UInt8(ascii: ".")
                }
                n -= 1
                out[n] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: d)
                digits += 1
            }
            // 64-bit division where the value allows (128-bit division is a library call).
            var high = scaled
            while high > UInt128(UInt64.max) {
                let (next, d) = high.quotientAndRemainder(dividingBy: 10)
                digit(UInt64(d))
                high = next
            }
            var q = UInt64(high)
            repeat {
                let (next, d) = q.quotientAndRemainder(dividingBy: 10)
                digit(d)
                q = next
            } while q != 0 || digits < places + 1
            if x.sign == .minus {
                n -= 1
                out[n] = UInt8(ascii: "-")
            }
            return body(UnsafeRawBufferPointer(start: out + n, count: raw.count - n))
        }
    }

    private static let powersOfTen: [UInt64] = (0...maxPlaces).map { p in (0..<p).reduce(1) { value, _ in value * 10 } }

    /// round(|x|·10^places), ties to even on the exact binary value; nil when
    /// `x` is not finite or too large for the 128-bit product.
    static func roundedScaled(_ x: Double, places: Int) -> UInt128? {
        guard x.isFinite else { return nil }
        let a = x.magnitude
        if a == 0 { return 0 }
        // Below 2^52 (every CSV and plot number): p = fl(a·10^places) and its
        // exact error e = a·10^places − p (one fused multiply-add) give the
        // exact product p + e. Every integer-plus-a-half is a double here, so
        // rounding p rounds the exact value too, unless p is such a midpoint:
        // then e's sign decides, and e = 0 is a true tie (to even).
        // (Integer truncation, not floor or rounded(): without SSE4.1 those are libm calls.)
        let scale = Double(powersOfTen[places])
        let p = a * scale
        if p < 0x1p52 {
            // Signed conversions: one instruction each way (unsigned ones are sequences).
            let whole = Int64(p)
            let fraction = p - Double(whole)
            if fraction != 0.5 { return UInt128(UInt64(whole + (fraction > 0.5 ? 1 : 0))) }
            let e = (-p).addingProduct(a, scale)
            return UInt128(UInt64(whole + (e > 0 || (e == 0 && whole & 1 == 1) ? 1 : 0)))
        }
        // a = m · 2^s with m < 2^53.
        let m: UInt64, s: Int
        if a.isNormal {
            m = (1 << 52) | a.significandBitPattern
            s = Int(a.exponent) - 52
        } else {
            m = a.significandBitPattern
            s = -1074
        }
        let product = UInt128(m) * UInt128(powersOfTen[places])   // < 2^83
        if s >= 0 {
            guard s <= 2 else { return nil }         // keeps the result below 2^86
            return product << s
        }
        let shift = -s
        // Below 2^83 / 2^shift < 1/2: rounds to zero.
        guard shift <= 84 else { return 0 }
        let quotient = product >> shift
        let remainder = product - (quotient << shift)
        let half = UInt128(1) << (shift - 1)
        if remainder > half || (remainder == half && quotient & 1 == 1) { return quotient + 1 }
        return quotient
    }
}
