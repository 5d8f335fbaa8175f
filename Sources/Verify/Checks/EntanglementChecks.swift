import IR

/// Stage 4 static entanglement checks under the `entanglement` rule.
///
/// q-orca calls any `(|a> ± |b>)/√2` expression entangled, so the product
/// state `(|00> + |10>)/√2` draws a spurious warning (qorca-language.md §9
/// #14). polygramc counts a two-term ket sum as entangled only when the two
/// basis states differ in at least two qubits, which is exactly when the
/// equal superposition is not a product state (docs/divergences.md #7).
enum EntanglementPattern {
    static func isEntangled(_ text: String) -> Bool {
        if mentionsEntanglement(text) { return true }
        return ketSums(in: text).contains { a, b in
            let a = Array(a), b = Array(b)
            return a.count == b.count && zip(a, b).filter { $0 != $1 }.count >= 2
        }
    }

    /// `bell|ghz|epr|entangl`, case-insensitive, anywhere.
    static func mentionsEntanglement(_ text: String) -> Bool {
        ["bell", "ghz", "epr", "entangl"].contains { text.containsIgnoringASCIICase($0) }
    }

    /// The kets of every match of `\(?\s*\|(\d+)>\s*[+\-]\s*\|(\d+)>\s*\)?\s*/\s*√?2`
    /// (leftmost first, non-overlapping, as ICU's `matches(in:range:)`).
    static func ketSums(in text: String) -> [(String, String)] {
        var s = TextScanner(text)
        var found: [(String, String)] = []
        var start = 0
        while start < s.characters.count {
            s.position = start
            if let kets = ketSum(&s) {
                found.append(kets)
                start = s.position
            } else {
                start += 1
            }
        }
        return found
    }

    /// One ket sum at the scanner's position. Each optional element is taken
    /// when present: without it the element after could not match either.
    private static func ketSum(_ s: inout TextScanner<Character>) -> (String, String)? {
        _ = s.literal("(")
        guard s.skipWhitespace(), s.literal("|"), let a = s.digits(), s.literal(">"), s.skipWhitespace(),
              s.consume(where: { $0 == "+" || $0 == "-" }), s.skipWhitespace(),
              s.literal("|"), let b = s.digits(), s.literal(">"), s.skipWhitespace() else { return nil }
        _ = s.literal(")")
        guard s.skipWhitespace(), s.literal("/"), s.skipWhitespace() else { return nil }
        _ = s.literal("√")
        return s.literal("2") ? (a, b) : nil
    }
}

public enum NoEntanglementCheck: MachineCheck {
    public static let code = "NO_ENTANGLEMENT"
    public static let summary = "The entanglement rule is declared but no state is entangled."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        guard machine.verificationRules.contains(where: { $0.kind == "entanglement" }) else { return [] }
        let any = machine.states.contains { state in
            EntanglementPattern.isEntangled(state.expression ?? "") || EntanglementPattern.isEntangled(state.name)
        }
        guard !any else { return [] }
        let rule = machine.verificationRules.first { $0.kind == "entanglement" }
        return [Diagnostic(code, .warning, "Entanglement verification rule specified but no entangled states found",
                           at: rule?.location)]
    }
}

public enum EntanglementWithoutGateCheck: MachineCheck {
    public static let code = "ENTANGLEMENT_WITHOUT_GATE"
    public static let summary = "A state declared entangled is reached by no entangling gate (CNOT, CZ, SWAP, CSWAP)."
    static let entangling: Set<GateKind> = [.CNOT, .CZ, .SWAP, .CSWAP]

    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        guard machine.verificationRules.contains(where: { $0.kind == "entanglement" }) else { return [] }
        return machine.states.compactMap { state in
            guard let expression = state.expression, EntanglementPattern.isEntangled(expression) else { return nil }
            let reached = (analysis.incoming[state.name] ?? []).contains { t in
                guard let kind = t.action.flatMap({ machine.action(named: $0.name) })?.firstGate?.kind else { return false }
                return entangling.contains(kind)
            }
            return reached ? nil : Diagnostic(code, .warning,
                "State '\(state.name)' is declared as entangled but no entangling gate (CNOT, CZ, etc.) leads to it",
                at: state.location, suggestion: "Add a transition with a CNOT or other entangling gate action")
        }
    }
}
