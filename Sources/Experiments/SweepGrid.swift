import Frontend

/// The Cartesian product of sweep axes, row-major (first axis slowest), as
/// polygram iterates it (polygram-core.md §4.2). No axes: one empty point.
struct SweepGrid {
    let axes: [SweepAxis]

    var shape: [Int] { axes.map(\.values.count) }
    var count: Int { shape.reduce(1, *) }

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

    /// The index of every axis's upper middle (`len // 2`), where polygram materializes.
    var middle: [Int] { shape.map { $0 / 2 } }

    /// The last index of every axis.
    var end: [Int] { shape.map { $0 - 1 } }
}
