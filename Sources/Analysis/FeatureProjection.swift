/// One feature's decoder row as stored. Checkpoint rows stay float32 (polygram
/// casts every loaded tensor to float32, and float32 → float64 is exact, so
/// widening on read gives the very doubles a `[Double]` would hold, in half
/// the memory); toy-JSON rows are float64. Equal when the widened values are.
public enum FeatureProjection: Hashable, Sendable {
    case float([Float])
    case double([Double])

    public var count: Int {
        switch self {
        case .float(let v): return v.count
        case .double(let v): return v.count
        }
    }

    /// The row in float64 (a widened copy of float32 storage).
    public var doubles: [Double] {
        switch self {
        case .float(let v): return v.map(Double.init)
        case .double(let v): return v
        }
    }

    /// The row in float32 (numpy's `astype(float32)`; float32 storage as is).
    public var floats: [Float] {
        switch self {
        case .float(let v): return v
        case .double(let v): return v.map { Float($0) }
        }
    }

    public static func == (a: FeatureProjection, b: FeatureProjection) -> Bool {
        switch (a, b) {
        case (.float(let x), .float(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        default: return a.doubles == b.doubles
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(doubles) }
}
