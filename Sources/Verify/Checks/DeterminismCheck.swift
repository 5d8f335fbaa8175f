import IR

/// Stage 3 (qorca-language.md §6.4): one (source, event) pair must not lead to
/// two unguarded transitions; guarded alternatives should be exclusive.
public enum NonDeterministicCheck: MachineCheck {
    public static let code = "NON_DETERMINISTIC"
    public static let summary = "A state has several unguarded transitions for the same event."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        groups(machine).compactMap { group in
            let unguarded = group.filter { $0.guardRef == nil }
            guard unguarded.count > 1 else { return nil }
            return Diagnostic(code, .error,
                              "State '\(group[0].source)' has \(unguarded.count) unguarded transitions for event '\(group[0].event)'",
                              at: unguarded[1].location)
        }
    }

    /// Transitions grouped by (source, event), groups of size > 1, first-appearance order.
    static func groups(_ machine: Machine) -> [[Transition]] {
        var order: [String] = []
        var byKey: [String: [Transition]] = [:]
        for t in machine.transitions {
            let key = t.source + "\u{0}" + t.event
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(t)
        }
        return order.compactMap { byKey[$0]!.count > 1 ? byKey[$0] : nil }
    }
}

public enum GuardOverlapCheck: MachineCheck {
    public static let code = "GUARD_OVERLAP"
    public static let summary = "Guarded transitions for one event are not provably mutually exclusive."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        // A group needs two guarded transitions: without guards there is nothing to group.
        guard machine.transitions.contains(where: { $0.guardRef != nil }) else { return [] }
        return NonDeterministicCheck.groups(machine).compactMap { group in
            let guards = group.compactMap(\.guardRef)
            guard guards.count >= 2, !provablyExclusive(guards, definitions: machine.guards) else { return nil }
            let names = guards.map { ($0.negated ? "!" : "") + $0.name }.joinedText(", ")
            return Diagnostic(code, .warning,
                              "State '\(group[0].source)' guards for event '\(group[0].event)' may overlap: \(names)",
                              at: group[0].location)
        }
    }

    /// q-orca's four proofs: the same name with opposite negation; names
    /// `x == A` / `x == B` with A ≠ B; definitions `path == A` / `path == B`;
    /// or probability/fidelity definitions whose values (1 − p when negated)
    /// sum to 1 within 0.001.
    static func provablyExclusive(_ guards: [GuardRef], definitions: [GuardDecl]) -> Bool {
        let condition = { (ref: GuardRef) in definitions.last { $0.name == ref.name }?.condition }
        for (i, a) in guards.enumerated() {
            for b in guards[(i + 1)...] {
                if a.name == b.name && a.negated != b.negated { return true }
                if let (xa, va) = equality(a.name), let (xb, vb) = equality(b.name), xa == xb, va != vb { return true }
                if case .compare(let pa, "==", let va)? = condition(a), case .compare(let pb, "==", let vb)? = condition(b),
                   pa == pb, va != vb { return true }
            }
        }
        var total = 0.0
        for ref in guards {
            switch condition(ref) {
            case .probability(_, let p)?: total += ref.negated ? 1 - p : p
            case .fidelity(_, _, _, let p)?: total += ref.negated ? 1 - p : p
            default: return false
            }
        }
        return abs(total - 1) <= 0.001
    }

    private static func equality(_ name: String) -> (String, String)? {
        let parts = name.components(separatedBy: "==")
        guard parts.count == 2 else { return nil }
        let lhs = parts[0].trimmingSpaces, rhs = parts[1].trimmingSpaces
        guard !lhs.isEmpty, !rhs.isEmpty else { return nil }
        return (lhs, rhs)
    }
}
