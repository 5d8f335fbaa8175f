import Frontend

/// What a sweep produced (polygram's `ExperimentResult`), flat in row-major order.
public struct ExperimentResult {
    public var experiment: ExperimentSpec
    public var dictionaryName: String
    public var featureCount: Int
    public var clusterCount: Int
    public var overlaps: [Double]
    public var tierSelf: [Double]
    public var tierSibling: [Double]
    public var tierCrossCluster: [Double]
    /// nil when every cluster of the hierarchy has exactly one member.
    public var tierSeparation: [Double]?
    /// Requested assertions in polygram's result order, one bool per point.
    public var assertions: [(ExperimentAssertion, [Bool])]

    /// Fills `assertions` from the per-point checks, in polygram's result order.
    mutating func recordAssertions(ordering: [Bool], bound: [Bool], endpointOverlap: Double) {
        for assertion in ExperimentAssertion.resultOrder where experiment.assertions.contains(assertion) {
            switch assertion {
            case .hierarchicalOrderingPreserved: assertions.append((assertion, ordering))
            case .conceptGramTierSeparationBoundHolds: assertions.append((assertion, bound))
            case .targetPairDestructiveAtEndpoint:
                assertions.append((assertion, Array(repeating: endpointOverlap < 0.1, count: overlaps.count)))
            }
        }
    }
}
