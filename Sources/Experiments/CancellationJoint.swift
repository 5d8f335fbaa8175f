import Foundation
import Frontend
import IR

/// Rung3 / Rung4 joint optimizers (polygram-core.md §5.6): an outer grid over
/// B's amp knobs, each cell with the inner (A.phi, B.phi) grid, then
/// Nelder–Mead on all canonical knobs from the best cell.
enum JointOptimizer {
    static func run(_ p: CancellationProblem) throws -> CancellationResult {
        let rung4 = p.encoding == .rung4
        let evaluator = PairEvaluator(p)
        let inner = numpyLinspace(0, 2 * .pi, p.spec.optimize.maxSteps)
        let thetaAxis = numpyLinspace(0, .pi / 2, p.options.gridOuter.0)
        let psiAxis = numpyLinspace(0, 2 * .pi, p.options.gridOuter.1, endpoint: false)
        let ampPaths = Array(p.paths.dropFirst(2))
        let phiA = p.paths[0], phiB = p.paths[1]

        /// The amp-overlap constraint against A's (anchored) amp knobs.
        func ampFeasible(_ d: FeatureDictionary) -> Bool {
            guard p.options.minAmpOverlap > 0 else { return true }
            let fa = d.features[p.a], fb = d.features[p.b]
            var product = ampOverlap(fa.thetaAmp, fa.psiAux, fb.thetaAmp, fb.psiAux)
            if rung4 { product *= ampOverlap(fa.thetaAmpB, fa.psiAmpB, fb.thetaAmpB, fb.psiAmpB) }
            return product >= p.options.minAmpOverlap
        }

        // Outer grid: θ slowest … ψ (Rung4: θ3 → ψ3 → θ4 → ψ4).
        var cells: [[Double]] = []
        for t3 in thetaAxis {
            for s3 in psiAxis {
                if rung4 {
                    for t4 in thetaAxis { for s4 in psiAxis { cells.append([t3, s3, t4, s4]) } }
                } else {
                    cells.append([t3, s3])
                }
            }
        }
        var trajectory = Trajectory(width: 2 + (rung4 ? 4 : 2) + 1), mask: [Bool] = []
        var bestCell = -1, bestOverall = -1
        for amp in cells {
            var d = p.original
            for (path, value) in zip(ampPaths, amp) { d = try d.withKnob(path, value) }
            // _phi_only_grid_search: A.phi outer, B.phi inner.
            var best: (Double, Double, Double, Bool)?, bestAny: (Double, Double, Double, Bool)?
            for x in inner {
                let da = try d.withKnob(phiA, x)
                for y in inner {
                    let (ov, feasible) = try evaluator.evaluate(try da.withKnob(phiB, y))
                    if feasible, best == nil || ov < best!.2 { best = (x, y, ov, true) }
                    if bestAny == nil || ov < bestAny!.2 { bestAny = (x, y, ov, feasible) }
                }
            }
            let (x, y, ov, innerFeasible) = best ?? bestAny!
            let feasible = innerFeasible && ampFeasible(d)
            trajectory.append([x, y] + amp + [ov])
            mask.append(feasible)
            let k = trajectory.count - 1
            if feasible, bestCell < 0 || ov < trajectory[bestCell].last! { bestCell = k }
            if bestOverall < 0 || ov < trajectory[bestOverall].last! { bestOverall = k }
        }
        let outerBest = bestCell >= 0 ? bestCell : bestOverall
        let outerCount = trajectory.count
        let x0 = Array(trajectory[outerBest].dropLast())

        func evaluate(_ x: [Double]) throws -> (Double, Bool) {
            let d = try p.dictionary(at: x)
            let (ov, feasible) = try evaluator.evaluate(d)
            return (ov, feasible && ampFeasible(d))
        }
        _ = try NelderMead.minimize({ x in
            let (ov, feasible) = try evaluate(x)
            trajectory.append(x + [ov])
            mask.append(feasible)
            return ov + (feasible ? 0 : 1)
        }, x0: x0, maxiter: rung4 ? 400 : 200)

        // Candidates: the outer best (re-checked feasibility), then the best NM record.
        let nmRows = Array(outerCount..<trajectory.count)
        let nmFeasible = nmRows.filter { mask[$0] }
        let pool = nmFeasible.isEmpty ? nmRows : nmFeasible
        var candidates: [([Double], Double, Bool)] = [(x0, trajectory[outerBest].last!, try evaluate(x0).1)]
        if let k = pool.min(by: { trajectory[$0].last! < trajectory[$1].last! }) {
            candidates.append((Array(trajectory[k].dropLast()), trajectory[k].last!, mask[k]))
        }
        let feasibleCandidates = candidates.filter(\.2)
        let chosen = (feasibleCandidates.isEmpty ? candidates : feasibleCandidates)
            .min { $0.1 < $1.1 }!   // first wins on ties
        let values = chosen.0
        let after = try ExperimentRunner.gram(try p.dictionary(at: values)).overlap(p.a, p.b)
        var result = try p.assemble(method: rung4 ? "rung4_joint" : "rung3_joint", values: values,
                                    afterOverlap: after, trajectory: trajectory, mask: mask, warnAtFloor: false)
        result.thetaAmpOptimum = values[2]
        result.psiAuxOptimum = values[3]
        return result
    }

    /// |u(θa, ψa, θb, ψb)|² (polygram-core.md §2.4).
    static func ampOverlap(_ ta: Double, _ pa: Double, _ tb: Double, _ pb: Double) -> Double {
        let re = cos(ta) * cos(tb) + sin(ta) * sin(tb) * cos(pb - pa)
        let im = sin(ta) * sin(tb) * sin(pb - pa)
        return re * re + im * im
    }
}
