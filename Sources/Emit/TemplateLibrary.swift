import Foundation

/// The Markdown templates shipped as package resources, loaded once.
public enum TemplateLibrary {
    public static let names = ["mps-family.q.orca.md", "hea.q.orca.md", "provenance.md"]

    /// Loads and parses a template; throws if it is missing or malformed.
    public static func template(named name: String) throws -> Template {
        guard let url = Bundle.module.url(forResource: "Templates/\(name)", withExtension: nil)
                ?? Bundle.module.url(forResource: name, withExtension: nil),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw TemplateError(template: name, line: 0, message: "template resource is missing")
        }
        return try Template(name: name, source: text)
    }
}
