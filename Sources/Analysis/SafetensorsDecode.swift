/// Little-endian element decoding to float32, bit-exact with numpy:
/// F16 widened exactly (subnormals, ±inf, NaN payloads kept), BF16 as
/// `bits << 16`, F64 and integers rounded to nearest-even (`astype(float32)`),
/// BOOL as 0/1.
public enum SafetensorsDecode {
    /// IEEE binary16 → binary32, exact.
    @inline(__always)
    public static func float(fromHalf bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = UInt32(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x03FF)
        if exponent == 0x1F {  // inf / NaN
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        }
        if exponent == 0 {
            // ±0 or subnormal: mantissa · 2⁻²⁴, exact in binary32.
            let magnitude = Float(mantissa) * Float(bitPattern: 0x3380_0000)  // 2^-24
            return sign != 0 ? -magnitude : magnitude
        }
        return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
    }

    /// bfloat16 → binary32 (`uint16 << 16` reinterpreted), exact.
    @inline(__always)
    public static func float(fromBFloat16 bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }

    /// Decodes `count` elements of `dtype` at element indices
    /// `firstElement + k·stride` from `start`. The caller guarantees bounds.
    static func floats(_ dtype: SafetensorsDType, _ start: UnsafeRawPointer,
                       firstElement: Int, count: Int, stride: Int) -> [Float] {
        let size = dtype.byteSize
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            var offset = firstElement * size
            let step = stride * size
            func each(_ body: (Int) -> Float) {
                for k in 0..<count {
                    out[k] = body(offset)
                    offset += step
                }
            }
            switch dtype {
            case .f32: each { Float(bitPattern: UInt32(littleEndian: start.loadUnaligned(fromByteOffset: $0, as: UInt32.self))) }
            case .f64: each { Float(Double(bitPattern: UInt64(littleEndian: start.loadUnaligned(fromByteOffset: $0, as: UInt64.self)))) }
            case .f16: each { float(fromHalf: UInt16(littleEndian: start.loadUnaligned(fromByteOffset: $0, as: UInt16.self))) }
            case .bf16: each { float(fromBFloat16: UInt16(littleEndian: start.loadUnaligned(fromByteOffset: $0, as: UInt16.self))) }
            case .i64: each { Float(Int64(littleEndian: start.loadUnaligned(fromByteOffset: $0, as: Int64.self))) }
            case .i32: each { Float(Int32(littleEndian: start.loadUnaligned(fromByteOffset: $0, as: Int32.self))) }
            case .i16: each { Float(Int16(littleEndian: start.loadUnaligned(fromByteOffset: $0, as: Int16.self))) }
            case .i8: each { Float(start.load(fromByteOffset: $0, as: Int8.self)) }
            case .u64: each { Float(UInt64(littleEndian: start.loadUnaligned(fromByteOffset: $0, as: UInt64.self))) }
            case .u32: each { Float(UInt32(littleEndian: start.loadUnaligned(fromByteOffset: $0, as: UInt32.self))) }
            case .u16: each { Float(UInt16(littleEndian: start.loadUnaligned(fromByteOffset: $0, as: UInt16.self))) }
            case .u8: each { Float(start.load(fromByteOffset: $0, as: UInt8.self)) }
            case .bool: each { start.load(fromByteOffset: $0, as: UInt8.self) != 0 ? 1 : 0 }
            case .f8e4m3, .f8e5m2, .f8e8m0, .c64:
                preconditionFailure("unreadable dtype \(dtype.rawValue) reached the decoder")
            }
            initialized = count
        }
    }
}
