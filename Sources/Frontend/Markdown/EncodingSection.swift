import IR

extension MachineBuilder {
    /// `## encoding` (§2.13): key/value rows kind, depth, entangler, rotations, [qubits].
    func encoding(_ table: Table) throws -> EncodingTable {
        guard let keyColumn = table.column("key"), let valueColumn = table.column("value") else {
            throw source.error("encoding_table_columns: '## encoding' needs columns 'key' and 'value'", line: table.line)
        }
        try checkRows(table, section: "encoding")
        var values: [String: (String, TableRow)] = [:]
        for row in table.rows {
            let key = unwrapBackticks(row.cells[keyColumn].text).lowercased()
            guard !key.isEmpty else { continue }
            let value = unwrapBackticks(row.cells[valueColumn].text)
            guard ["kind", "depth", "entangler", "rotations", "qubits"].contains(key) else {
                throw source.error("encoding_unknown_key: '\(key)'", line: row.line, column: row.cells[keyColumn].column)
            }
            if let earlier = values[key] {
                throw source.error("encoding key '\(key)' repeated (first at line \(earlier.1.line))", line: row.line)
            }
            values[key] = (value, row)
        }
        let missing = ["kind", "depth", "entangler", "rotations"].filter { values[$0] == nil }
        guard missing.isEmpty else {
            throw source.error("encoding_missing_keys: \(missing.joinedText(", "))", line: table.line)
        }
        func fail(_ key: String, _ message: String) -> InputError {
            let row = values[key]!.1
            return source.error(message, line: row.line, column: row.cells[valueColumn].column)
        }
        let kind = values["kind"]!.0.lowercased()
        guard kind == "hea" else { throw fail("kind", "encoding_unsupported_kind: '\(values["kind"]!.0)' (expected hea)") }
        guard let depth = Int(values["depth"]!.0), depth >= 1 else {
            throw fail("depth", "encoding_bad_depth: '\(values["depth"]!.0)' (expected an integer >= 1)")
        }
        let entangler = values["entangler"]!.0.lowercased()
        guard entangler == "ring" || entangler == "chain" else {
            throw fail("entangler", "encoding_bad_entangler: '\(values["entangler"]!.0)' (expected ring or chain)")
        }
        var rotations: [GateKind] = []
        for token in values["rotations"]!.0.split(separator: ",").map({ $0.trimmed }) {
            guard let rotation = ["Rx": GateKind.Rx, "Ry": .Ry, "Rz": .Rz][token], !rotations.contains(rotation) else {
                throw fail("rotations", "encoding_bad_rotations: '\(values["rotations"]!.0)' "
                           + "(expected distinct Rx, Ry, Rz separated by commas)")
            }
            rotations.append(rotation)
        }
        guard !rotations.isEmpty else { throw fail("rotations", "encoding_bad_rotations: no rotations") }
        let register = values["qubits"].map { $0.0 }.flatMap { $0.isEmpty ? nil : $0 } ?? "qubits"
        return EncodingTable(kind: kind, depth: depth, entangler: entangler, rotations: rotations,
                             register: register, location: source.location(line: table.line, column: 1))
    }

    /// `## theta` (§2.13): concept, tensor, [cluster]; tensor shape
    /// `[rotations][depth][register size]`.
    func theta(_ table: Table, encoding: EncodingTable, context: [ContextField]) throws -> [ThetaRow] {
        guard let field = context.first(where: { $0.name == encoding.register }),
              field.type.lowercased().hasPrefix("list"),
              let value = field.defaultValue, let open = value.firstIndex(of: "["), let close = value.lastIndex(of: "]"),
              open < close else {
            throw source.error("theta_no_register: no list-typed context field '\(encoding.register)' "
                               + "with a default like [q0, q1, q2]", line: table.line)
        }
        let qubitCount = value[value.index(after: open)..<close].split(separator: ",")
            .filter { !$0.trimmed.isEmpty }.count
        guard let conceptColumn = table.column("concept"), let tensorColumn = table.column("tensor") else {
            throw source.error("theta_table_columns: '## theta' needs columns 'concept' and 'tensor'", line: table.line)
        }
        let clusterColumn = table.column("cluster")
        try checkRows(table, section: "theta")
        let expected = [encoding.rotations.count, encoding.depth, qubitCount]
        var rows: [ThetaRow] = []
        for row in table.rows {
            let concept = row.cells[conceptColumn].text.trimmed
            guard !concept.isEmpty else { continue }
            if let earlier = rows.first(where: { $0.concept == concept }) {
                throw source.error("theta_duplicate_concept: '\(concept)' (rows at lines \(earlier.location?.line ?? 0) "
                                   + "and \(row.line))", line: row.line, column: row.cells[conceptColumn].column)
            }
            var cluster: String?
            if let clusterColumn {
                let text = row.cells[clusterColumn].text.trimmed
                guard !text.isEmpty else {
                    throw source.error("theta_empty_cluster: concept '\(concept)'", line: row.line,
                                       column: row.cells[clusterColumn].column)
                }
                cluster = text
            }
            let cell = row.cells[tensorColumn]
            let literal: PythonListLiteral
            do {
                literal = try PythonListLiteral.parse(cell.text)
            } catch let error as PythonListLiteral.SyntaxError {
                throw source.error("theta_malformed_literal: concept '\(concept)': \(error.message)",
                                   line: row.line, column: cell.column + error.offset)
            }
            guard let shape = literal.shape, shape == expected, case .list(let layers) = literal else {
                let got = literal.shape.map { "(" + $0.map(String.init).joinedText(", ") + ")" } ?? "ragged"
                throw source.error("theta_shape_mismatch: concept '\(concept)' has shape \(got), expected ("
                                   + expected.map(String.init).joinedText(", ") + ")",
                                   line: row.line, column: cell.column)
            }
            let tensor: [[[Double]]] = layers.map { rotation in
                guard case .list(let ls) = rotation else { return [] }
                return ls.map { layer in
                    guard case .list(let qs) = layer else { return [] }
                    return qs.map { if case .number(let v) = $0 { return v } else { return 0 } }
                }
            }
            rows.append(ThetaRow(concept: concept, tensor: tensor, cluster: cluster, location: rowLocation(row)))
        }
        return rows
    }
}
