/// Dictionary → machine IR: the machine polygram would emit for it.
public enum Lowering {
    public static func machine(for dictionary: FeatureDictionary) throws -> Machine {
        switch dictionary.encoding {
        case .mpsRung1, .rung3, .rung4, .rung5:
            return try MPSFamilyLowering.lower(dictionary)
        case .heaRung2(let parameters):
            return try HEALowering.lower(dictionary, parameters)
        }
    }

    /// The HEA tensor a feature is emitted with: its explicit `theta`, or
    /// polygram's default synthesised from (α, β, γ, φ) (polygram-core.md §2.3).
    public static func effectiveTheta(_ feature: Feature, _ parameters: HEAParameters) -> [[[Double]]] {
        HEALowering.effectiveTheta(feature, parameters)
    }

    /// `prepare_concept`, the MPS-family concept action (the bond-2 staircase
    /// with the phase knob on q1), shared by lowering and direct simulation.
    public static var prepareConcept: ActionDecl { MPSFamilyLowering.prepareConcept }
}
