import IR

extension MachineBuilder {
    /// polygram's `## amp branch` (polygram-core.md §3.2): `concept`, then
    /// `theta_amp, psi_aux[, theta_amp_b, psi_amp_b]` or `theta_0, psi_0, …`.
    func ampBranch(_ table: Table) throws -> AmpBranchTable {
        let columns = table.header.cells.map { $0.text.trimmed.lowercased() }
        let knobColumns = Array(columns.dropFirst())
        let rung3 = ["theta_amp", "psi_aux"], rung4 = rung3 + ["theta_amp_b", "psi_amp_b"]
        let k = knobColumns.count / 2
        let rung5 = (0..<k).flatMap { ["theta_\($0)", "psi_\($0)"] }
        guard columns.first == "concept", !knobColumns.isEmpty,
              knobColumns == rung3 || knobColumns == rung4 || (knobColumns.count % 2 == 0 && knobColumns == rung5) else {
            throw source.error("'## amp branch' header must be `concept | theta_amp | psi_aux [| theta_amp_b | "
                               + "psi_amp_b]` or `concept | theta_0 | psi_0 | … | theta_{k-1} | psi_{k-1}`",
                               line: table.line, column: table.header.cells.first?.column ?? 1)
        }
        try checkRows(table, section: "amp branch")
        var rows: [AmpBranchTable.Row] = []
        for row in table.rows {
            let concept = row.cells[0].text.trimmed
            guard !concept.isEmpty else {
                throw source.error("amp branch row has an empty concept", line: row.line, column: row.cells[0].column)
            }
            var values: [Double] = []
            for index in 1..<columns.count {
                let cell = row.cells[index]
                guard let value = PythonFloatLiteral.parse(cell.text) else {
                    throw source.error("amp branch value '\(cell.text)' for '\(columns[index])' is not a number",
                                       line: row.line, column: cell.column)
                }
                values.append(value)
            }
            let knobs = stride(from: 0, to: values.count, by: 2).map { AmpKnob(theta: values[$0], psi: values[$0 + 1]) }
            rows.append(AmpBranchTable.Row(concept: concept, knobs: knobs, location: rowLocation(row)))
        }
        return AmpBranchTable(columns: table.header.cells.map { $0.text.trimmed }, rows: rows,
                              location: source.location(line: table.line, column: 1))
    }
}
