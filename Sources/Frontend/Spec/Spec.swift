import IR

/// A spec file (docs: /work/shared/spec/README.md §1): one dictionary, plus
/// the experiments and cancellations to run on it.
public struct Spec: Hashable, Sendable {
    public var dictionary: FeatureDictionary
    public var experiments: [ExperimentSpec]
    public var cancellations: [CancellationSpec]
    /// The file name used in every `SourceLocation` of this spec.
    public var file: String

    public init(dictionary: FeatureDictionary, experiments: [ExperimentSpec] = [],
                cancellations: [CancellationSpec] = [], file: String) {
        self.dictionary = dictionary
        self.experiments = experiments
        self.cancellations = cancellations
        self.file = file
    }
}

/// What an experiment reports (polygram-core.md §4.1). Validation-only in
/// polygram: everything is always computed.
public enum ExperimentMeasure: String, Hashable, Sendable, CaseIterable {
    case overlap
    case gramMatrix = "gram_matrix"
    case schmidtRank = "schmidt_rank"
}

/// Per-point assertions (polygram-core.md §4.4). `allCases` is polygram's
/// `supported` tuple order (used in messages); results use `resultOrder`.
public enum ExperimentAssertion: String, Hashable, Sendable, CaseIterable {
    case hierarchicalOrderingPreserved = "hierarchical_ordering_preserved"
    case targetPairDestructiveAtEndpoint = "target_pair_destructive_at_endpoint"
    case conceptGramTierSeparationBoundHolds = "concept_gram_tier_separation_bound_holds"

    /// The fixed key order of polygram's result dictionary, whatever the request order.
    public static let resultOrder: [ExperimentAssertion] = [
        .hierarchicalOrderingPreserved, .conceptGramTierSeparationBoundHolds, .targetPairDestructiveAtEndpoint,
    ]
}

/// One sweep axis: a knob path and its values, in file order.
public struct SweepAxis: Hashable, Sendable {
    public var path: KnobPath
    /// The key exactly as written (polygram uses it verbatim in CSV headers).
    public var key: String
    public var values: [Double]
    public var location: SourceLocation?

    public init(path: KnobPath, key: String? = nil, values: [Double], location: SourceLocation? = nil) {
        self.path = path
        self.key = key ?? path.description
        self.values = values
        self.location = location
    }
}

/// polygram's `Experiment(name, dictionary, target_pair, sweep, measures, assertions, seed)`.
public struct ExperimentSpec: Hashable, Sendable {
    public var name: String
    /// Exactly two feature names.
    public var targetPair: [String]
    /// Ordered axes; the grid is their Cartesian product, first axis slowest.
    public var sweep: [SweepAxis]
    public var measures: [ExperimentMeasure]
    /// As requested (duplicates and order kept); result order is `ExperimentAssertion.allCases`.
    public var assertions: [ExperimentAssertion]
    /// Echoed into summaries and runners only (polygram's default 0).
    public var seed: Int
    public var location: SourceLocation?

    public static let defaultMeasures: [ExperimentMeasure] = [.overlap, .gramMatrix]

    public init(name: String, targetPair: [String], sweep: [SweepAxis] = [],
                measures: [ExperimentMeasure] = ExperimentSpec.defaultMeasures,
                assertions: [ExperimentAssertion] = [], seed: Int = 0, location: SourceLocation? = nil) {
        self.name = name
        self.targetPair = targetPair
        self.sweep = sweep
        self.measures = measures
        self.assertions = assertions
        self.seed = seed
        self.location = location
    }
}

/// `optimize` of a cancellation (polygram's `CancellationConfig.optimize`).
public struct OptimizeSpec: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable, CaseIterable { case grid, scipy }
    public var method: Method
    /// Grid resolution per knob (grid) or `maxiter` (scipy).
    public var maxSteps: Int

    public init(method: Method = .grid, maxSteps: Int = 50) {
        self.method = method
        self.maxSteps = maxSteps
    }
}

/// polygram's `Cancellation(dictionary, target_pair, tolerance, preserve_tiers, optimize)`
/// with `CancellationConfig` defaults (polygram-core.md §5.1).
public struct CancellationSpec: Hashable, Sendable {
    /// Exactly two feature names (A, B).
    public var targetPair: [String]
    public var tolerance: Double
    public var preserveTiers: Bool
    public var optimize: OptimizeSpec
    /// polygram's `knobs=`: knob-path texts; nil means the encoding's default list.
    public var knobs: [String]?
    /// Rung3/Rung4 outer amp grid (θ points, ψ points); nil means (5, 5).
    public var gridOuter: [Int]?
    /// Rung3/Rung4 minimum amp overlap with A; nil means 0.
    public var minAmpOverlap: Double?
    public var location: SourceLocation?

    public static let defaultTolerance = 0.05
    public static let defaultPreserveTiers = true

    public init(targetPair: [String], tolerance: Double = CancellationSpec.defaultTolerance,
                preserveTiers: Bool = CancellationSpec.defaultPreserveTiers,
                optimize: OptimizeSpec = OptimizeSpec(), location: SourceLocation? = nil) {
        self.targetPair = targetPair
        self.tolerance = tolerance
        self.preserveTiers = preserveTiers
        self.optimize = optimize
        self.location = location
    }
}

/// A dictionary whose features come from an SAE (`dictionary: {sae: …}`)
/// instead of a `features:` list. polygramc's command line resolves it with
/// the SAE import of module Analysis.
public struct SAESource: Hashable, Sendable {
    /// Checkpoint (`.safetensors`) or toy-SAE JSON, resolved against the spec's folder.
    public var path: String
    public var featureIDs: [Int]
    public var assignGamma: Bool
    public var nClusters: Int?
    /// The spec's encoding: the import assigns its phase and amp knobs.
    public var encoding: Encoding
    public var location: SourceLocation?

    public init(path: String, featureIDs: [Int], assignGamma: Bool = false, nClusters: Int? = nil,
                encoding: Encoding = .mpsRung1(phaseKnobs: true), location: SourceLocation? = nil) {
        self.path = path
        self.featureIDs = featureIDs
        self.assignGamma = assignGamma
        self.nClusters = nClusters
        self.encoding = encoding
        self.location = location
    }
}

/// Turns an SAE source into features and hierarchy (a dictionary whose name
/// and encoding the spec then sets).
public typealias SAEResolver = (SAESource) throws -> FeatureDictionary
