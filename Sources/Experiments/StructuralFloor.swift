import Foundation
import IR

/// The MPSRung1 structural floor of a pair (polygram-core.md §2.1, §5.2):
/// |⟨A|B⟩|² = M + V·cos δ with δ = φ_B − φ_A, so the least overlap any phase
/// search can reach is M − |V|. Only α, β, γ enter, so it is also the MPS floor
/// polygram reports for Rung3/4/5 features.
public struct StructuralFloor: Sendable {
    public var m: Double
    public var v: Double

    public init(_ a: Feature, _ b: Feature) {
        let sA = a.alpha + a.beta, sB = b.alpha + b.beta
        let tA = a.beta + a.gamma, tB = b.beta + b.gamma
        let cA = cos(a.alpha / 2), snA = sin(a.alpha / 2)
        let cB = cos(b.alpha / 2), snB = sin(b.alpha / 2)
        let k = cos((tA - tB) / 2)
        let c0 = k * (cA * cB * cos(sA / 2) * cos(sB / 2) + snA * snB * sin(sA / 2) * sin(sB / 2))
        let c1 = k * (cA * cB * sin(sA / 2) * sin(sB / 2) + snA * snB * cos(sA / 2) * cos(sB / 2))
        m = c0 * c0 + c1 * c1
        v = 2 * c0 * c1
    }

    /// min over δ of M + V·cos δ.
    public var floor: Double { m - abs(v) }

    /// |⟨A|B⟩|² at phase difference δ.
    public func overlap(delta: Double) -> Double { m + v * cos(delta) }
}
