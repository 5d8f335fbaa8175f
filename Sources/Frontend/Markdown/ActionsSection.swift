import IR

extension MachineBuilder {
    /// `## actions` (§2.8): Name, [Signature], [Effect].
    func actions(_ table: Table, scope: AngleScope, namedEffects: Set<String> = []) throws -> [ActionDecl] {
        let name = try requireColumn(table, "name", section: "actions")
        let signature = table.column("signature")
        let effect = table.column("effect")
        try checkRows(table, section: "actions")
        var actions: [ActionDecl] = []
        for row in table.rows {
            let actionName = row.cells[name].text.trimmed
            guard !actionName.isEmpty else { continue }
            if let earlier = actions.first(where: { $0.name == actionName }) {
                throw source.error("duplicate action '\(actionName)' (first at line \(earlier.location?.line ?? 0))",
                                   line: row.line, column: row.cells[name].column)
            }
            let signatureCell = signature.map { row.cells[$0] }
            let parsed = try SignatureParser(source: source, action: actionName)
                .parse(signatureCell?.text.trimmed ?? "", at: signatureCell)
            let effectCell = effect.map { row.cells[$0] }
            let effectText = effectCell?.text.trimmed ?? ""
            let statements: [EffectStatement]
            do {
                statements = try EffectParser.parse(
                    effectText, scope: EffectScope(parameters: parsed.parameters, contextFields: scope.values,
                                        namedEffects: namedEffects),
                    origin: effectCell.map(location))
            } catch let error as InputError {
                throw InputError("action '\(actionName)': \(error.message)", at: error.location, file: source.file)
            }
            actions.append(ActionDecl(name: actionName, signature: signatureCell?.text.trimmed ?? "",
                                      parameters: parsed.parameters, returnType: parsed.returnType,
                                      effectText: effectText, statements: statements, location: rowLocation(row)))
        }
        return actions
    }
}

/// An action signature `(qs, a: angle, c: int) -> qs` (§2.8 step 1).
struct SignatureParser {
    let source: SourceText
    let action: String

    struct Result {
        var parameters: [ActionDecl.Parameter]
        var returnType: String
    }

    func parse(_ text: String, at cell: TableCell?) throws -> Result {
        guard !text.isEmpty else { return Result(parameters: [], returnType: "void") }
        return text.isPlainASCII ? try parse(text, ASCIIByte.units(text), at: cell)
                                 : try parse(text, Character.units(text), at: cell)
    }

    private func parse<U: TextUnit>(_ text: String, _ chars: [U], at cell: TableCell?) throws -> Result {
        func fail(_ message: String) -> InputError {
            source.error("action '\(action)': \(message)", line: cell?.line ?? 0, column: cell?.column ?? 1)
        }
        guard chars.first == "(", let close = chars.firstIndex(of: ")") else {
            throw fail("malformed signature '\(text)' (expected `(qs, name: type, …) -> return`)")
        }
        var after = U.string(chars[(close + 1)...]).trimmed
        guard after.hasPrefix("->") else {
            throw fail("malformed signature '\(text)' (expected `-> <return type>` after the parameter list)")
        }
        after = String(after.dropFirst(2)).trimmed
        guard !after.isEmpty else { throw fail("signature '\(text)' has no return type after `->`") }
        let slots = chars[1..<close].split(separator: ",").map { U.string($0).trimmed }.filter { !$0.isEmpty }
        guard slots.contains(where: Self.containsColon) else {
            if slots.count >= 2 {
                let extra = slots.dropFirst().map { "'\($0)'" }.joinedText(", ")
                throw fail("extra parameter slot(s) \(extra) missing `: type` annotation "
                           + "(write `name: int` or `name: angle`)")
            }
            return Result(parameters: [], returnType: after)
        }
        guard slots.first == "qs" else {
            throw fail("parametric signature must begin with `qs` (got '\(slots.first ?? "")')")
        }
        var parameters: [ActionDecl.Parameter] = []
        for slot in slots.dropFirst() {
            let parts = slot.split(separator: ":", maxSplits: 1).map { $0.trimmed }
            guard parts.count == 2 else { throw fail("parameter slot '\(slot)' missing `: type` annotation") }
            let name = parts[0]
            let isIdentifier = name.isPlainASCII ? Self.isIdentifier(ASCIIByte.units(name))
                                                 : Self.isIdentifier(Character.units(name))
            guard isIdentifier else { throw fail("parameter name '\(name)' is not an identifier") }
            guard let type = ActionDecl.ParameterType(rawValue: parts[1]) else {
                throw fail("parameter '\(name)' has unknown type '\(parts[1])' (expected int or angle)")
            }
            guard !parameters.contains(where: { $0.name == name }) else {
                throw fail("duplicate parameter '\(name)'")
            }
            parameters.append(ActionDecl.Parameter(name: name, type: type))
        }
        return Result(parameters: parameters, returnType: after)
    }

    /// `text.contains(":")`, Foundation's search; on ASCII text a byte test.
    private static func containsColon(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.contains(UInt8(ascii: ":")) : text.contains(":")
    }

    private static func isIdentifier<U: TextUnit>(_ name: [U]) -> Bool {
        name.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true && name.allSatisfy(TokenScanner.isIdentifierChar)
    }
}
