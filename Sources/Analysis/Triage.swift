import Foundation
import IR

/// MPSRung1 states (polygram-core.md §2.1) and their overlaps |⟨A|B⟩|².
enum MPSOverlap {
    typealias Amplitudes = [(re: Double, im: Double)]

    /// The 3-qubit state `prepare_concept(α, β, γ, φ)` makes from |000⟩ (q0 = MSB).
    static func state(alpha: Double, beta: Double, gamma: Double, phi: Double) -> Amplitudes {
        var psi: Amplitudes = Array(repeating: (0, 0), count: 8)
        psi[0] = (1, 0)
        ry(&psi, qubit: 0, alpha)
        cnot(&psi, control: 0, target: 1)
        ry(&psi, qubit: 1, alpha + beta)
        rz(&psi, qubit: 1, phi)
        cnot(&psi, control: 1, target: 2)
        ry(&psi, qubit: 2, beta + gamma)
        return psi
    }

    static func state(_ f: Feature, phi: Double? = nil) -> Amplitudes {
        state(alpha: f.alpha, beta: f.beta, gamma: f.gamma, phi: phi ?? f.phi)
    }

    private static func mask(_ qubit: Int) -> Int { 1 << (2 - qubit) }

    private static func ry(_ psi: inout Amplitudes, qubit: Int, _ t: Double) {
        let c = cos(t / 2), s = sin(t / 2), m = mask(qubit)
        for i in 0..<8 where i & m == 0 {
            let a = psi[i], b = psi[i | m]
            psi[i] = (c * a.re - s * b.re, c * a.im - s * b.im)
            psi[i | m] = (s * a.re + c * b.re, s * a.im + c * b.im)
        }
    }

    private static func rz(_ psi: inout Amplitudes, qubit: Int, _ t: Double) {
        let c = cos(t / 2), s = sin(t / 2), m = mask(qubit)
        for i in 0..<8 {
            let a = psi[i]
            // e^{∓it/2}: minus on |0⟩, plus on |1⟩.
            let sign = i & m == 0 ? -s : s
            psi[i] = (a.re * c - a.im * sign, a.re * sign + a.im * c)
        }
    }

    private static func cnot(_ psi: inout Amplitudes, control: Int, target: Int) {
        let cm = mask(control), tm = mask(target)
        for i in 0..<8 where i & cm != 0 && i & tm == 0 {
            psi.swapAt(i, i | tm)
        }
    }

    /// |vdot(a, b)|² as numpy computes it: `vdot` is OpenBLAS `zdotc`, whose
    /// x86-64 kernel sums an 8-element block as four 2-complex accumulators
    /// added pairwise, then lanes; `abs(g)**2` is hypot, then the square.
    /// This order reproduces polygram's overlaps to the last bit.
    static func overlap(_ a: Amplitudes, _ b: Amplitudes) -> Double {
        precondition(a.count == 8 && b.count == 8)
        func lanes(_ term: (Int) -> Double) -> Double {
            let even = (term(0) + term(2)) + (term(4) + term(6))
            let odd = (term(1) + term(3)) + (term(5) + term(7))
            return even + odd
        }
        let rr = lanes { a[$0].re * b[$0].re }, ii = lanes { a[$0].im * b[$0].im }
        let ri = lanes { a[$0].re * b[$0].im }, ir = lanes { a[$0].im * b[$0].re }
        let h = hypot(rr + ii, ri - ir)
        return h * h
    }

    static func overlapMatrix(_ features: [Feature]) throws -> [[Double]] {
        let states = features.map { state($0) }
        return states.map { a in states.map { b in overlap(a, b) } }
    }
}

/// One unordered feature pair's phase-cancellation prediction (polygram-core.md §6.2).
public struct PairPrediction: Hashable, Sendable {
    public var featureA: String
    public var featureB: String
    public var clusterA: String
    public var clusterB: String
    /// |G_ab|² at the dictionary's knobs.
    public var currentOverlap: Double
    /// |G_ab|² at δ = φ_b − φ_a = 0 and at δ = π.
    public var overlapAtZero: Double
    public var overlapAtPi: Double
    /// `M = (m(0) + m(π))/2`, `V = (m(0) − m(π))/2` (signed): |G|² = M + V·cos δ.
    public var M: Double
    public var V: Double
    /// `M − |V|` = min(m(0), m(π)): no φ tuning goes below it.
    public var structuralFloor: Double
    /// `current − floor` (exactly 0 when current ≤ floor).
    public var cancellationGap: Double
    public var isCrossCluster: Bool
    /// What polygram 0.15.0's triage prints as the floor: `min(current, m_pi)`
    /// with `m_pi` from setting φ_b := π absolute (bug #10). Equal to
    /// `structuralFloor` whenever every φ is 0, as on the `analyze` path.
    public var referenceFloor: Double
}

/// `triage_dictionary` / `predict_cancellation_depth`'s prediction.
public struct CancellationPrediction: Hashable, Sendable {
    public var dictionaryName: String
    public var pairs: [PairPrediction]
    /// Mean |V| over the pairs containing each feature, in dictionary order.
    public var featureSensitivity: [(feature: String, cluster: String, value: Double)]
    public var encodingSuitabilityScore: Double

    public static func == (a: CancellationPrediction, b: CancellationPrediction) -> Bool {
        a.dictionaryName == b.dictionaryName && a.pairs == b.pairs
            && a.featureSensitivity.elementsEqual(b.featureSensitivity) { $0 == $1 }
            && a.encodingSuitabilityScore == b.encodingSuitabilityScore
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dictionaryName)
        hasher.combine(pairs)
    }

    /// Pairs whose printed floor differs from polygram 0.15.0's (nonzero φ only).
    public var pairsWithCorrectedFloor: [PairPrediction] {
        pairs.filter { abs($0.structuralFloor - $0.referenceFloor) > 1e-12 }
    }
}

/// Phase-cancellation triage of an MPSRung1 dictionary.
public enum Triage {
    public static func predict(_ dictionary: FeatureDictionary) throws -> CancellationPrediction {
        guard case .mpsRung1 = dictionary.encoding else {
            throw InputError("triage needs an MPSRung1 dictionary; '\(dictionary.name)' uses \(dictionary.encoding.pythonRepr)",
                             at: dictionary.location)
        }
        let features = dictionary.features
        let states = features.map { MPSOverlap.state($0) }
        var pairs: [PairPrediction] = []
        for i in 0..<features.count {
            for j in (i + 1)..<max(i + 1, features.count) {
                let a = features[i], b = features[j]
                let current = MPSOverlap.overlap(states[i], states[j])
                // δ = 0 and δ = π relative to a's phase. With φ_a = φ_b = 0 these
                // are exactly polygram's m_zero and m_pi.
                let atZero = a.phi == b.phi ? current : MPSOverlap.overlap(states[i], MPSOverlap.state(b, phi: a.phi))
                let atPi = MPSOverlap.overlap(states[i], MPSOverlap.state(b, phi: a.phi + .pi))
                let floor = min(atZero, atPi)
                let referencePi = a.phi == 0 ? atPi : MPSOverlap.overlap(states[i], MPSOverlap.state(b, phi: .pi))
                pairs.append(PairPrediction(
                    featureA: a.name, featureB: b.name, clusterA: a.cluster, clusterB: b.cluster,
                    currentOverlap: current, overlapAtZero: atZero, overlapAtPi: atPi,
                    M: 0.5 * (atZero + atPi), V: 0.5 * (atZero - atPi),
                    structuralFloor: floor,
                    cancellationGap: current <= floor ? 0.0 : current - floor,
                    isCrossCluster: a.cluster != b.cluster,
                    referenceFloor: min(current, referencePi)))
            }
        }
        let sensitivity = features.map { f -> (String, String, Double) in
            let mine = pairs.filter { $0.featureA == f.name || $0.featureB == f.name }
            let value = mine.isEmpty ? 0.0 : mine.reduce(0.0) { $0 + abs($1.V) } / Double(mine.count)
            return (f.name, f.cluster, value)
        }
        var score = 0.0
        if !pairs.isEmpty {
            let meanGap = pairs.reduce(0.0) { $0 + $1.cancellationGap } / Double(pairs.count)
            let maxCurrent = pairs.map(\.currentOverlap).max()!
            score = min(max(meanGap * (1 - maxCurrent), 0), 1)
        }
        return CancellationPrediction(dictionaryName: dictionary.name, pairs: pairs,
                                      featureSensitivity: sensitivity.map { (feature: $0.0, cluster: $0.1, value: $0.2) },
                                      encodingSuitabilityScore: score)
    }
}

/// Python `sorted(xs, key=k, reverse=True)`: descending, ties in input order.
func stableSortedDescending<T>(_ items: [T], by key: (T) -> Double) -> [T] {
    items.enumerated().sorted { a, b in
        let ka = key(a.element), kb = key(b.element)
        if ka != kb { return ka > kb }
        return a.offset < b.offset
    }.map(\.element)
}
