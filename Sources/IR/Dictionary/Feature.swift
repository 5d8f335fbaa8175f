/// One dictionary feature (polygram-core.md §1.1). Every number is a Double.
public struct Feature: Hashable, Sendable {
    public var name: String
    public var cluster: String
    public var beta: Double
    public var alpha: Double
    public var gamma: Double
    public var phi: Double
    /// Explicit HEA tensor `[rotation][layer][qubit]`, or nil for the default.
    public var theta: [[[Double]]]?
    public var thetaAmp: Double
    public var psiAux: Double
    public var thetaAmpB: Double
    public var psiAmpB: Double
    /// Rung5 per-amp-qubit pairs (empty means "not given").
    public var ampKnobs: [AmpKnob]
    public var location: SourceLocation?

    /// polygram's default `theta_amp` (π/4, for every encoding).
    public static let defaultThetaAmp = Double.pi / 4

    public init(name: String, cluster: String, beta: Double, alpha: Double = 0, gamma: Double = 0,
                phi: Double = 0, theta: [[[Double]]]? = nil, thetaAmp: Double = Feature.defaultThetaAmp,
                psiAux: Double = 0, thetaAmpB: Double = 0, psiAmpB: Double = 0,
                ampKnobs: [AmpKnob] = [], location: SourceLocation? = nil) {
        self.name = name
        self.cluster = cluster
        self.beta = beta
        self.alpha = alpha
        self.gamma = gamma
        self.phi = phi
        self.theta = theta
        self.thetaAmp = thetaAmp
        self.psiAux = psiAux
        self.thetaAmpB = thetaAmpB
        self.psiAmpB = psiAmpB
        self.ampKnobs = ampKnobs
        self.location = location
    }
}
