/// One amplitude-branch knob pair `(theta, psi)`: the state
/// cos θ|0…⟩ + e^{iψ} sin θ|1…⟩ on its amp qubit(s) (polygram-core.md §2.4).
public struct AmpKnob: Hashable, Sendable {
    public var theta: Double
    public var psi: Double

    public init(theta: Double, psi: Double) {
        self.theta = theta
        self.psi = psi
    }
}
