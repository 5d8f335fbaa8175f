import IR

extension MachineBuilder {
    /// `## invariants` (§2.11). Items no form matches are kept as `.unrecognized`.
    func invariants(_ list: BulletList) throws -> [Invariant] {
        var result: [Invariant] = []
        for item in list.items {
            let text = item.text.trimmed
            guard !text.isEmpty else { continue }
            let location = source.location(line: item.line, column: item.column)
            let kind: Invariant.Kind
            if let m = InvariantForms.entanglement(text), let i = Int(m.0), let j = Int(m.1) {
                kind = .entanglement(i, j)
            } else if let m = InvariantForms.schmidtRank(text), let i = Int(m.0), let j = Int(m.1),
                      let op = comparison(m.op), let value = Int(m.value) {
                kind = .schmidtRank(i, j, op, value)
            } else if let m = InvariantForms.resource(text), let op = comparison(m.op), let value = Int(m.value) {
                kind = .resource(metric: m.metric, op, value)
            } else if let m = InvariantForms.tierSeparation(text), let op = comparison(m.op),
                      let value = Double(m.value) {
                guard value >= 0, value <= 1 else {
                    throw InputError("invariant_value_out_of_range: concept_gram_tier_separation value "
                                     + "\(PythonFloat.repr(value)) is outside [0, 1]", at: location)
                }
                kind = .tierSeparation(op, value)
            } else {
                kind = .unrecognized
            }
            result.append(Invariant(kind: kind, text: text, location: location))
        }
        return result
    }

    private func comparison(_ text: String) -> ComparisonOperator? {
        text == "=" ? .eq : ComparisonOperator(rawValue: text)
    }
}

/// The invariant forms, each a scanner for the regex in its doc comment.
enum InvariantForms {
    /// `^entanglement\(\s*q(\d+)\s*,\s*q(\d+)\s*\)\s*=\s*True`, case-insensitive, prefix match.
    static func entanglement(_ text: String) -> (String, String)? {
        var s = TextScanner(text)
        guard s.literal("entanglement(", ignoringCase: true), let (i, j) = qubitPair(&s), s.skipWhitespace(),
              s.literal("="), s.skipWhitespace(), s.literal("true", ignoringCase: true) else { return nil }
        return (i, j)
    }

    /// `^schmidt_rank\(\s*q(\d+)\s*,\s*q(\d+)\s*\)\s*(>=|>|<=|<|==)\s*(\d+)`, case-insensitive, prefix match.
    static func schmidtRank(_ text: String) -> (String, String, op: String, value: String)? {
        var s = TextScanner(text)
        guard s.literal("schmidt_rank(", ignoringCase: true), let (i, j) = qubitPair(&s), s.skipWhitespace(),
              let op = s.oneOf([">=", ">", "<=", "<", "=="]), s.skipWhitespace(), let value = s.digits()
        else { return nil }
        return (i, j, op, value)
    }

    /// `^(gate_count|depth|cx_count|t_count|logical_qubits)\s*(>=|<=|==|=|<|>)\s*(\d+)\s*$`, whole match.
    static func resource(_ text: String) -> (metric: String, op: String, value: String)? {
        var s = TextScanner(text)
        guard let metric = s.oneOf(["gate_count", "depth", "cx_count", "t_count", "logical_qubits"]),
              s.skipWhitespace(), let op = s.oneOf(comparisonOperators), s.skipWhitespace(),
              let value = s.digits(), s.skipWhitespace(), s.isAtEnd else { return nil }
        return (metric, op, value)
    }

    /// `^concept_gram_tier_separation\s*(>=|<=|==|=|<|>)\s*([0-9]*\.?[0-9]+)\s*$`, whole match.
    static func tierSeparation(_ text: String) -> (op: String, value: String)? {
        var s = TextScanner(text)
        guard s.literal("concept_gram_tier_separation"), s.skipWhitespace(), let op = s.oneOf(comparisonOperators),
              s.skipWhitespace(), let value = s.run(while: { $0 == "." || TextScanner.isDigit($0) }),
              s.skipWhitespace(), s.isAtEnd else { return nil }
        // `[0-9]*\.?[0-9]+`: at most one dot, and a digit last.
        guard value.filter({ $0 == "." }).count <= 1, value.last != "." else { return nil }
        return (op, value)
    }

    private static let comparisonOperators = [">=", "<=", "==", "=", "<", ">"]

    /// `\s*q(\d+)\s*,\s*q(\d+)\s*\)` (the `q`s case-insensitive).
    private static func qubitPair(_ s: inout TextScanner<Character>) -> (String, String)? {
        guard s.skipWhitespace(), s.literal("q", ignoringCase: true), let i = s.digits(), s.skipWhitespace(),
              s.literal(","), s.skipWhitespace(), s.literal("q", ignoringCase: true), let j = s.digits(),
              s.skipWhitespace(), s.literal(")") else { return nil }
        return (i, j)
    }
}
