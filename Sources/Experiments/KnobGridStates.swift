import Frontend
import IR
import Simulate
import Verify

/// Every feature's simulated state over a grid of knob settings (a sweep or a
/// cancellation grid), without rebuilding the dictionary at each point.
///
/// A feature's state depends only on its own fields and the encoding, so each
/// feature keeps one table indexed by the values of the axes that write it: a
/// feature no axis writes has one state for the whole grid, one written by a
/// single axis has one per value of that axis. Entries are simulated on first
/// use from the feature with the knobs applied in axis order (as `with_knob`
/// applies them), with the gates and kernels of a whole-dictionary simulation.
///
/// Per-point bookkeeping lives in raw buffers: a class's array properties
/// would pay an exclusivity check on every access.
final class KnobGridStates {
    /// One grid axis: the knob, its values, and the features it writes.
    struct Axis {
        var kind: KnobPath.Kind
        var values: [Double]
        var targets: [Int]
    }

    let featureCount: Int
    let qubitCount: Int
    /// Doubles per state: 2 × amplitudes, interleaved (re, im).
    let stride: Int
    private let base: FeatureDictionary
    private let axes: [Axis]
    /// The (axis, step in the feature's table) pairs writing feature i, in axis
    /// order, are `writerAxis[k]`, `writerStep[k]` for k in writerStart[i] ..< writerStart[i + 1].
    private let writerStart: [Int]
    private let writerAxis: [Int]
    private let writerStep: [Int]
    /// Per feature: the index of its table's first entry.
    private let tableStart: [Int]
    private let storage: UnsafeMutablePointer<Double>
    private let filled: UnsafeMutablePointer<Bool>
    /// Per feature: its entry at the current point, and whether the last `move(to:)` changed it.
    private let current: UnsafeMutablePointer<Int>
    private let changed: UnsafeMutablePointer<Bool>

    /// nil when the register has more than `maxQubits` qubits or the tables
    /// would take more than a quarter of the memory budget (callers then fall
    /// back to whole-dictionary evaluation).
    init?(_ dictionary: FeatureDictionary, axes: [Axis], maxQubits: Int = 39) throws {
        base = dictionary
        self.axes = axes
        featureCount = dictionary.features.count
        qubitCount = DictionaryCircuits.qubitCount(dictionary.encoding)
        guard qubitCount <= min(maxQubits, 39) else { return nil }
        stride = 2 << qubitCount
        var writerStart = [0], writerAxis: [Int] = [], writerStep: [Int] = [], tableStart: [Int] = []
        var entries = 0
        for i in 0..<featureCount {
            let mine = axes.indices.filter { axes[$0].targets.contains(i) }
            var size = 1
            var steps = [Int](repeating: 0, count: mine.count)
            for (w, axis) in mine.enumerated().reversed() {
                steps[w] = size
                size = size.multipliedReportingOverflow(by: max(1, axes[axis].values.count)).partialValue
            }
            writerAxis += mine
            writerStep += steps
            writerStart.append(writerAxis.count)
            tableStart.append(entries)
            entries += size
        }
        guard Double(entries) * Double(stride) * 8 <= MemoryGuard.limitBytes / 4 else { return nil }
        self.writerStart = writerStart
        self.writerAxis = writerAxis
        self.writerStep = writerStep
        self.tableStart = tableStart
        storage = .allocate(capacity: max(1, entries * stride))
        filled = .allocate(capacity: max(1, entries))
        filled.initialize(repeating: false, count: max(1, entries))
        current = .allocate(capacity: max(1, featureCount))
        changed = .allocate(capacity: max(1, featureCount))
        for i in 0..<featureCount { current[i] = tableStart[i] }
        changed.initialize(repeating: true, count: max(1, featureCount))
    }

    deinit {
        storage.deallocate()
        filled.deallocate()
        current.deallocate()
        changed.deallocate()
    }

    /// Moves every feature to grid point `indices` (one value index per axis).
    func move(to indices: [Int]) {
        for i in 0..<featureCount {
            var entry = tableStart[i]
            for k in writerStart[i]..<writerStart[i + 1] { entry += writerStep[k] * indices[writerAxis[k]] }
            changed[i] = entry != current[i] || !filled[entry]
            current[i] = entry
        }
    }

    /// Whether the last `move(to:)` gave feature `i` another state (always at the first point).
    func moved(_ i: Int) -> Bool { changed[i] }

    /// Feature `i`'s state at the current point.
    func state(_ i: Int) throws -> UnsafePointer<Double> {
        let entry = current[i]
        let pointer = storage + entry * stride
        if !filled[entry] {
            try simulate(i, entry - tableStart[i], into: pointer)
            filled[entry] = true
        }
        return UnsafePointer(pointer)
    }

    /// |⟨i|j⟩|² at the current point.
    func overlap(_ i: Int, _ j: Int) throws -> Double {
        StateOverlap.of(try state(i), try state(j), count: stride)
    }

    /// Feature `i` with the knobs of its table entry `local` written, in axis order.
    func feature(_ i: Int, entry local: Int) -> Feature {
        var feature = base.features[i]
        for k in writerStart[i]..<writerStart[i + 1] {
            let axis = axes[writerAxis[k]]
            feature = feature.settingKnob(axis.kind, axis.values[(local / writerStep[k]) % axis.values.count],
                                          encoding: base.encoding)
        }
        return feature
    }

    private func simulate(_ i: Int, _ local: Int, into pointer: UnsafeMutablePointer<Double>) throws {
        // The memory for every state was checked when the tables were sized.
        var state = StateVector(qubitCount: qubitCount)
        try state.apply(try DictionaryCircuits.gates(of: feature(i, entry: local), encoding: base.encoding))
        state.amplitudes.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: stride) }
    }
}
