import Foundation
import IR

extension MachineBuilder {
    /// `## transitions` (§2.6): Source, Event, [Guard], Target, [Action].
    func transitions(_ table: Table, actions: [ActionDecl], scope: AngleScope) throws -> [Transition] {
        let sourceColumn = try requireColumn(table, "source", section: "transitions")
        let eventColumn = try requireColumn(table, "event", section: "transitions")
        let targetColumn = try requireColumn(table, "target", section: "transitions")
        let guardColumn = table.column("guard")
        let actionColumn = table.column("action")
        try checkRows(table, section: "transitions")
        var result: [Transition] = []
        for row in table.rows {
            let from = row.cells[sourceColumn].text.precomposed.trimmed
            let event = row.cells[eventColumn].text.trimmed
            let to = row.cells[targetColumn].text.precomposed.trimmed
            for (value, column, what) in [(from, sourceColumn, "Source"), (event, eventColumn, "Event"),
                                          (to, targetColumn, "Target")] where value.isEmpty {
                throw source.error("transition row has an empty \(what) cell", line: row.line,
                                   column: row.cells[column].column)
            }
            var transition = Transition(source: from, event: event, target: to, location: rowLocation(row))
            if let guardColumn, let guardRef = guardReference(row.cells[guardColumn].text) {
                transition.guardRef = guardRef
            }
            if let actionColumn {
                let cell = row.cells[actionColumn]
                let binder = ActionCallBinder(source: source, actions: actions, scope: scope,
                                              label: { "transition '\(from)' --\(event)--> '\(to)'" })
                (transition.action, transition.loopTag) = try binder.bind(cell)
            }
            result.append(transition)
        }
        return result
    }

    /// A guard cell: `[!]name[op number]` — a trailing `[≈=!<>]+[\d.]+` is dropped.
    private func guardReference(_ raw: String) -> GuardRef? {
        let text = raw.trimmed
        guard !text.isEmpty else { return nil }
        var name = text
        var negated = false
        if name.hasPrefix("!") {
            negated = true
            name = String(name.dropFirst()).trimmed
        }
        if let start = Self.trailingComparison(in: name) {
            name = String(name.prefix(start))
        }
        return GuardRef(name: name.trimmed, negated: negated, text: text)
    }

    /// Where the first match of `\s*[≈=!<>]+[\d.]+\s*$` starts (a character
    /// offset). Whitespace, operator characters and `[\d.]` are disjoint, so
    /// the match is the text's tail read backwards: whitespace, `[\d.]+`,
    /// `[≈=!<>]+`, whitespace.
    static func trailingComparison(in text: String) -> Int? {
        let chars = Array(text)
        var i = chars.count
        func skip(_ predicate: (Character) -> Bool) -> Bool {
            let end = i
            while i > 0, predicate(chars[i - 1]) { i -= 1 }
            return i < end
        }
        _ = skip(\.isWhitespace)
        guard skip({ $0 == "." || TextScanner.isDigit($0) }), skip({ "≈=!<>".contains($0) }) else { return nil }
        _ = skip(\.isWhitespace)
        return i
    }
}

/// Resolves an action cell against the actions table and binds call-site
/// arguments (§2.6). Every failure is an error.
struct ActionCallBinder {
    let source: SourceText
    let actions: [ActionDecl]
    let scope: AngleScope
    /// Names the transition in errors (built only for one).
    let label: () -> String

    func bind(_ cell: TableCell) throws -> (ActionCall?, String?) {
        var text = cell.text.trimmed
        guard !text.isEmpty else { return (nil, nil) }
        var loopTag: String?
        // q-orca HEAD loop tags: `grover_iterate, loop_back`.
        for tag in ["loop_back", "loop_done"] where text.hasSuffix(tag) {
            let head = text.dropLast(tag.count).trimmed
            if head.hasSuffix(",") {
                loopTag = tag
                text = String(head.dropLast()).trimmed
            }
        }
        return text.isPlainASCII ? try bind(cell, text, ASCIIByte.units(text), loopTag: loopTag)
                                 : try bind(cell, text, Character.units(text), loopTag: loopTag)
    }

    private func bind<U: TextUnit>(_ cell: TableCell, _ text: String, _ chars: [U],
                                   loopTag: String?) throws -> (ActionCall?, String?) {
        let location = source.location(line: cell.line, column: cell.column)
        func fail(_ message: String, column: Int? = nil) -> InputError {
            source.error("\(label()): \(message)", line: cell.line, column: column ?? cell.column)
        }
        var nameEnd = 0
        while nameEnd < chars.count, TokenScanner.isIdentifierChar(chars[nameEnd]) { nameEnd += 1 }
        var open = nameEnd
        while open < chars.count, chars[open].isWhitespace { open += 1 }
        let isCall = nameEnd > 0 && open < chars.count && chars[open] == "(" && chars.last == ")"
            && !(chars[0].isASCII && chars[0].isNumber)

        if !isCall {
            guard let action = actions.first(where: { $0.name == text }) else {
                throw fail("bare-name action '\(text)' is not declared in the actions table")
            }
            if action.isParametric {
                throw fail("action '\(text)' is parametric and requires arguments "
                           + "(expected \(action.parameters.count) argument(s))")
            }
            return (ActionCall(name: text, label: text, arguments: nil, location: location), loopTag)
        }

        let name = U.string(chars[..<nameEnd])
        guard let action = actions.first(where: { $0.name == name }) else {
            throw fail("call-form action '\(name)' is not declared in the actions table")
        }
        guard action.isParametric else {
            throw fail("action '\(name)' is not parametric (signature takes no arguments); use the bare-name form")
        }
        let arguments = CallSyntax.splitArguments(chars, open: open)
        guard arguments.count == action.parameters.count else {
            throw fail("action '\(name)' expects \(action.parameters.count) argument(s), got \(arguments.count)")
        }
        var bound: [ActionArgument] = []
        for (parameter, argument) in zip(action.parameters, arguments) {
            let column = cell.column + argument.offset
            let argLocation = source.location(line: cell.line, column: column)
            switch parameter.type {
            case .int:
                guard Self.isIntLiteral(argument.text), let value = Int(argument.text) else {
                    throw fail("parameter '\(parameter.name)' expects an int literal, got '\(argument.text)'",
                               column: column)
                }
                bound.append(ActionArgument(parameter: parameter.name, value: .int(value), text: argument.text,
                                            location: argLocation))
            case .angle:
                let value: Double
                do {
                    let expr = try AngleParser.parse(argument.text)
                    value = try expr.evaluate(scope.values)
                } catch let error as AngleSyntaxError {
                    throw fail("parameter '\(parameter.name)': \(error.message)", column: column + error.offset)
                } catch let error as UnboundSymbol {
                    let fields = scope.values.keys.sorted().joinedText(", ")
                    throw fail("parameter '\(parameter.name)': undefined parameter '\(error.name)' (call-site "
                               + "angles may use numeric context fields only: \(fields.isEmpty ? "none" : fields))",
                               column: column)
                }
                bound.append(ActionArgument(parameter: parameter.name, value: .angle(value), text: argument.text,
                                            location: argLocation))
            }
        }
        return (ActionCall(name: name, label: text, arguments: bound, location: location), loopTag)
    }

    /// `-?\d+`, the only int literal a call site accepts.
    static func isIntLiteral(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
