import Foundation
import IR

/// `|G_ij|²` of a dictionary's Gram (`DictionaryGram`) one pair at a time, from
/// per-feature data computed once: the 3-qubit MPS state, and for Rung3/4/5
/// each amp branch as the 2-vector a = (cos θ, e^{iψ} sin θ), whose overlap
/// ⟨a_i|a_j⟩ is `DictionaryGram.amp`. So |G_ij|² = |⟨ψ_i|ψ_j⟩|² · Π |⟨a_i|a_j⟩|²
/// with O(N) memory, for statistics over all pairs of a full-width SAE.
struct EncodedOverlap {
    let count: Int
    /// Amplitudes, feature-major: `re[8 i + k]`, `im[8 i + k]`.
    private let re: [Double], im: [Double]
    /// Amp branches per feature.
    private let branches: Int
    /// Per feature and branch: (cos θ, sin θ cos ψ, sin θ sin ψ).
    private let amps: [Double]

    init(_ dictionary: FeatureDictionary) throws {
        let features = dictionary.features
        if case .heaRung2 = dictionary.encoding {
            throw PolygramError.notImplemented("the HEA_Rung2 Gram is not available on the from_sae_lens path")
        }
        count = features.count
        var re = [Double](), im = [Double]()
        re.reserveCapacity(8 * count)
        im.reserveCapacity(8 * count)
        for f in features {
            for a in MPSOverlap.state(f) {
                re.append(a.re)
                im.append(a.im)
            }
        }
        self.re = re
        self.im = im
        let knobs: [[(theta: Double, psi: Double)]]
        switch dictionary.encoding {
        case .rung3:
            knobs = features.map { [($0.thetaAmp, $0.psiAux)] }
        case .rung4:
            knobs = features.map { [($0.thetaAmp, $0.psiAux), ($0.thetaAmpB, $0.psiAmpB)] }
        case .rung5(let k):
            knobs = features.map { f in
                f.ampKnobs.isEmpty ? Array(repeating: (0, 0), count: k) : f.ampKnobs.map { ($0.theta, $0.psi) }
            }
            // DictionaryGram's per-pair check, reported for the first pair it would meet.
            if let first = knobs.first, let other = knobs.first(where: { $0.count != first.count }) {
                throw PolygramError.value("rung5_amp_overlap: amp_a and amp_b must have the same length; "
                                          + "got \(first.count) and \(other.count)")
            }
        case .mpsRung1, .heaRung2:
            knobs = features.map { _ in [] }
        }
        branches = knobs.first?.count ?? 0
        amps = knobs.flatMap { $0.flatMap { [cos($0.theta), sin($0.theta) * cos($0.psi), sin($0.theta) * sin($0.psi)] } }
    }

    /// `|G_ij|²`.
    func abs2(_ i: Int, _ j: Int) -> Double {
        var value = 0.0
        abs2(row: i, columns: j..<(j + 1), into: &value)
        return value
    }

    /// `out[t] = |G_i,(j0+t)|²` for j in `columns`: row i's amplitudes are loaded
    /// once and each overlap is one 8-lane product (the lane sum is not in
    /// index order, so values can differ from `DictionaryGram`'s in the last bit).
    func abs2(row i: Int, columns: Range<Int>, into out: UnsafeMutablePointer<Double>) {
        typealias Lanes = SIMD8<Double>
        re.withUnsafeBufferPointer { re in
            im.withUnsafeBufferPointer { im in
                func load(_ p: UnsafeBufferPointer<Double>, _ row: Int) -> Lanes {
                    UnsafeRawPointer(p.baseAddress! + 8 * row).loadUnaligned(as: Lanes.self)
                }
                let ar = load(re, i), ai = load(im, i)
                for (t, j) in columns.enumerated() {
                    let br = load(re, j), bi = load(im, j)
                    // conj(ψ_i) ψ_j
                    let gr = (ar * br + ai * bi).sum(), gi = (ar * bi - ai * br).sum()
                    out[t] = gr * gr + gi * gi
                }
            }
        }
        guard branches > 0 else { return }
        amps.withUnsafeBufferPointer { amps in
            for (t, j) in columns.enumerated() {
                var factor = 1.0
                for m in 0..<branches {
                    let p = 3 * (i * branches + m), q = 3 * (j * branches + m)
                    let ar = amps[p] * amps[q] + amps[p + 1] * amps[q + 1] + amps[p + 2] * amps[q + 2]
                    let ai = amps[p + 1] * amps[q + 2] - amps[p + 2] * amps[q + 1]
                    factor *= ar * ar + ai * ai
                }
                out[t] *= factor
            }
        }
    }
}
