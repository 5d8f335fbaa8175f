import Foundation
import IR
@testable import Frontend

/// Random machine documents following grammars/document.ebnf. That grammar is
/// written over CommonMark blocks with meta-productions (H1/H2/TABLE/LIST), so
/// it is transcribed by hand here (section by section, in the file's order);
/// effect cells and call-site angles come from the file-driven generators.
struct GeneratedDocument {
    struct Row {
        var line: Int
        var cells: [String]
    }
    struct TransitionSpec {
        var source, event, target: String
        var action: String?
        var argumentCount: Int?
        var angleArguments: [(text: String, value: Double)]
        var loopTag: String?
        var line: Int
    }
    struct ActionSpec {
        var name: String
        var parameters: [ActionDecl.Parameter]
        var effect: String
        var statementCount: Int
        var line: Int
    }

    var lines: [String] = []
    var name = ""
    var machineLine = 0
    var sectionLines: [String: Int] = [:]        // lower-cased key -> heading line
    var events: [String] = []
    var states: [(name: String, initial: Bool, final: Bool, annotations: [String], description: String?)] = []
    var transitions: [TransitionSpec] = []
    var actions: [ActionSpec] = []
    var rules: [String] = []
    var invariantKinds: [String] = []
    var otherHeadings: [String] = []
    var tableRows: [String: [Row]] = [:]          // section key -> data rows
    var tableHeaders: [String: Int] = [:]

    var text: String { lines.joined(separator: "\n") + "\n" }
    /// 1-based number of the next line appended.
    var nextLine: Int { lines.count + 1 }

    mutating func add(_ line: String) { lines.append(line) }
}

enum GrammarDocuments {
    typealias S = GrammarSentences

    static let contextFields: [(String, Double)] = [("alpha", 0.25), ("beta_2", -1.5), ("omega", 3.0)]

    static func randomHeadingCase(_ key: String, _ g: SentenceGenerator) -> String {
        switch g.int(0...2) {
        case 0: return key
        case 1: return key.prefix(1).uppercased() + key.dropFirst()
        default: return key.uppercased()
        }
    }

    static func tableRow(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    static func generate(seed: UInt64) -> GeneratedDocument {
        let g = SentenceGenerator(grammar: S.angleGrammar, seed: seed)
        var doc = GeneratedDocument()
        // file = { preamble_block } , machine
        if g.chance(0.3) { doc.add("Some preamble prose about *this* file."); doc.add("") }
        if g.chance(0.2) { doc.add("<!-- ## state hidden [initial] -->"); doc.add("") }
        doc.name = g.pick(["Bell", "Grover_3", "T", "qaoa", "M7"])
        doc.machineLine = doc.nextLine
        doc.add("# machine \(doc.name)")
        doc.add("")
        if g.chance(0.5) { doc.add("A summary paragraph."); doc.add("") }
        if g.chance(0.3) { doc.add("> a quoted summary"); doc.add("") }

        // Names.
        let stateNames = Array(["idle", "prepared", "entangled", "measured", "done", "s_5"].prefix(g.int(2...6)))
        let eventNames = Array(["go", "prepare", "entangle", "measure_it", "finish", "tick"].prefix(g.int(1...6)))
        var actionSpecs: [(String, [ActionDecl.Parameter])] = []
        for (i, name) in ["init", "rotate", "entangle_pair", "apply_phase", "noop"].prefix(g.int(1...5)).enumerated() {
            var params: [ActionDecl.Parameter] = []
            if i % 2 == 1 {
                for p in ["a", "k", "theta", "j"].prefix(g.int(1...4)) {
                    params.append(.init(name: p, type: ["k", "j"].contains(p) ? .int : .angle))
                }
            }
            actionSpecs.append((name, params))
        }
        var sections: [(inout GeneratedDocument) -> Void] = []

        // context_sec = H2("context") , TABLE( "Field" , "Type" , [ "Default" ] )
        sections.append { doc in
            doc.sectionLines["context"] = doc.nextLine
            doc.add("## \(randomHeadingCase("context", g))")
            doc.add("")
            doc.tableHeaders["context"] = doc.nextLine
            doc.add("| Field | Type | Default |")
            doc.add(g.pick(["|-------|------|---------|", "|---|:---:|---|", "| - | - | - |"]))
            var rows = [["qubits", "list<qubit>", "[q0, q1, q2, q3, q4, q5]"]]
            for (name, value) in contextFields { rows.append([name, "float", PythonFloat.repr(value)]) }
            rows.append(["counter", "int", "0"])
            for cells in rows {
                doc.tableRows["context", default: []].append(.init(line: doc.nextLine, cells: cells))
                doc.add(tableRow(cells))
            }
            doc.add("")
        }
        // events_sec = H2("events") , LIST( event_item ) ; event_item = name [ "(" text ] [ "#" text ]
        sections.append { doc in
            doc.sectionLines["events"] = doc.nextLine
            doc.add("## \(randomHeadingCase("events", g))")
            doc.add("")
            // One bullet character per list: CommonMark starts a new list when it changes.
            let bullet = g.pick(["-", "*", "+"])
            for event in eventNames {
                var item = "\(bullet) \(event)"
                if g.chance(0.2) { item += "(payload: int)" }
                if g.chance(0.2) { item += " # a comment" }
                doc.add(item)
                doc.events.append(event)
            }
            doc.add("")
        }
        // state_sec = H2("state" WS state_head) , [ BLOCKQUOTE ]  (one per state, kept in order)
        sections.append { doc in
            for (i, state) in stateNames.enumerated() {
                let initial = i == 0, final = i == stateNames.count - 1
                var head = "## state \(state)"
                var annotations: [String] = []
                if initial { head += " [initial]" }
                if final { head += g.chance(0.5) ? " [final]" : "  [final]" }
                if g.chance(0.15) { head += " [loop 3]"; annotations.append("loop 3") }
                doc.add(head)
                var description: String?
                if g.chance(0.5) {
                    doc.add("> state \(state) description")
                    description = "state \(state) description"
                }
                doc.add("")
                doc.states.append((state, initial, final, annotations, description))
            }
        }
        // transitions_sec = H2("transitions") , TABLE( "Source" , "Event" , [ "Guard" ] , "Target" , [ "Action" ] )
        sections.append { doc in
            doc.sectionLines["transitions"] = doc.nextLine
            doc.add("## \(randomHeadingCase("transitions", g))")
            doc.add("")
            let withGuard = g.chance(0.5)
            doc.tableHeaders["transitions"] = doc.nextLine
            doc.add(withGuard ? "| Source | Event | Guard | Target | Action |" : "| Source | Event | Target | Action |")
            doc.add(withGuard ? "|---|---|---|---|---|" : "|---|---|---|---|")
            let angleGen = S.angleGenerator(seed: g.rng.next(), names: contextFields.map(\.0))
            for _ in 0..<g.int(1...6) {
                let source = g.pick(stateNames), target = g.pick(stateNames), event = g.pick(eventNames)
                var spec = GeneratedDocument.TransitionSpec(source: source, event: event, target: target, action: nil,
                                                            argumentCount: nil, angleArguments: [], loopTag: nil,
                                                            line: doc.nextLine)
                var actionCell = ""
                if g.chance(0.8) {
                    let (name, params) = g.pick(actionSpecs)
                    spec.action = name
                    if params.isEmpty {
                        actionCell = name
                    } else {
                        var args: [String] = []
                        for p in params {
                            if p.type == .int {
                                args.append(String(g.int(-3...9)))
                            } else {
                                var text = S.render(angleGen.generate("angle_expr"), using: angleGen)
                                // Known parser bug (testUnderscoreMantissaWithSignedExponent): avoid it here.
                                while S.hasUnderscoreMantissaSignedExponent(text) {
                                    text = S.render(angleGen.generate("angle_expr"), using: angleGen)
                                }
                                let values = Dictionary(uniqueKeysWithValues: contextFields)
                                let value = (try? AngleParser.parse(text).evaluate(values)) ?? .nan
                                spec.angleArguments.append((text, value))
                                args.append(text)
                            }
                        }
                        spec.argumentCount = args.count
                        actionCell = "\(name)\(g.chance(0.2) ? " " : "")(" + args.joined(separator: g.pick([", ", ","])) + ")"
                    }
                    if g.chance(0.15) {
                        spec.loopTag = g.pick(["loop_back", "loop_done"])
                        actionCell += ", \(spec.loopTag!)"
                    }
                }
                var cells = [source, event, target, actionCell]
                if withGuard { cells.insert(g.pick(["", "", "ok", "!ok"]), at: 2) }
                doc.tableRows["transitions", default: []].append(.init(line: doc.nextLine, cells: cells))
                doc.add(tableRow(cells))
                doc.transitions.append(spec)
            }
            doc.add("")
        }
        // guards_sec = H2("guards") , TABLE( "Name" , "Expression" )
        sections.append { doc in
            doc.sectionLines["guards"] = doc.nextLine
            doc.add("## guards")
            doc.add("")
            doc.add("| Name | Expression |")
            doc.add("|---|---|")
            doc.add("| ok | true |")
            doc.add("")
        }
        // actions_sec = H2("actions") , TABLE( "Name" , [ "Signature" ] , [ "Effect" ] )
        sections.append { doc in
            doc.sectionLines["actions"] = doc.nextLine
            doc.add("## \(randomHeadingCase("actions", g))")
            doc.add("")
            doc.tableHeaders["actions"] = doc.nextLine
            doc.add("| Name | Signature | Effect |")
            doc.add("|------|-----------|--------|")
            for (name, params) in actionSpecs {
                let signature = params.isEmpty ? g.pick(["(qs) -> qs", "() -> qs", "(qs)->qs", ""])
                    : "(qs, " + params.map { "\($0.name): \($0.type.rawValue)" }.joined(separator: ", ") + ") -> qs"
                var spec = S.EffectScopeSpec()
                spec.angleParameters = params.filter { $0.type == .angle }.map(\.name)
                spec.intParameters = params.filter { $0.type == .int }.map(\.name)
                spec.contextFields = Dictionary(uniqueKeysWithValues: contextFields)
                spec.namedEffects = []
                let eg = S.effectGenerator(seed: g.rng.next(), spec: spec)
                var effect = ""
                var count = 0
                for i in 0..<g.int(0...4) {
                    var segment = S.segment(eg, namedEffects: false)
                    while S.hasUnderscoreMantissaSignedExponent(segment.text) { segment = S.segment(eg, namedEffects: false) }
                    effect += (i > 0 ? "; " : "") + segment.text
                    count += 1
                }
                let cells = [name, signature, effect]
                doc.tableRows["actions", default: []].append(.init(line: doc.nextLine, cells: cells))
                doc.actions.append(.init(name: name, parameters: params, effect: effect, statementCount: count,
                                         line: doc.nextLine))
                doc.add(tableRow(cells))
            }
            doc.add("")
        }
        // rules_sec = H2("verification rules") , LIST( rule )
        sections.append { doc in
            doc.sectionLines["verification rules"] = doc.nextLine
            doc.add("## \(randomHeadingCase("verification rules", g))")
            doc.add("")
            for rule in ["unitarity: all gates unitary", "no-cloning", "Measurement-Collapse-Allowed: yes",
                         "entanglement"].prefix(g.int(1...4)) {
                doc.add("- \(rule)")
                let kind = String(rule.split(separator: ":")[0]).lowercased().replacingOccurrences(of: "-", with: "_")
                doc.rules.append(kind)
            }
            doc.add("")
        }
        // invariants_sec = H2("invariants") , LIST( invariant )
        sections.append { doc in
            doc.sectionLines["invariants"] = doc.nextLine
            doc.add("## \(randomHeadingCase("invariants", g))")
            doc.add("")
            let items: [(String, String)] = [
                ("entanglement(q0, q1) = True", "entanglement"), ("schmidt_rank(q0, q2) >= 2", "schmidtRank"),
                ("gate_count <= 40", "resource"), ("depth == 3", "resource"),
                ("concept_gram_tier_separation >= 0.5", "tierSeparation"), ("something else entirely", "unrecognized"),
            ]
            for (text, kind) in items where g.chance(0.6) {
                doc.add("- \(text)")
                doc.invariantKinds.append(kind)
            }
            doc.add("")
        }
        // other_sec = H2(other_text) , { block }
        sections.append { doc in
            let heading = g.pick(["Notes", "Design rationale", "References"])
            doc.sectionLines[heading.lowercased()] = doc.nextLine
            doc.add("## \(heading)")
            doc.add("")
            doc.add("Free prose, a list and a code block are all kept out of dispatch.")
            doc.add("")
            doc.add("```")
            doc.add("## actions")
            doc.add("```")
            doc.add("")
            doc.otherHeadings.append(heading)
        }
        // { section } — any order; the "other" section is optional.
        var order = Array(sections.indices)
        if g.chance(0.4) { order.removeLast() }
        if g.chance(0.3) { order.removeAll { $0 == 4 } }   // guards are optional, but then no guard cells
        order.shuffle(using: &g.rng)
        if !order.contains(4) {
            // No guards section: drop guard references by regenerating without them is complex;
            // keep the guards section whenever the transitions table might reference it.
            order.append(4)
        }
        for index in order { sections[index](&doc) }
        if !order.contains(sections.count - 1) { doc.otherHeadings = [] }
        if g.chance(0.3) { doc.add("---"); doc.add("") }
        return doc
    }
}
