import Foundation
import IR

/// `Dictionary.gram()` for the MPS family (polygram-pipeline.md §3.9,
/// polygram-core.md §2.4–2.6): `G_ij = ⟨ψ_i|ψ_j⟩` of the 3-qubit MPSRung1
/// state times the amp-branch overlap factor (Rung3/4/5).
public struct DictionaryGram: Sendable {
    public var real: [[Double]]
    public var imag: [[Double]]
    /// |G_ij|².
    public var abs2: [[Double]]

    public static func compute(_ dictionary: FeatureDictionary) throws -> DictionaryGram {
        let encoding = dictionary.encoding
        if case .heaRung2 = encoding {
            throw PolygramError.notImplemented("the HEA_Rung2 Gram is not available on the from_sae_lens path")
        }
        let features = dictionary.features
        let states = features.map { MPSOverlap.state($0) }
        let n = features.count
        var re = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var im = re, a2 = re
        for i in 0..<n {
            for j in 0..<n {
                var g = (re: 0.0, im: 0.0)
                for k in 0..<8 {
                    let a = states[i][k], b = states[j][k]
                    g.re += a.re * b.re + a.im * b.im
                    g.im += a.re * b.im - a.im * b.re
                }
                let fi = features[i], fj = features[j]
                switch encoding {
                case .rung3:
                    g = mul(g, amp(fi.thetaAmp, fi.psiAux, fj.thetaAmp, fj.psiAux))
                case .rung4:
                    g = mul(g, amp(fi.thetaAmp, fi.psiAux, fj.thetaAmp, fj.psiAux))
                    g = mul(g, amp(fi.thetaAmpB, fi.psiAmpB, fj.thetaAmpB, fj.psiAmpB))
                case .rung5(let k):
                    let ka = fi.ampKnobs.isEmpty ? [AmpKnob](repeating: AmpKnob(theta: 0, psi: 0), count: k) : fi.ampKnobs
                    let kb = fj.ampKnobs.isEmpty ? [AmpKnob](repeating: AmpKnob(theta: 0, psi: 0), count: k) : fj.ampKnobs
                    guard ka.count == kb.count else {
                        throw PolygramError.value("rung5_amp_overlap: amp_a and amp_b must have the same length; "
                                                  + "got \(ka.count) and \(kb.count)")
                    }
                    for (x, y) in zip(ka, kb) { g = mul(g, amp(x.theta, x.psi, y.theta, y.psi)) }
                case .mpsRung1, .heaRung2:
                    break
                }
                re[i][j] = g.re
                im[i][j] = g.im
                let h = hypot(g.re, g.im)
                a2[i][j] = h * h
            }
        }
        return DictionaryGram(real: re, imag: im, abs2: a2)
    }

    /// `u(θa, ψa, θb, ψb) = cos θa cos θb + e^{i(ψb−ψa)} sin θa sin θb`.
    static func amp(_ ta: Double, _ pa: Double, _ tb: Double, _ pb: Double) -> (re: Double, im: Double) {
        let s = sin(ta) * sin(tb)
        return (cos(ta) * cos(tb) + s * cos(pb - pa), s * sin(pb - pa))
    }

    private static func mul(_ a: (re: Double, im: Double), _ b: (re: Double, im: Double)) -> (re: Double, im: Double) {
        (a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
}
