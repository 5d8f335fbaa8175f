extension Gate: CustomStringConvertible {
    /// Canonical effect-language text, e.g. `Ry(qs[1], a + b)`, `CNOT(qs[0], qs[1])`.
    public var description: String {
        // H on several qubits only exists as `Hadamard(qs[i j k])`.
        if kind == .H, controls.isEmpty, targets.count > 1 {
            return "Hadamard(\(register)[\(targets.map(\.description).joinedText(" "))])"
        }
        let operands = (controls + targets).map { "\(register)[\($0)]" }
        var arguments = operands
        if let angle { arguments.append(angle.description) }
        return "\(name)(\(arguments.joinedText(", ")))"
    }
}

/// Prints an effect as `gate; gate; …`.
public func effectText(_ gates: [Gate]) -> String {
    gates.map(\.description).joinedText("; ")
}
