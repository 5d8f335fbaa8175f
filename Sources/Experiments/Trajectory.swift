/// Every evaluated point of a cancellation search, in evaluation order: one
/// row per evaluation, its knob values then the target overlap. Stored flat,
/// one buffer for all rows: a 50 × 50 grid has 2,500 of them, and an array
/// per row cost as many allocations and a third of a run's heap.
public struct Trajectory: RandomAccessCollection, Equatable, Sendable {
    /// Doubles per row: the knobs, then the overlap.
    public let width: Int
    private var values: [Double] = []

    public init(width: Int) {
        precondition(width >= 1, "a trajectory row holds at least the overlap")
        self.width = width
    }

    /// Rows given as arrays (all `width` long).
    public init(width: Int, rows: [[Double]]) {
        self.init(width: width)
        for row in rows { append(row) }
    }

    public mutating func reserveCapacity(_ rows: Int) { values.reserveCapacity(rows * width) }

    public mutating func append(_ row: [Double]) {
        precondition(row.count == width, "a trajectory row has \(width) values")
        values += row
    }

    /// Appends one row from its knob values and its overlap.
    public mutating func append(knobs: some Sequence<Double>, overlap: Double) {
        let before = values.count
        values.append(contentsOf: knobs)
        values.append(overlap)
        precondition(values.count - before == width, "a trajectory row has \(width) values")
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count / width }

    public subscript(row: Int) -> Row {
        precondition(indices.contains(row), "trajectory row \(row) out of range")
        return Row(values: values, start: row * width, count: width)
    }

    /// One evaluation: its knob values (0 ..< width − 1), then its overlap (`last`).
    public struct Row: RandomAccessCollection, Equatable, Sendable {
        fileprivate let values: [Double]
        fileprivate let start: Int
        public let count: Int

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(i: Int) -> Double {
            precondition(i >= 0 && i < count, "trajectory column \(i) out of range")
            return values[start + i]
        }

        public static func == (a: Row, b: Row) -> Bool { a.elementsEqual(b) }
    }
}
