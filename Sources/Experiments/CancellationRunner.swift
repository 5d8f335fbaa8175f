import Foundation
import Frontend
import IR
import Simulate
import Verify

/// polygram's `Cancellation(...).run()` (polygram-core.md §5): searches the
/// knobs for the setting that minimises |⟨A|B⟩|², optionally keeping the
/// hierarchical ordering, and reports it against the MPS structural floor.
///
/// Backends: `grid` on MPSRung1 and HEA dictionaries (§5.3), and the Rung3 /
/// Rung4 joint optimizers (§5.6, our own Nelder–Mead). `method: scipy` and
/// Rung5 dictionaries need scipy's differential evolution and are rejected.
public enum CancellationRunner {
    /// The grid backend's knob limit (polygram's).
    public static let maxGridKnobs = 4

    /// Runs `spec` on `dictionary`; `options` overrides the spec's `knobs`,
    /// `grid_outer` and `min_amp_overlap` (polygram's other `Cancellation` arguments).
    public static func run(_ spec: CancellationSpec, on dictionary: FeatureDictionary,
                           options: CancellationOptions? = nil) throws -> CancellationResult {
        let problem = try CancellationProblem(spec, dictionary, options: options ?? CancellationOptions(spec: spec))
        switch problem.encoding {
        case .rung3, .rung4:
            return try JointOptimizer.run(problem)
        default:
            return try grid(problem)
        }
    }

    // MARK: - Grid backend (§5.3)

    static func grid(_ p: CancellationProblem) throws -> CancellationResult {
        let res = p.spec.optimize.maxSteps
        let axes = p.paths.map { path -> [Double] in
            let (lo, hi) = CancellationProblem.bounds(path.kind)
            return numpyLinspace(lo, hi, res)
        }
        var total = 1
        for _ in axes { total *= res }
        let knobAxes = try zip(p.paths, axes).map { path, values in
            do {
                return KnobGridStates.Axis(kind: path.kind, values: values, targets: try path.targets(in: p.original))
            } catch let error as KnobPathError {
                throw InputError(error.message, at: p.spec.location)
            }
        }
        guard let states = try KnobGridStates(p.original, axes: knobAxes) else {
            return try gridByDictionary(p, axes: axes, total: total)
        }
        // (target, sibling) pairs of the ordering check, A's then B's.
        let checks = p.spec.preserveTiers
            ? [p.a, p.b].flatMap { target in p.original.siblingIndices(of: target).map { (target, $0) } } : []
        return try scan(p, axes: axes, total: total) { indices in
            states.move(to: indices)
            // PairEvaluator's test, on states simulated once per knob value.
            let x = try states.overlap(p.a, p.b)
            for (target, sibling) in checks where !(try states.overlap(target, sibling) + 1e-12 >= x) {
                return (x, false)
            }
            return (x, true)
        }
    }

    /// The grid on whole dictionaries (`_dictionary_at` per point), for grids
    /// whose per-feature state tables would not fit in memory.
    static func gridByDictionary(_ p: CancellationProblem, axes: [[Double]], total: Int) throws -> CancellationResult {
        let evaluator = PairEvaluator(p)
        return try scan(p, axes: axes, total: total) { indices in
            try evaluator.evaluate(try p.dictionary(at: zip(axes, indices).map { $0[$1] }))
        }
    }

    /// Evaluates every grid point in row-major order (the last knob moves
    /// fastest), recording each point's knob values and overlap, and its
    /// feasibility; then picks the optimum.
    private static func scan(_ p: CancellationProblem, axes: [[Double]], total: Int,
                             evaluate: (_ indices: [Int]) throws -> (overlap: Double, feasible: Bool))
        throws -> CancellationResult {
        var trajectory = Trajectory(width: axes.count + 1)
        trajectory.reserveCapacity(total)
        var mask: [Bool] = []
        mask.reserveCapacity(total)
        var indices = [Int](repeating: 0, count: axes.count)
        let shape = axes.map(\.count)
        for _ in 0..<total {
            let (overlap, feasible) = try evaluate(indices)
            trajectory.append(knobs: indices.enumerated().lazy.map { axes[$0.offset][$0.element] }, overlap: overlap)
            mask.append(feasible)
            SweepGrid.advance(&indices, shape: shape)
        }
        return try choose(p, trajectory: trajectory, mask: mask)
    }

    /// polygram's choice among the evaluated grid points, and the result.
    static func choose(_ p: CancellationProblem, trajectory: Trajectory, mask: [Bool]) throws -> CancellationResult {
        let best = firstMinimum(trajectory.map { $0[p.paths.count] }, among: mask)
        let values = Array(trajectory[best].prefix(p.paths.count))
        return try p.assemble(method: "grid", values: values, afterOverlap: trajectory[best][p.paths.count],
                              trajectory: trajectory, mask: mask)
    }

    /// The first index minimising `values` among feasible entries, or over all
    /// entries when none is feasible (numpy `argmin` on the masked array).
    static func firstMinimum(_ values: [Double], among feasible: [Bool]) -> Int {
        let anyFeasible = feasible.contains(true)
        var best = -1
        for i in values.indices where !anyFeasible || feasible[i] {
            if best < 0 || values[i] < values[best] { best = i }
        }
        return max(best, 0)
    }
}

/// A validated cancellation: the pair, the knobs, how to evaluate a point.
struct CancellationProblem {
    var spec: CancellationSpec
    var original: FeatureDictionary
    var encoding: Encoding
    var a: Int
    var b: Int
    var knobTexts: [String]
    var paths: [KnobPath]
    var options: CancellationOptions

    init(_ spec: CancellationSpec, _ dictionary: FeatureDictionary, options: CancellationOptions = CancellationOptions()) throws {
        self.spec = spec
        self.options = options
        let knobs = options.knobs
        original = dictionary
        encoding = dictionary.encoding
        let at = spec.location
        func fail(_ message: String) -> InputError { InputError(message, at: at) }

        let pair = spec.targetPair
        guard pair.count == 2 else {
            throw fail("target_pair must name exactly two features; got \(pyList(pair))")
        }
        let names = dictionary.features.map(\.name)
        for name in pair where !names.contains(name) {
            throw fail("target_pair feature \(pyRepr(name)) not declared in dictionary")
        }
        guard pair[0] != pair[1] else {
            throw fail("target_pair must name two different features; got \(pyList(pair))")
        }
        a = names.firstIndex(of: pair[0])!
        b = names.firstIndex(of: pair[1])!
        guard spec.tolerance >= 0, spec.tolerance <= 1 else {
            throw fail("tolerance must lie in [0, 1]; got \(PythonFloat.repr(spec.tolerance))")
        }
        guard spec.optimize.maxSteps >= 1 else {
            throw fail("max_steps must be >= 1; got \(spec.optimize.maxSteps)")
        }

        let A = pair[0], B = pair[1]
        var canonical = ["\(A).phi", "\(B).phi"]
        switch dictionary.encoding {
        case .rung5:
            throw fail("Cancellation on a Rung5 dictionary uses polygram's rung5_joint optimizer, which needs scipy's "
                + "differential evolution; polygramc does not implement it")
        case .rung3:
            canonical += ["\(B).theta_amp", "\(B).psi_aux"]
        case .rung4:
            canonical += ["\(B).theta_amp", "\(B).psi_aux", "\(B).theta_amp_b", "\(B).psi_amp_b"]
        case .mpsRung1, .heaRung2:
            break
        }
        switch dictionary.encoding {
        case .rung3, .rung4:
            let kind = dictionary.encoding == .rung3 ? "rung3" : "rung4"
            if let knobs, knobs != canonical {
                throw fail("Cancellation(encoding='\(kind)') requires the canonical \(canonical.count)-knob list "
                    + "\(pyList(canonical)); got \(pyList(knobs)). Custom \(kind) knob lists are not supported in v0.")
            }
        default: break
        }
        knobTexts = knobs ?? canonical

        var paths: [KnobPath] = []
        let clusters = dictionary.hierarchy.map(\.name)
        for text in knobTexts {
            let path: KnobPath
            do { path = try KnobPath.parse(text) } catch let error as KnobPathError { throw fail(error.message) }
            guard names.contains(path.identifier) || clusters.contains(path.identifier) else {
                throw fail("knob path \(pyRepr(text)): identifier \(pyRepr(path.identifier)) not declared "
                    + "(features=\(pyList(names)), clusters=\(pyList(clusters)))")
            }
            do { try path.checkEncoding(dictionary.encoding, path: text) } catch let error as KnobPathError { throw fail(error.message) }
            switch path.kind {
            case .thetaAmp, .psiAux:
                guard dictionary.encoding == .rung3 || dictionary.encoding == .rung4 else {
                    throw fail("knob path \(pyRepr(text)): .theta_amp / .psi_aux knobs require a Rung3 or Rung4 "
                        + "encoding; this Dictionary uses encoding=\(dictionary.encoding.pythonRepr)")
                }
            case .thetaAmpB, .psiAmpB:
                guard dictionary.encoding == .rung4 else {
                    throw fail("knob path \(pyRepr(text)): .theta_amp_b / .psi_amp_b knobs require a Rung4 "
                        + "encoding; this Dictionary uses encoding=\(dictionary.encoding.pythonRepr)")
                }
            default: break
            }
            paths.append(path)
        }
        self.paths = paths

        guard options.gridOuter.0 >= 1, options.gridOuter.1 >= 1 else {
            throw fail("grid_outer must be a pair of integers >= 1; got (\(options.gridOuter.0), \(options.gridOuter.1))")
        }
        guard options.minAmpOverlap >= 0, options.minAmpOverlap <= 1 else {
            throw fail("min_amp_overlap must lie in [0, 1]; got \(PythonFloat.repr(options.minAmpOverlap))")
        }
        if options.minAmpOverlap > 0, dictionary.encoding != .rung3, dictionary.encoding != .rung4 {
            throw fail("min_amp_overlap > 0 is only meaningful for encoding in {'rung3', 'rung4', 'rung5'}; "
                + "got encoding=\(pyRepr(CancellationProblem.encodingName(dictionary.encoding)))")
        }

        switch dictionary.encoding {
        case .mpsRung1, .heaRung2:
            if spec.optimize.method == .scipy {
                throw fail("method 'scipy' is polygram's differential-evolution backend, which polygramc does not "
                    + "implement; use method: grid")
            }
            if paths.count > CancellationRunner.maxGridKnobs {
                throw fail("grid backend supports at most \(CancellationRunner.maxGridKnobs) knobs (got \(paths.count)); "
                    + "polygram's method='scipy' for richer search spaces is not available in polygramc")
            }
        default: break
        }
    }

    static func encodingName(_ e: Encoding) -> String {
        switch e {
        case .mpsRung1: return "mps"
        case .heaRung2: return "hea"
        case .rung3: return "rung3"
        case .rung4: return "rung4"
        case .rung5: return "rung5"
        }
    }

    /// polygram's search bounds per knob kind (§5.1).
    static func bounds(_ kind: KnobPath.Kind) -> (Double, Double) {
        switch kind {
        case .phi, .psiAux, .psiAmpB, .ampKnobPsi: return (0, 2 * .pi)
        case .thetaAmp, .thetaAmpB, .ampKnobTheta: return (0, .pi / 2)
        case .theta: return (-.pi, .pi)
        }
    }

    /// `_dictionary_at` without the rename: the knobs written in order to the original dictionary.
    func dictionary(at values: [Double]) throws -> FeatureDictionary {
        var d = original
        for (path, value) in zip(paths, values) {
            do { d = try d.withKnob(path, value) } catch let error as KnobPathError {
                throw InputError(error.message, at: spec.location)
            }
        }
        return d
    }

    /// The MPS floor when it is defined (see docs/divergences-cancellation.md):
    /// MPSRung1 with the knobs {A.phi, B.phi} in either order, or any Rung3/4/5 dictionary.
    var structuralFloor: Double? {
        let pairFloor = StructuralFloor(original.features[a], original.features[b]).floor
        switch encoding {
        case .rung3, .rung4, .rung5: return pairFloor
        case .heaRung2: return nil
        case .mpsRung1:
            let names = [original.features[a].name, original.features[b].name]
            guard paths.count == 2, paths.allSatisfy({ $0.kind == .phi }),
                  Set(paths.map(\.identifier)) == Set(names) else { return nil }
            return pairFloor
        }
    }

    /// polygram's result assembly (§5.5): before/after Grams, floor, efficiency, at-floor warning.
    func assemble(method: String, values: [Double], afterOverlap: Double, trajectory: Trajectory,
                  mask: [Bool], warnAtFloor: Bool = true) throws -> CancellationResult {
        let beforeGram = try ExperimentRunner.gram(original)
        var atOptimum = try dictionary(at: values)
        atOptimum.name = original.name + "_at_optimum"
        let afterGram = try ExperimentRunner.gram(atOptimum)
        let before = beforeGram.overlap(a, b)
        let floor = structuralFloor
        var efficiency: Double?
        if let floor, before - floor >= 1e-9 {
            efficiency = min(max((before - afterOverlap) / (before - floor), 0), 1)
        } else if let floor, afterOverlap < floor - 1e-9 {
            // Rung3/4: the amp branch went below the MPS floor from a start at
            // the floor; polygram reports None here (§8 #6), the gap is more than closed.
            efficiency = 1.0
        }
        var atFloor = false
        var warnings: [String] = []
        if let floor, abs(before - floor) <= 1e-6, abs(afterOverlap - floor) <= 1e-6 {
            atFloor = true
            if warnAtFloor {
                warnings.append("Cancellation.run: before=\(g6(before)) ≈ floor=\(g6(floor)) ≈ after=\(g6(afterOverlap)); "
                    + "cancellation is operating at the structural floor")
            }
            if efficiency == nil { efficiency = 0.0 }
        }
        return CancellationResult(spec: spec, method: method, knobs: knobTexts, beforeGram: beforeGram,
                                  afterGram: afterGram, beforeOverlap: before, afterOverlap: afterOverlap,
                                  structuralFloor: floor, efficiency: efficiency, atStructuralFloor: atFloor,
                                  toleranceMet: afterOverlap < spec.tolerance, trajectory: trajectory,
                                  feasibleMask: mask, optimizedValues: values, dictionaryAtOptimum: atOptimum,
                                  warnings: warnings)
    }

    private func g6(_ x: Double) -> String { Printf.double(x, "%.6g") }
}

/// Evaluates |G[A][B]|² and the hierarchical-ordering check at a point from
/// only the states they need (A, B and their siblings), caching each
/// feature's state by its parameters. Equal to the full-Gram route (a state
/// depends only on its own feature and the encoding).
final class PairEvaluator {
    let problem: CancellationProblem
    /// For A and for B: the indices of their cluster siblings.
    let siblings: [[Int]]
    private var cache: [Int: [Feature: [Double]]] = [:]

    init(_ problem: CancellationProblem) {
        self.problem = problem
        siblings = [problem.a, problem.b].map { problem.original.siblingIndices(of: $0) }
    }

    /// (target overlap, feasible) where feasible = `hierarchical_ordering_preserved` if preserve_tiers.
    func evaluate(_ d: FeatureDictionary) throws -> (Double, Bool) {
        var concepts: ConceptSet?
        func state(_ i: Int) throws -> [Double] {
            let feature = d.features[i]
            if let s = cache[i]?[feature] { return s }
            if concepts == nil {
                guard let found = try ConceptSet.find(in: try Lowering.machine(for: d)) else {
                    throw InputError("dictionary '\(d.name)' has no features", at: d.location)
                }
                concepts = found
            }
            let s = try concepts!.state(i).amplitudes
            cache[i, default: [:]][feature] = s
            return s
        }
        let a = problem.a, b = problem.b
        let x = Self.overlap(try state(a), try state(b))
        guard problem.spec.preserveTiers else { return (x, true) }
        for (target, sibs) in zip([a, b], siblings) {
            for s in sibs where !(Self.overlap(try state(target), try state(s)) + 1e-12 >= x) {
                return (x, false)
            }
        }
        return (x, true)
    }

    /// |⟨u|v⟩|² for interleaved (re, im) amplitudes.
    static func overlap(_ u: [Double], _ v: [Double]) -> Double { StateOverlap.of(u, v) }
}

/// Python `repr` of a plain string (single quotes unless it holds one and no double quote).
func pyRepr(_ s: String) -> String {
    if s.containsText("'") && !s.containsText("\"") { return "\"\(s)\"" }
    return "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
}

func pyList(_ items: [String]) -> String { "[" + items.map(pyRepr).joinedText(", ") + "]" }
