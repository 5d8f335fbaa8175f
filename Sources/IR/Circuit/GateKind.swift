/// Every gate the effect language names (qorca-language.md §3.2).
public enum GateKind: String, CaseIterable, Hashable, Sendable {
    case H, X, Y, Z, S, T, I
    case Rx, Ry, Rz
    case CNOT, CZ, SWAP
    case CRx, CRy, CRz, RXX, RYY, RZZ
    case CCNOT, CCZ, CSWAP, MCX, MCZ
    /// A name the language does not know (`SDG`, `RESET`, …): kept, never simulated.
    case custom

    /// Whether the gate takes a rotation angle.
    public var isParameterized: Bool {
        switch self {
        case .Rx, .Ry, .Rz, .CRx, .CRy, .CRz, .RXX, .RYY, .RZZ: return true
        default: return false
        }
    }

    /// Kinds q-orca's static check knows to be unitary.
    public var isKnownUnitary: Bool { self != .custom && self != .I }
}
