import IR

/// A level-2 section of one machine: its heading and the elements up to the
/// next level-1/level-2 heading.
struct Section {
    var heading: Heading
    var key: SectionKey
    var content: [DocumentElement]
}

/// Builds one `Machine` from its chunk of elements (qorca-language.md §2).
struct MachineBuilder {
    let source: SourceText
    let chunk: MachineChunk

    func build() throws -> Machine {
        var machine = Machine(name: chunk.name,
                              location: source.location(line: chunk.heading.line, column: chunk.heading.column))
        let (summary, sections) = split(chunk.elements)
        machine.summary = summary

        var single: [SectionKey.Kind: Section] = [:]
        var states: [Section] = []
        for section in sections {
            switch section.key.kind {
            case .state:
                states.append(section)
            case .other:
                machine.otherSections.append(OtherSection(
                    heading: section.heading.text,
                    location: source.location(line: section.heading.line, column: section.heading.column)))
            case let kind:
                if let first = single[kind] {
                    throw source.error("duplicate section '## \(section.heading.text)' "
                                       + "(first at line \(first.heading.line))",
                                       line: section.heading.line, column: section.heading.column)
                }
                single[kind] = section
                if kind == .resources || kind == .effects {
                    machine.otherSections.append(OtherSection(
                        heading: section.heading.text,
                        location: source.location(line: section.heading.line, column: section.heading.column)))
                }
            }
        }

        // Validate every known section's shape, even the ones kept as-is, in
        // source order (so the first malformed section is the one reported).
        var tables: [SectionKey.Kind: Table] = [:]
        var lists: [SectionKey.Kind: BulletList] = [:]
        for section in sections where section.key.kind != .state && section.key.kind != .other {
            let kind = section.key.kind
            if section.key.expectsTable == true {
                if let table = try dataTable(section) { tables[kind] = table }
            } else if section.key.expectsTable == false {
                if let list = try dataList(section) { lists[kind] = list }
            }
        }

        if let table = tables[.context] { machine.context = try contextFields(table) }
        let scope = AngleScope(context: machine.context)
        if let table = tables[.guards] { machine.guards = try guards(table) }
        var namedEffects: Set<String> = []
        if let table = tables[.effects], let name = table.column("name") {
            try checkRows(table, section: "effects")
            namedEffects = Set(table.rows.map { $0.cells[name].text.trimmed }.filter { !$0.isEmpty })
        }
        if let table = tables[.actions] {
            machine.actions = try actions(table, scope: scope, namedEffects: namedEffects)
        }
        if let table = tables[.transitions] {
            machine.transitions = try transitions(table, actions: machine.actions, scope: scope)
        }
        if let list = lists[.events] { machine.events = events(list) }
        machine.states = try states.map(state)
        if !machine.states.isEmpty, !machine.states.contains(where: \.isInitial) {
            machine.states[0].isInitial = true
        }
        if let list = lists[.verificationRules] { machine.verificationRules = rules(list) }
        if let list = lists[.invariants] { machine.invariants = try invariants(list) }
        if let table = tables[.encoding] { machine.encoding = try encoding(table) }
        if let table = tables[.theta] {
            guard let encoding = machine.encoding else {
                throw source.error("'## theta' needs an '## encoding' section", line: table.line)
            }
            machine.theta = try theta(table, encoding: encoding, context: machine.context)
        }
        if let table = tables[.ampBranch] { machine.ampBranch = try ampBranch(table) }
        return machine
    }

    // MARK: - Sections

    /// Summary text (paragraphs and blockquotes before the first `##`) and sections.
    private func split(_ elements: ArraySlice<DocumentElement>) -> ([String], [Section]) {
        var summary: [String] = []
        var sections: [Section] = []
        for element in elements {
            if case .heading(let heading) = element, heading.level <= 2 {
                if heading.level == 2 {
                    sections.append(Section(heading: heading, key: SectionKey(heading.text), content: []))
                } else if !sections.isEmpty {
                    sections[sections.count - 1].content.append(element)
                }
                continue
            }
            if sections.isEmpty {
                switch element {
                case .paragraph(let p): summary.append(p.text)
                case .blockquote(let q): summary.append(q.text)
                default: break
                }
            } else {
                sections[sections.count - 1].content.append(element)
            }
        }
        return (summary, sections)
    }

    /// The section's table: the first element after the heading (prose
    /// paragraphs are invisible). Anything else there, or a second table or
    /// list later in the section, is an error rather than silently ignored.
    private func dataTable(_ section: Section) throws -> Table? {
        try dataElement(section, wantTable: true).flatMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    private func dataList(_ section: Section) throws -> BulletList? {
        try dataElement(section, wantTable: false).flatMap { if case .list(let l) = $0 { return l } else { return nil } }
    }

    private func dataElement(_ section: Section, wantTable: Bool) throws -> DocumentElement? {
        let wanted = wantTable ? "a table" : "a bullet list"
        let name = "'## \(section.heading.text)'"
        var found: DocumentElement?
        for element in section.content {
            switch element {
            case .paragraph:
                continue
            case .table, .list:
                if found == nil {
                    let matches: Bool
                    if case .table = element { matches = wantTable } else { matches = !wantTable }
                    guard matches else {
                        throw source.error("section \(name) must be followed by \(wanted), found \(element.kindName)",
                                           line: element.line)
                    }
                    found = element
                } else {
                    throw source.error("section \(name) has a second table or list; only one is allowed",
                                       line: element.line)
                }
            default:
                if found == nil {
                    throw source.error("section \(name) must be followed directly by \(wanted), "
                                       + "found \(element.kindName)", line: element.line)
                }
            }
        }
        return found
    }

    // MARK: - Table helpers

    /// Rejects rows with fewer cells than the header.
    func checkRows(_ table: Table, section: String) throws {
        for row in table.rows where row.cells.count < table.header.cells.count {
            throw source.error("\(section) table row has \(row.cells.count) cell(s) but the header has "
                               + "\(table.header.cells.count) (truncated row)", line: row.line)
        }
    }

    func requireColumn(_ table: Table, _ name: String, section: String) throws -> Int {
        guard let index = table.column(name) else {
            throw source.error("\(section) table has no '\(name)' column", line: table.line)
        }
        return index
    }

    func location(_ cell: TableCell) -> SourceLocation { source.location(line: cell.line, column: cell.column) }
    func rowLocation(_ row: TableRow) -> SourceLocation { source.location(line: row.line, column: 1) }
}

/// Removes one pair of enclosing backticks, then trims.
func unwrapBackticks(_ text: String) -> String {
    let t = text.trimmed
    if t.count >= 2, t.first == "`", t.last == "`" { return String(t.dropFirst().dropLast()).trimmed }
    return t
}
