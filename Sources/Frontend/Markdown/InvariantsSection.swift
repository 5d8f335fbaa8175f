import IR

extension MachineBuilder {
    /// `## invariants` (§2.11). Items no form matches are kept as `.unrecognized`.
    func invariants(_ list: BulletList) throws -> [Invariant] {
        let entanglement = try! Regex(#"^entanglement\(\s*q(\d+)\s*,\s*q(\d+)\s*\)\s*=\s*True"#).ignoresCase()
        let schmidt = try! Regex(#"^schmidt_rank\(\s*q(\d+)\s*,\s*q(\d+)\s*\)\s*(>=|>|<=|<|==)\s*(\d+)"#).ignoresCase()
        let resource = try! Regex(#"^(gate_count|depth|cx_count|t_count|logical_qubits)\s*(>=|<=|==|=|<|>)\s*(\d+)\s*$"#)
        let tier = try! Regex(#"^concept_gram_tier_separation\s*(>=|<=|==|=|<|>)\s*([0-9]*\.?[0-9]+)\s*$"#)
        var result: [Invariant] = []
        for item in list.items {
            let text = item.text.trimmed
            guard !text.isEmpty else { continue }
            let location = source.location(line: item.line, column: item.column)
            let kind: Invariant.Kind
            if let m = text.prefixMatch(of: entanglement), let i = Int(m[1].substring ?? ""), let j = Int(m[2].substring ?? "") {
                kind = .entanglement(i, j)
            } else if let m = text.prefixMatch(of: schmidt), let i = Int(m[1].substring ?? ""),
                      let j = Int(m[2].substring ?? ""), let op = comparison(m[3].substring),
                      let value = Int(m[4].substring ?? "") {
                kind = .schmidtRank(i, j, op, value)
            } else if let m = text.wholeMatch(of: resource), let op = comparison(m[2].substring),
                      let value = Int(m[3].substring ?? "") {
                kind = .resource(metric: String(m[1].substring ?? ""), op, value)
            } else if let m = text.wholeMatch(of: tier), let op = comparison(m[1].substring),
                      let value = Double(String(m[2].substring ?? "")) {
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

    private func comparison(_ text: Substring?) -> ComparisonOperator? {
        guard let text else { return nil }
        return text == "=" ? .eq : ComparisonOperator(rawValue: String(text))
    }
}
