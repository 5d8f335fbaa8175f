import Foundation
import IR

/// The SelectionReport's `learned_axis_assignment` (polygram-pipeline.md §2.6, §3.7).
public struct LearnedAxisReport: Hashable, Sendable {
    /// Knob name → PCA axis index, in knob order.
    public var axisAssignment: [(knob: String, axis: Int)]
    public var objectiveName: String
    public var objectiveValue: Double
    public var objectiveBaseline: Double
    public var trainingObjectiveValue: Double
    public var solver: String

    public static func == (a: LearnedAxisReport, b: LearnedAxisReport) -> Bool {
        a.axisAssignment.elementsEqual(b.axisAssignment) { $0 == $1 } && a.objectiveName == b.objectiveName
            && a.objectiveValue == b.objectiveValue && a.objectiveBaseline == b.objectiveBaseline
            && a.trainingObjectiveValue == b.trainingObjectiveValue && a.solver == b.solver
    }

    public func hash(into hasher: inout Hasher) {
        for (k, a) in axisAssignment { hasher.combine(k); hasher.combine(a) }
        hasher.combine(objectiveValue)
    }
}

/// `LearnedKnobAssignment(solver="greedy", objective=spearman_objective)` —
/// the torch-free greedy axis search (polygram-pipeline.md §3.7). Only the
/// greedy solver, the Spearman objective and `validation_fraction = 0` are ported.
public struct LearnedKnobAssignment: KnobAssignment {
    public var maxAxes = 32
    public var earlyStopEps = 1e-4
    public var betaRange = (lo: -0.5, hi: 0.5)

    public init() {}

    /// The knobs only; `assignWithReport` also returns the `learned_axis_assignment` report.
    public func assign(_ request: KnobAssignmentRequest) throws -> KnobAssignmentResult {
        try assignWithReport(request).result
    }

    public func assignWithReport(_ request: KnobAssignmentRequest) throws
        -> (result: KnobAssignmentResult, report: LearnedAxisReport?) {
        let encoding = request.encoding ?? .mpsRung1(phaseKnobs: true)
        var base = request
        if case .heaRung2 = encoding {
            base.assignPhaseKnobs = false
            base.assignAmpKnobs = false
            return (try ClusteredKnobAssignment(betaRange: betaRange).assign(base), nil)
        }
        base.assignPhaseKnobs = false
        base.assignAmpKnobs = false
        var result = try ClusteredKnobAssignment(betaRange: betaRange).assign(base)
        let projections = request.projections.rows
        let n = projections.count

        // Knobs, their ranges and baseline axes.
        var knobs: [(name: String, range: (lo: Double, hi: Double), baseline: Int)] = [
            ("alpha", KnobMath.phaseRange, 1), ("phi", KnobMath.phaseRange, 2),
        ]
        let ampPairs: Int
        switch encoding {
        case .rung3: ampPairs = 1
        case .rung4: ampPairs = 2
        case .rung5(let k): ampPairs = k
        case .mpsRung1, .heaRung2: ampPairs = 0
        }
        for i in 0..<ampPairs {
            knobs.append(("amp_\(i)_theta", KnobMath.thetaRange, 3 + 2 * i))
            knobs.append(("amp_\(i)_psi", KnobMath.phaseRange, 4 + 2 * i))
        }

        let centred = DenseMath.centred(projections)
        let vt = try DenseMath.thinSVD(centred).vt
        let nAxes = min(maxAxes, vt.count)
        // A knob's values on an axis, computed once per (knob, axis): the greedy
        // search scores every axis for every knob.
        var knobValues: [Int: [Double]] = [:]
        func values(axis: Int, knob k: Int) -> [Double] {
            let key = k * (vt.count + 1) + min(axis, vt.count)
            if let cached = knobValues[key] { return cached }
            let range = knobs[k].range
            var v = [Double](repeating: KnobMath.mid(range), count: n)
            if axis < vt.count {
                let coords = centred.map { DenseMath.dot($0, vt[axis]) }
                let scale = coords.map(\.magnitude).max() ?? 0
                if scale >= 1e-12 { v = coords.map { $0 / scale * KnobMath.half(range) + KnobMath.mid(range) } }
            }
            knobValues[key] = v
            return v
        }

        // Reference geometry D_ij = cos²(p_i, p_j) with norm + 1e-12.
        let units = projections.map { p -> [Double] in
            let norm = DenseMath.norm(p) + 1e-12
            return p.map { $0 / norm }
        }
        var referenceOverlaps: [Double] = []
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let c = DenseMath.dot(units[i], units[j])
                referenceOverlaps.append(c * c)
            }
        }
        // Its ranks once, not once per candidate.
        let reference = SpearmanReference(referenceOverlaps)

        func features(_ axes: [Int]) -> [Feature] {
            var fs = (0..<n).map { i in
                Feature(name: request.featureNames[i], cluster: result.clusterPerFeature[i], beta: result.betas[i],
                        gamma: result.gammas[i])
            }
            var ampList = [[AmpKnob]](repeating: [AmpKnob](repeating: AmpKnob(theta: 0, psi: 0), count: ampPairs),
                                      count: n)
            for (k, knob) in knobs.enumerated() {
                let v = values(axis: axes[k], knob: k)
                for i in 0..<n {
                    switch knob.name {
                    case "alpha": fs[i].alpha = v[i]
                    case "phi": fs[i].phi = v[i]
                    default:
                        let pair = (k - 2) / 2
                        if k % 2 == 0 { ampList[i][pair].theta = v[i] } else { ampList[i][pair].psi = v[i] }
                    }
                }
            }
            for i in 0..<n {
                switch encoding {
                case .rung3, .rung4:
                    fs[i].thetaAmp = ampList[i][0].theta
                    fs[i].psiAux = ampList[i][0].psi
                    if ampPairs > 1 {
                        fs[i].thetaAmpB = ampList[i][1].theta
                        fs[i].psiAmpB = ampList[i][1].psi
                    }
                case .rung5:
                    fs[i].ampKnobs = ampList[i]
                default: break
                }
            }
            return fs
        }
        func score(_ axes: [Int]) throws -> Double {
            let d = FeatureDictionary(name: "LearnedCandidate", features: features(axes), hierarchy: [], encoding: encoding)
            let g = try DictionaryGram.compute(d).abs2
            var candidate: [Double] = []
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { candidate.append(g[i][j]) } }
            return reference.correlation(with: candidate)
        }

        let baselineAxes = knobs.map(\.baseline)
        let baseline = try score(baselineAxes)
        var axes = baselineAxes
        var assigned: [Int] = []
        var current = baseline
        var smallGains = 0
        for k in knobs.indices {
            var bestAxis = -1, best = -Double.infinity
            for a in 0..<nAxes where !assigned.contains(a) {
                var trial = axes
                trial[k] = a
                let s = try score(trial)
                if s > best { best = s; bestAxis = a }
            }
            guard bestAxis >= 0 else { break }
            axes[k] = bestAxis
            assigned.append(bestAxis)
            let gain = best - current
            current = best
            smallGains = gain < earlyStopEps ? smallGains + 1 : 0
            if smallGains >= 2 { break }
        }
        let fs = features(axes)
        result.alphas = fs.map(\.alpha)
        result.phis = fs.map(\.phi)
        switch encoding {
        case .rung3, .rung4:
            result.thetaAmps = fs.map(\.thetaAmp)
            result.psiAuxes = fs.map(\.psiAux)
            if ampPairs > 1 {
                result.thetaAmpBs = fs.map(\.thetaAmpB)
                result.psiAmpBs = fs.map(\.psiAmpB)
            }
        case .rung5:
            result.ampKnobsList = fs.map(\.ampKnobs)
        default: break
        }
        let final = try score(axes)
        let report = LearnedAxisReport(axisAssignment: zip(knobs, axes).map { (knob: $0.name, axis: $1) },
                                       objectiveName: "spearman_objective", objectiveValue: final,
                                       objectiveBaseline: baseline, trainingObjectiveValue: final, solver: "greedy")
        return (result, report)
    }
}

/// One side of a Spearman correlation, ranked once: the greedy axis search
/// correlates hundreds of candidates with the same reference geometry.
struct SpearmanReference {
    private let ranks: [Double]
    private let mean: Double
    private let sumOfSquares: Double

    init(_ values: [Double]) {
        ranks = Self.ranks(values)
        let m = Double(ranks.count)
        mean = ranks.reduce(0, +) / m
        var s = 0.0
        for y in ranks { s += (y - mean) * (y - mean) }
        sumOfSquares = s
    }

    /// Argsort-of-argsort ranks: ties broken by position, not averaged.
    static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] != x[$1] ? x[$0] < x[$1] : $0 < $1 }
        var r = [Double](repeating: 0, count: x.count)
        for (rank, i) in order.enumerated() { r[i] = Double(rank) }
        return r
    }

    /// Pearson correlation of `values`' ranks with the reference's; 0 when degenerate.
    func correlation(with values: [Double]) -> Double {
        guard values.count >= 2 else { return 0 }
        let ra = Self.ranks(values)
        let m = Double(ra.count)
        let ma = ra.reduce(0, +) / m
        var saa = 0.0, sab = 0.0
        for (x, y) in zip(ra, ranks) {
            saa += (x - ma) * (x - ma)
            sab += (x - ma) * (y - mean)
        }
        guard (saa / m).squareRoot() >= 1e-15, (sumOfSquares / m).squareRoot() >= 1e-15 else { return 0 }
        return sab / (saa.squareRoot() * sumOfSquares.squareRoot())
    }
}
