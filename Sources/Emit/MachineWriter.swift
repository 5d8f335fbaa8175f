import Foundation
import IR

/// Renders machines to `.q.orca.md` text through the package's templates.
public enum MachineWriter {
    /// The machine body, byte-identical to polygram's `render_machine_markdown`.
    public static func render(_ machine: Machine) throws -> String {
        let layout = machine.encoding == nil ? "mps-family.q.orca.md" : "hea.q.orca.md"
        return try TemplateLibrary.template(named: layout).render(MachineScope.make(machine))
    }

    /// polygram's `write_qorca` comment block.
    public static func provenance(_ info: Provenance) throws -> String {
        var scope = TemplateScope()
        scope["name"] = .text(info.dictionaryName)
        scope["featureCount"] = .text(String(info.featureCount))
        scope["clusterCount"] = .text(String(info.clusterCount))
        scope["generated"] = .text(info.generated)
        scope["gitRevision"] = .text(info.gitRevision)
        return try TemplateLibrary.template(named: "provenance.md").render(scope)
    }
}
