import IR

/// Turns the machine IR into the variables the `.q.orca.md` templates use.
enum MachineScope {
    static func make(_ machine: Machine) -> TemplateScope {
        var scope = TemplateScope()
        scope["name"] = .text(machine.name)
        scope["summary"] = .text(machine.summary.joinedText("\n\n"))
        scope["context"] = .list(machine.context.map { field in
            // polygram pads the HEA register cell by max(0, len − 12) spaces.
            let value = field.defaultValue ?? ""
            return TemplateScope(["name": .text(field.name), "type": .text(field.type), "default": .text(value),
                                  "paddedDefault": .text(value + String(repeating: " ", count: max(0, value.count - 12)))])
        })
        scope["events"] = .list(machine.events.map { TemplateScope(["name": .text($0.name)]) })
        scope["states"] = .list(machine.states.map { state in
            var heading = state.name
            if let expression = state.expression { heading += " = \(expression)" }
            if state.isInitial { heading += " [initial]" }
            if state.isFinal { heading += " [final]" }
            return TemplateScope(["heading": .text(heading), "description": .text(state.description ?? "")])
        })
        scope["transitions"] = .list(machine.transitions.map { t in
            TemplateScope(["source": .text(t.source), "event": .text(t.event),
                           "guard": .text(t.guardRef?.text ?? ""), "target": .text(t.target),
                           "action": .text(t.action?.label ?? "")])
        })
        scope["actions"] = .list(machine.actions.map { action in
            TemplateScope(["name": .text(action.name), "signature": .text(action.signature),
                           "effect": .text(action.effectText)])
        })
        scope["rules"] = .list(machine.verificationRules.map { TemplateScope(["text": .text($0.text)]) })
        scope["ampBranch"] = .flag(machine.ampBranch != nil)
        if let amp = machine.ampBranch { addAmpBranch(amp, to: &scope) }
        if let encoding = machine.encoding {
            scope["encodingKind"] = .text(encoding.kind)
            scope["depth"] = .text(String(encoding.depth))
            scope["entangler"] = .text(encoding.entangler)
            scope["rotations"] = .text(encoding.rotations.map(\.rawValue).joinedText(", "))
        }
        scope["theta"] = .list(machine.theta.map { row in
            TemplateScope(["concept": .text(row.concept), "tensor": .text(PythonList.repr(row.tensor)),
                           "cluster": .text(row.cluster ?? "")])
        })
        scope["invariants"] = .list(machine.invariants.map { TemplateScope(["text": .text($0.text)]) })
        return scope
    }

    /// Header, separator and rows of the `## amp branch` table. Rung3/4
    /// separators span the padded header cell; Rung5's use max(7, len(column)).
    private static func addAmpBranch(_ amp: AmpBranchTable, to scope: inout TemplateScope) {
        let isRung5 = amp.columns.count > 1 && amp.columns[1] == "theta_0"
        scope["ampHeader"] = .text("| " + amp.columns.joinedText(" | ") + " |")
        let dashes = amp.columns.map { String(repeating: "-", count: isRung5 ? max(7, $0.count) : $0.count + 2) }
        scope["ampSeparator"] = .text("|" + dashes.joinedText("|") + "|")
        scope["ampRows"] = .list(amp.rows.map { row in
            let cells = [row.concept] + row.knobs.flatMap { [PythonFloat.repr($0.theta), PythonFloat.repr($0.psi)] }
            return TemplateScope(["row": .text("| " + cells.joinedText(" | ") + " |")])
        })
    }
}
