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
}
