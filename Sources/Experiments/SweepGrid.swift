import Frontend

/// The Cartesian product of sweep axes, row-major (first axis slowest), as
/// polygram iterates it (polygram-core.md §4.2). No axes: one empty point.
struct SweepGrid {
    let axes: [SweepAxis]
    let shape: [Int]
    let count: Int

    init(axes: [SweepAxis]) {
        self.axes = axes
        shape = axes.map(\.values.count)
        count = shape.reduce(1, *)
    }

    /// The index tuple of flat point `k`.
    func indices(of k: Int) -> [Int] {
        var rest = k
        var result = [Int](repeating: 0, count: axes.count)
        for axis in axes.indices.reversed() {
            result[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return result
    }

    /// Steps `indices` to the next point in row-major order (the last axis fastest).
    func advance(_ indices: inout [Int]) { Self.advance(&indices, shape: shape) }

    /// Steps `indices` to the next point of a row-major grid of `shape` (an odometer).
    static func advance(_ indices: inout [Int], shape: [Int]) {
        var axis = indices.count - 1
        while axis >= 0 {
            indices[axis] += 1
            if indices[axis] < shape[axis] { return }
            indices[axis] = 0
            axis -= 1
        }
    }

    /// The index of every axis's upper middle (`len // 2`), where polygram materializes.
    var middle: [Int] { shape.map { $0 / 2 } }

    /// The last index of every axis.
    var end: [Int] { shape.map { $0 - 1 } }
}
