import IR

extension MachineBuilder {
    /// `## context` (qorca-language.md §2.3): Field, Type, [Default].
    func contextFields(_ table: Table) throws -> [ContextField] {
        let field = try requireColumn(table, "field", section: "context")
        let type = try requireColumn(table, "type", section: "context")
        let defaultColumn = table.column("default")
        try checkRows(table, section: "context")
        var fields: [ContextField] = []
        for row in table.rows {
            let name = unwrapBackticks(row.cells[field].text)
            guard !name.isEmpty else { continue }
            let typeText = unwrapBackticks(row.cells[type].text)
            let value = defaultColumn.map { row.cells[$0].text.trimmed }
            fields.append(ContextField(name: name, type: typeText,
                                       defaultValue: (value?.isEmpty ?? true) ? nil : value,
                                       location: rowLocation(row)))
        }
        return fields
    }

    /// `## guards`: Name, Expression (kept as text).
    func guards(_ table: Table) throws -> [GuardDecl] {
        let name = try requireColumn(table, "name", section: "guards")
        let expression = try requireColumn(table, "expression", section: "guards")
        try checkRows(table, section: "guards")
        return table.rows.compactMap { row in
            let key = row.cells[name].text.trimmed
            guard !key.isEmpty else { return nil }
            let text = row.cells[expression].text.trimmed
            return GuardDecl(name: key, expression: text, condition: GuardConditionParser.parse(text), location: rowLocation(row))
        }
    }
}

/// The numeric context fields an angle may name (qorca-language.md §4.3).
struct AngleScope {
    var values: [String: Double]

    init(context: [ContextField]) {
        var values: [String: Double] = [:]
        for field in context where field.type == "int" || field.type == "float" {
            if let text = field.defaultValue, let value = PythonFloatLiteral.parse(text) { values[field.name] = value }
        }
        self.values = values
    }
}

extension Machine {
    /// The angle context: `int`/`float` context fields whose default is a
    /// number (qorca-language.md §4.3). Bind these, then the action's
    /// parameters, when evaluating a gate's angle.
    public var angleContext: [String: Double] { AngleScope(context: context).values }
}
