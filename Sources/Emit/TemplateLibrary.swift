import Frontend

/// The Markdown templates (Sources/Emit/Templates, embedded in the binary
/// by scripts/embed_templates.py), each parsed and checked at its first use.
public enum TemplateLibrary {
    public static let names = ["mps-family.q.orca.md", "hea.q.orca.md", "provenance.md"]

    /// Each template parsed at its first use, once per process (an MPS
    /// compile never pays for parsing the HEA template); a global `let`
    /// initialises once, thread-safely.
    private static let mpsFamily = Result { try load("mps-family.q.orca.md") }
    private static let hea = Result { try load("hea.q.orca.md") }
    private static let provenance = Result { try load("provenance.md") }

    /// A packaged template; throws if it is missing or malformed.
    public static func template(named name: String) throws -> Template {
        switch name {
        case "mps-family.q.orca.md": return try mpsFamily.get()
        case "hea.q.orca.md": return try hea.get()
        case "provenance.md": return try provenance.get()
        default: throw TemplateError(template: name, line: 0, message: "no such template")
        }
    }

    static func load(_ name: String) throws -> Template {
        guard let text = EmbeddedTemplates.sources[name] else {
            throw TemplateError(template: name, line: 0, message: "template is not embedded (run scripts/embed_templates.py)")
        }
        // The Markdown structure (`checkStructure`) is checked by the tests, on
        // exactly these embedded bytes: no need to parse it with cmark at every start.
        return try Template(name: name, source: text)
    }

    /// Headings every machine template must have, as CommonMark sees them.
    static let machineSections = ["context", "events", "transitions", "actions"]

    /// Parses the template with cmark and checks its Markdown structure, so a
    /// template whose headings were broken fails loudly (tests load them all).
    static func checkStructure(_ template: Template) throws {
        let outline = MarkdownOutline(template.source)
        if template.name == "provenance.md" {
            guard outline.blocks.count == 1, case .html = outline.blocks[0] else {
                throw TemplateError(template: template.name, line: 1, message: "must be a single HTML comment block")
            }
            return
        }
        let headings = outline.headings
        guard let first = headings.first, first.level == 1, first.text.hasPrefix("machine ") else {
            throw TemplateError(template: template.name, line: 1, message: "must open with a `# machine` heading")
        }
        for section in machineSections where !headings.contains(where: { $0.level == 2 && $0.text == section }) {
            throw TemplateError(template: template.name, line: 0, message: "has no `## \(section)` heading")
        }
    }
}
