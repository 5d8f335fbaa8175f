import Frontend
import IR

/// An experiment's sweep on per-feature states (`KnobGridStates`) instead of
/// a whole dictionary and Gram per point: states are simulated once per knob
/// value, and a point recomputes only the |G|² entries of features whose
/// state changed. Gives `ExperimentRunner.runByDictionary`'s results: Gram
/// entries are inner products summed in index order (`StateOverlap`), as the
/// small-Gram kernel sums them (the same bits); where that path hands large
/// Grams to BLAS zherk, the last bits can differ.
enum KnobSweep {
    /// Registers the batch Gram also simulates gate by gate, one state at a time.
    static let maxQubits = 8

    /// nil when this path does not apply (empty dictionary or sweep, larger registers).
    static func run(_ experiment: ExperimentSpec, on dictionary: FeatureDictionary) throws -> ExperimentResult? {
        let grid = SweepGrid(axes: experiment.sweep)
        let n = dictionary.features.count
        let names = dictionary.features.map(\.name)
        guard n > 0, grid.count > 0,
              let a = names.firstIndex(of: experiment.targetPair[0]), let b = names.firstIndex(of: experiment.targetPair[1]),
              a != b
        else { return nil }
        // Resolved once; the errors are those `with_knob` throws at the first point.
        var axes: [KnobGridStates.Axis] = []
        for axis in grid.axes {
            do {
                try axis.path.checkEncoding(dictionary.encoding)
                axes.append(.init(kind: axis.path.kind, values: axis.values, targets: try axis.path.targets(in: dictionary)))
            } catch let error as KnobPathError {
                throw InputError(error.message, at: axis.location)
            }
        }
        guard let states = try KnobGridStates(dictionary, axes: axes, maxQubits: maxQubits) else { return nil }

        let hasSeparation = !dictionary.hierarchy.allSatisfy { $0.members.count == 1 }
        var tiers = PointTiers(clusters: dictionary.features.map(\.cluster))
        let siblings = [(a, dictionary.siblingIndices(of: a)), (b, dictionary.siblingIndices(of: b))]
        var limit: Double?
        if case .heaRung2(let p) = dictionary.encoding { limit = p.tierSeparationBound }

        var result = ExperimentResult(experiment: experiment, dictionaryName: dictionary.name,
                                      featureCount: n, clusterCount: dictionary.hierarchy.count,
                                      overlaps: [], tierSelf: [], tierSibling: [], tierCrossCluster: [],
                                      tierSeparation: hasSeparation ? [] : nil, assertions: [])
        result.overlaps.reserveCapacity(grid.count)
        result.tierSelf = [Double](repeating: 1.0, count: grid.count)
        result.tierSibling.reserveCapacity(grid.count)
        result.tierCrossCluster.reserveCapacity(grid.count)
        result.tierSeparation?.reserveCapacity(grid.count)
        var ordering: [Bool] = [], bound: [Bool] = []
        ordering.reserveCapacity(grid.count)
        bound.reserveCapacity(grid.count)

        let squared = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
        defer { squared.deallocate() }
        squared.initialize(repeating: 0, count: n * n)
        var indices = [Int](repeating: 0, count: axes.count)
        for _ in 0..<grid.count {
            states.move(to: indices)
            for i in 0..<n {
                for j in (i + 1)..<max(n, i + 1) where states.moved(i) || states.moved(j) {
                    let o = try states.overlap(i, j)
                    squared[i * n + j] = o
                    squared[j * n + i] = o
                }
            }
            let x = squared[a * n + b]
            result.overlaps.append(x)
            let (sibling, cross) = tiers.means(squared)
            result.tierSibling.append(sibling)
            result.tierCrossCluster.append(cross)
            let separation = tiers.separation(squared)
            if hasSeparation { result.tierSeparation?.append(separation ?? 0.0) }
            // hierarchical_ordering_preserved: siblings of A, then of B.
            var preserved = true
            for (target, sibs) in siblings where preserved {
                for s in sibs where !(squared[target * n + s] + 1e-12 >= x) {
                    preserved = false
                    break
                }
            }
            ordering.append(preserved)
            bound.append(limit.map { l in separation.map { $0 >= l } ?? true } ?? true)
            grid.advance(&indices)
        }
        // The last point in row-major order is every axis's last index.
        let endpointOverlap = result.overlaps[grid.count - 1]
        result.recordAssertions(ordering: ordering, bound: bound, endpointOverlap: endpointOverlap)
        return result
    }
}
