/// The decoder rows of a selection, in selection order, sharing the records'
/// storage (no copy): full-width work reads rows one at a time, widened to
/// float64 on read, instead of holding an N × d `[[Double]]` beside the records.
public struct ProjectionRows: Sendable {
    public let storage: [FeatureProjection]

    public init(_ storage: [FeatureProjection]) { self.storage = storage }
    public init(_ rows: [[Double]]) { storage = rows.map(FeatureProjection.double) }
    public init(_ records: [SAEFeatureRecord]) { storage = records.map(\.values) }

    public var count: Int { storage.count }
    /// Length of the first row (0 when empty).
    public var dimension: Int { storage.first?.count ?? 0 }

    /// Row `i` in float64.
    public subscript(i: Int) -> [Double] { storage[i].doubles }

    /// Row `i` in float32.
    public func floats(_ i: Int) -> [Float] { storage[i].floats }

    /// Every row in float64 (for the small-selection paths that want `[[Double]]`).
    public var rows: [[Double]] { storage.map(\.doubles) }

    /// The rows at `indices`, in that order (still shared).
    public func subset(_ indices: [Int]) -> ProjectionRows { ProjectionRows(indices.map { storage[$0] }) }
}
