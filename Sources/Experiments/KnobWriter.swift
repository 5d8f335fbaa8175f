import Frontend
import IR

extension FeatureDictionary {
    /// polygram's `with_knob(path, value)` (polygram-core.md §1.3): a copy with
    /// the knob set on one feature, or on every member of a cluster.
    public func withKnob(_ path: KnobPath, _ value: Double) throws -> FeatureDictionary {
        try path.checkEncoding(encoding)
        var copy = self
        for index in try path.targets(in: self) {
            var feature = copy.features[index]
            switch path.kind {
            case .phi: feature.phi = value
            case .thetaAmp: feature.thetaAmp = value
            case .psiAux: feature.psiAux = value
            case .thetaAmpB: feature.thetaAmpB = value
            case .psiAmpB: feature.psiAmpB = value
            case .theta(let r, let d, let q):
                guard case .heaRung2(let parameters) = encoding else { continue }
                var tensor = Lowering.effectiveTheta(feature, parameters)
                tensor[r][d][q] = value
                feature.theta = tensor
            case .ampKnobTheta(let i), .ampKnobPsi(let i):
                guard case .rung5(let k) = encoding else { continue }
                if feature.ampKnobs.isEmpty { feature.ampKnobs = Array(repeating: AmpKnob(theta: 0, psi: 0), count: k) }
                if case .ampKnobTheta = path.kind { feature.ampKnobs[i].theta = value } else { feature.ampKnobs[i].psi = value }
            }
            copy.features[index] = feature
        }
        return copy
    }
}
