import Frontend
import IR

extension FeatureDictionary {
    /// polygram's `with_knob(path, value)` (polygram-core.md §1.3): a copy with
    /// the knob set on one feature, or on every member of a cluster.
    public func withKnob(_ path: KnobPath, _ value: Double) throws -> FeatureDictionary {
        try path.checkEncoding(encoding)
        var copy = self
        for index in try path.targets(in: self) {
            copy.features[index] = copy.features[index].settingKnob(path.kind, value, encoding: encoding)
        }
        return copy
    }
}

extension Feature {
    /// One feature's part of `with_knob`: the field the knob names set to
    /// `value` (the path already checked against `encoding`).
    func settingKnob(_ kind: KnobPath.Kind, _ value: Double, encoding: Encoding) -> Feature {
        var feature = self
        switch kind {
        case .phi: feature.phi = value
        case .thetaAmp: feature.thetaAmp = value
        case .psiAux: feature.psiAux = value
        case .thetaAmpB: feature.thetaAmpB = value
        case .psiAmpB: feature.psiAmpB = value
        case .theta(let r, let d, let q):
            guard case .heaRung2(let parameters) = encoding else { break }
            var tensor = Lowering.effectiveTheta(feature, parameters)
            tensor[r][d][q] = value
            feature.theta = tensor
        case .ampKnobTheta(let i), .ampKnobPsi(let i):
            guard case .rung5(let k) = encoding else { break }
            if feature.ampKnobs.isEmpty { feature.ampKnobs = Array(repeating: AmpKnob(theta: 0, psi: 0), count: k) }
            if case .ampKnobTheta = kind { feature.ampKnobs[i].theta = value } else { feature.ampKnobs[i].psi = value }
        }
        return feature
    }
}
