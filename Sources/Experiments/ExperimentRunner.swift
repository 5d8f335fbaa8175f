import Frontend
import IR
import Simulate
import Verify

/// Runs an experiment's sweep on the analytic backend (polygram-core.md §4.3):
/// at every point the dictionary with the point's knobs, its Gram by
/// simulation, tier statistics, tier separation and the per-point assertions.
public enum ExperimentRunner {
    public static func run(_ experiment: ExperimentSpec, on dictionary: FeatureDictionary) throws -> ExperimentResult {
        if let result = try KnobSweep.run(experiment, on: dictionary) { return result }
        return try runByDictionary(experiment, on: dictionary)
    }

    /// The sweep point by point on whole dictionaries (`with_knob`, then the
    /// dictionary's Gram by batch simulation): used where `KnobSweep` is not
    /// (registers above 8 qubits, empty dictionaries or sweeps).
    static func runByDictionary(_ experiment: ExperimentSpec, on dictionary: FeatureDictionary) throws -> ExperimentResult {
        let grid = SweepGrid(axes: experiment.sweep)
        let names = dictionary.features.map(\.name)
        guard let a = names.firstIndex(of: experiment.targetPair[0]), let b = names.firstIndex(of: experiment.targetPair[1]) else {
            throw InputError("target_pair names a feature the dictionary does not declare", at: experiment.location)
        }
        let hasSeparation = !dictionary.hierarchy.allSatisfy { $0.members.count == 1 }
        var result = ExperimentResult(experiment: experiment, dictionaryName: dictionary.name,
                                      featureCount: dictionary.features.count, clusterCount: dictionary.hierarchy.count,
                                      overlaps: [], tierSelf: [], tierSibling: [], tierCrossCluster: [],
                                      tierSeparation: hasSeparation ? [] : nil, assertions: [])
        var ordering: [Bool] = [], bound: [Bool] = []
        var endpointOverlap = 0.0
        let endIndex = grid.end
        for k in 0..<grid.count {
            let indices = grid.indices(of: k)
            let point = try self.dictionary(dictionary, grid: grid, at: indices)
            let gram = try Self.gram(point)
            let overlap = gram.overlap(a, b)
            result.overlaps.append(overlap)
            let tiers = TierStatistics(gram, clusters: point.features.map(\.cluster))
            result.tierSelf.append(1.0)
            result.tierSibling.append(tiers.sibling)
            result.tierCrossCluster.append(tiers.crossCluster)
            let separation = TierSeparation.compute(gram, clusters: point.features.map(\.cluster))?.separation
            if hasSeparation { result.tierSeparation?.append(separation ?? 0.0) }
            ordering.append(hierarchicalOrderingPreserved(gram, point, a, b))
            if case .heaRung2(let p) = point.encoding, let limit = p.tierSeparationBound {
                bound.append(separation.map { $0 >= limit } ?? true)
            } else {
                bound.append(true)
            }
            if indices == endIndex { endpointOverlap = overlap }
        }
        result.recordAssertions(ordering: ordering, bound: bound, endpointOverlap: endpointOverlap)
        return result
    }

    /// The base dictionary with every axis's knob set to its value at `indices`, in axis order.
    static func dictionary(_ base: FeatureDictionary, grid: SweepGrid, at indices: [Int]) throws -> FeatureDictionary {
        var d = base
        for (axis, index) in zip(grid.axes, indices) {
            do {
                d = try d.withKnob(axis.path, axis.values[index])
            } catch let error as KnobPathError {
                throw InputError(error.message, at: axis.location)
            }
        }
        return d
    }

    /// The dictionary at the sweep's upper middle, which polygram materializes.
    public static func midpoint(_ experiment: ExperimentSpec, on dictionary: FeatureDictionary) throws -> FeatureDictionary {
        let grid = SweepGrid(axes: experiment.sweep)
        return try self.dictionary(dictionary, grid: grid, at: grid.middle)
    }

    static func gram(_ dictionary: FeatureDictionary) throws -> GramMatrix {
        guard !dictionary.features.isEmpty else {
            throw InputError("dictionary '\(dictionary.name)' has no features to sweep", at: dictionary.location)
        }
        return try DictionaryCircuits.gram(dictionary)
    }

    /// Every sibling of A (and of B) overlaps A (B) at least as much as A and B do.
    static func hierarchicalOrderingPreserved(_ gram: GramMatrix, _ d: FeatureDictionary, _ a: Int, _ b: Int) -> Bool {
        let x = gram.overlap(a, b)
        let names = d.features.map(\.name)
        for target in [a, b] {
            let members = d.hierarchy.first { $0.name == d.features[target].cluster }?.members ?? []
            for sibling in members where sibling != names[target] {
                guard let s = names.firstIndex(of: sibling) else { continue }
                if !(gram.overlap(target, s) + 1e-12 >= x) { return false }
            }
        }
        return true
    }
}

extension FeatureDictionary {
    /// The indices of `target`'s cluster siblings (hierarchy order, itself and
    /// undeclared names left out): whom `hierarchical_ordering_preserved` checks.
    func siblingIndices(of target: Int) -> [Int] {
        let names = features.map(\.name)
        let members = hierarchy.first { $0.name == features[target].cluster }?.members ?? []
        return members.filter { $0 != names[target] }.compactMap { names.firstIndex(of: $0) }
    }
}

/// polygram's pooled tier means over ordered pairs i ≠ j (polygram-core.md §4.5).
struct TierStatistics {
    var sibling: Double
    var crossCluster: Double

    init(_ gram: GramMatrix, clusters: [String]) {
        var same = (0.0, 0), cross = (0.0, 0)
        for i in 0..<gram.size {
            for j in 0..<gram.size where i != j {
                let o = gram.overlap(i, j)
                if clusters[i] == clusters[j] { same = (same.0 + o, same.1 + 1) } else { cross = (cross.0 + o, cross.1 + 1) }
            }
        }
        sibling = same.1 > 0 ? same.0 / Double(same.1) : .nan
        crossCluster = cross.1 > 0 ? cross.0 / Double(cross.1) : .nan
    }
}
