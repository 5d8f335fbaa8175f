import Frontend
import IR
import Simulate

/// What a cancellation produced (polygram's `CancellationResult`, polygram-core.md §5.7).
public struct CancellationResult {
    /// The spec that was run, with the knob list it resolved to.
    public var spec: CancellationSpec
    /// `grid` (polygram also has `scipy`, `rung3_joint`, `rung4_joint`, `rung5_joint`).
    public var method: String
    /// Knob paths as written (or polygram's default `[A.phi, B.phi]`), in search order.
    public var knobs: [String]
    public var beforeGram: GramMatrix
    public var afterGram: GramMatrix
    public var beforeOverlap: Double
    public var afterOverlap: Double
    /// The MPS closed form M − |V| (polygram-core.md §2.1); nil when undefined (HEA, other knob lists).
    public var structuralFloor: Double?
    /// nil when undefined (no floor, or no gap between start and floor).
    public var efficiency: Double?
    public var atStructuralFloor: Bool
    /// `after_overlap < tolerance` (strict).
    public var toleranceMet: Bool
    /// One row per evaluation: knob values then the target overlap.
    public var trajectory: Trajectory
    public var feasibleMask: [Bool]
    /// The knob values of the chosen row, in knob order.
    public var optimizedValues: [Double]
    /// The original dictionary with the optimum written, renamed `{name}_at_optimum`.
    public var dictionaryAtOptimum: FeatureDictionary
    /// Warnings polygram would print (`UserWarning`s), verbatim.
    public var warnings: [String]
    /// Joint optimizers only: the chosen amp knobs of B (NaN otherwise).
    public var thetaAmpOptimum: Double = .nan
    public var psiAuxOptimum: Double = .nan

    public var feasibleCount: Int { feasibleMask.filter { $0 }.count }
    public var evaluations: Int { trajectory.count }
    /// (knob path text, value) in knob order.
    public var optimizedKnobs: [(String, Double)] { Array(zip(knobs, optimizedValues)) }
    public var targetPair: [String] { spec.targetPair }
}

/// polygram's remaining `Cancellation` arguments (polygram-core.md §5.1), with
/// `CancellationConfig` defaults.
public struct CancellationOptions: Sendable {
    /// Knob-path texts (polygram's `knobs=`); nil means the encoding's default
    /// (`[A.phi, B.phi]`, or the canonical Rung3/Rung4 list).
    public var knobs: [String]?
    /// Rung3/Rung4 outer amp grid: (θ points, ψ points).
    public var gridOuter: (Int, Int)
    /// Rung3/Rung4: cells and points whose amp overlap with A falls below this are infeasible.
    public var minAmpOverlap: Double

    public init(knobs: [String]? = nil, gridOuter: (Int, Int) = (5, 5), minAmpOverlap: Double = 0) {
        self.knobs = knobs
        self.gridOuter = gridOuter
        self.minAmpOverlap = minAmpOverlap
    }

    /// The options a spec's `cancellations:` entry gives (`knobs`, `grid_outer`, `min_amp_overlap`).
    public init(spec: CancellationSpec) {
        let outer = spec.gridOuter.map { ($0[0], $0[1]) } ?? (5, 5)
        self.init(knobs: spec.knobs, gridOuter: outer, minAmpOverlap: spec.minAmpOverlap ?? 0)
    }
}
