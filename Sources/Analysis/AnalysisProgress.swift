/// Progress of a long SAE stage: `(stage, done, total)`, called from the
/// working thread after each step (the full-width load, k-means iterations,
/// pair-graph and fidelity block pairs, block formation, per-block work).
/// Callers decide whether to show it (the CLI does on a terminal only).
public typealias AnalysisProgress = @Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void
