import Foundation
import IR

/// Stage 3b (qorca-language.md §6.4): classical context updates must name
/// declared fields of the right type, stay inside list defaults, read only
/// bits written before, and loops that update the context need a bound.

/// A context field's declared type as q-orca reads it (§2.3).
enum ContextFieldType {
    private static let scalars: Set<String> = ["int", "float", "decimal", "bool", "string", "complex",
                                               "state_vector", "density_matrix", "noise_model"]

    /// `int`, `float`, … for a scalar type; nil otherwise (lists, optionals, qubit, custom).
    static func scalar(_ type: String) -> String? {
        let text = type.trimmingSpaces
        return scalars.contains(text) ? text : nil
    }

    /// The element type of `list<T>` (trimmed); nil for other types.
    static func listElement(_ type: String) -> String? {
        let text = type.trimmingSpaces
        guard !text.hasSuffix("?"), text.hasPrefix("list<"), text.hasSuffix(">") else { return nil }
        let inner = text.dropFirst(5).dropLast().trimmingSpaces
        return inner.isEmpty ? nil : inner
    }

    /// Items of a flat list default `[a, b, c]`; nil without a default.
    static func listLength(_ defaultValue: String?) -> Int? {
        guard var inner = defaultValue?.trimmingSpaces, !inner.isEmpty else { return nil }
        if inner.hasPrefix("["), inner.hasSuffix("]") { inner = String(inner.dropFirst().dropLast()) }
        return inner.split(separator: ",").filter { !$0.trimmingSpaces.isEmpty }.count
    }
}

/// The context-update actions, in declaration order, with their parsed update.
private func contextUpdates(_ machine: Machine) -> [(action: ActionDecl, update: ContextUpdate, location: SourceLocation?)] {
    machine.actions.compactMap { action in action.contextUpdate.map { (action, $0.update, $0.location) } }
}

private func field(_ machine: Machine, _ name: String) -> ContextField? { machine.context.first { $0.name == name } }

public enum UndeclaredContextFieldCheck: MachineCheck {
    public static let code = "UNDECLARED_CONTEXT_FIELD"
    public static let summary = "A context update mutates or reads a field the `## context` table does not declare."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        contextUpdates(machine).flatMap { action, update, location in
            update.mutations.flatMap { m -> [Diagnostic] in
                var found: [Diagnostic] = []
                if field(machine, m.field) == nil {
                    found.append(Diagnostic(code, .error, "Action '\(action.name)' mutates undeclared context field '\(m.field)'",
                                            at: location, suggestion: "Declare '\(m.field)' in the ## context table."))
                }
                if case .field(let name) = m.value, field(machine, name) == nil {
                    found.append(Diagnostic(code, .error,
                        "Action '\(action.name)' references undeclared context field '\(name)' as a mutation RHS.", at: location))
                }
                return found
            }
        }
    }
}

public enum ContextFieldTypeMismatchCheck: MachineCheck {
    public static let code = "CONTEXT_FIELD_TYPE_MISMATCH"
    public static let summary = "A context update's field has the wrong type (scalar: int; indexed: list<float>; RHS: int or float)."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        contextUpdates(machine).flatMap { action, update, location in
            update.mutations.flatMap { m -> [Diagnostic] in
                var found: [Diagnostic] = []
                if let lhs = field(machine, m.field) {
                    if m.index == nil, ContextFieldType.scalar(lhs.type) != "int" {
                        found.append(Diagnostic(code, .error,
                            "Action '\(action.name)': scalar context mutation requires an `int` field, but '\(m.field)' has a different type.",
                            at: location))
                    } else if m.index != nil, ContextFieldType.listElement(lhs.type) != "float" {
                        found.append(Diagnostic(code, .error,
                            "Action '\(action.name)': indexed context mutation requires a `list<float>` field, but '\(m.field)' has a different type.",
                            at: location))
                    }
                }
                if case .field(let name) = m.value, let rhs = field(machine, name),
                   !["int", "float"].contains(ContextFieldType.scalar(rhs.type) ?? "") {
                    found.append(Diagnostic(code, .error,
                        "Action '\(action.name)': RHS field '\(name)' must be an `int` or `float` scalar.", at: location))
                }
                return found
            }
        }
    }
}

public enum ContextIndexOutOfRangeCheck: MachineCheck {
    public static let code = "CONTEXT_INDEX_OUT_OF_RANGE"
    public static let summary = "An indexed context update lies outside its list field's default value."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        contextUpdates(machine).flatMap { action, update, location in
            update.mutations.compactMap { m -> Diagnostic? in
                guard let index = m.index, let lhs = field(machine, m.field), ContextFieldType.listElement(lhs.type) == "float",
                      let length = ContextFieldType.listLength(lhs.defaultValue), index >= length else { return nil }
                return Diagnostic(code, .error,
                    "Action '\(action.name)': index \(index) is outside the default-value length (\(length)) of list field '\(m.field)'.",
                    at: location)
            }
        }
    }
}

/// A context update gated on `bits[i]` must be reached only after a
/// `measure(qs[_]) -> bits[i]`. q-orca enumerates every simple path; some
/// path misses the write exactly when the update's source state is reachable
/// from the initial state without taking a transition that writes the bit,
/// so polygramc answers that with one search per bit.
public enum BitReadBeforeWriteCheck: MachineCheck {
    public static let code = "BIT_READ_BEFORE_WRITE"
    public static let summary = "A context update reads bits[i] on some path where no mid-circuit measurement wrote it."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        guard let initial = analysis.initialState else { return [] }
        var found: [Diagnostic] = []
        var reported = Set<String>()
        var unwrittenReach: [Int: Set<String>] = [:]
        for t in machine.transitions {
            guard let call = t.action, let action = machine.action(named: call.name),
                  let bit = action.contextUpdate?.update.condition?.bit,
                  analysis.reachable.contains(t.source) else { continue }
            if unwrittenReach[bit] == nil {
                unwrittenReach[bit] = reachableWithoutWriting(bit, from: initial, machine, analysis)
            }
            guard unwrittenReach[bit]!.contains(t.source), reported.insert("\(action.name)\u{0}\(bit)").inserted else { continue }
            found.append(Diagnostic(code, .error,
                "Action '\(action.name)' reads bits[\(bit)] in a context-update condition, but some path from the initial state reaches it without a prior measure(...) -> bits[\(bit)].",
                at: t.location, suggestion: "Add a mid-circuit measurement writing bits[\(bit)] on every path leading to this action."))
        }
        return found
    }

    /// States reachable from `initial` over transitions that do not write `bit`.
    static func reachableWithoutWriting(_ bit: Int, from initial: String, _ machine: Machine, _ analysis: MachineAnalysis) -> Set<String> {
        var seen: Set<String> = [initial]
        var queue = [initial]
        while let state = queue.popLast() {
            for t in analysis.outgoing[state] ?? [] where !seen.contains(t.target) {
                if let action = t.action.flatMap({ machine.action(named: $0.name) }), action.writtenBits.contains(bit) { continue }
                seen.insert(t.target)
                queue.append(t.target)
            }
        }
        return seen
    }
}

/// A context-updating transition on a cycle needs some guard that bounds an
/// `int` context field (`<`, `<=`, `>`, `>=`), or the loop may not end.
public enum UnboundedContextLoopCheck: MachineCheck {
    public static let code = "UNBOUNDED_CONTEXT_LOOP"
    public static let summary = "A context-updating loop has no guard bounding an `int` context field (warning)."
    static let boundingOperators: Set<String> = ["<", "<=", ">", ">="]

    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        guard machine.actions.contains(where: { $0.contextUpdate != nil }) else { return [] }
        let updating = machine.transitions.filter { t in
            t.action.flatMap { machine.action(named: $0.name) }?.contextUpdate != nil
        }
        guard let looping = updating.first(where: { onCycle($0, analysis) }) else { return [] }
        let intFields = Set(machine.context.filter { ContextFieldType.scalar($0.type) == "int" }.map(\.name))
        let bounded = !intFields.isEmpty && machine.guards.contains { g in
            if case .compare(let path, let op, _) = g.condition, boundingOperators.contains(op),
               let last = path.last, intFields.contains(last) { return true }
            return false
        }
        guard !bounded else { return [] }
        return [Diagnostic(code, .warning,
            "Machine '\(machine.name)' has context-update actions but no bounding guard on an `int` context field (e.g., `ctx.iteration < max_iter`). The iterative runtime will rely on its iteration ceiling to terminate.",
            at: looping.location ?? machine.location,
            suggestion: "Add a guard comparing an `int` context field against a literal or another bound (`<`, `<=`, `>`, `>=`) on at least one path to a [final] state.")]
    }

    /// Whether `t` (u → v) lies on a cycle: u is reachable from v.
    static func onCycle(_ t: Transition, _ analysis: MachineAnalysis) -> Bool {
        var seen: Set<String> = [t.target]
        var queue = [t.target]
        while let state = queue.popLast() {
            if state == t.source { return true }
            for next in analysis.outgoing[state] ?? [] where seen.insert(next.target).inserted { queue.append(next.target) }
        }
        return false
    }
}
