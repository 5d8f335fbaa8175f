import Emit
import Foundation
import IR

/// The `.q.orca.md` text `compile` and `run` write for a dictionary: the
/// machine body, preceded by the provenance block unless it is switched off.
enum MachineText {
    static func render(_ dictionary: FeatureDictionary, provenance: Bool, output: String) throws -> String {
        let body = try MachineWriter.render(try Lowering.machine(for: dictionary))
        guard provenance else { return body }
        let info = try Provenance.current(for: dictionary, directory: existingAncestor(of: output))
        return try MachineWriter.provenance(info) + body
    }

    /// Starts the provenance block's git call for machines written under
    /// `output`, so it runs while the machines are computed.
    static func prepareProvenance(output: String) {
        Provenance.prepareGitRevision(in: existingAncestor(of: output))
    }

    /// The nearest existing folder at or above `path` (where `git rev-parse` runs).
    static func existingAncestor(of path: String) -> String {
        var current = (path as NSString).standardizingPath
        var info = stat()
        while stat(current, &info) != 0, current != "/" {
            current = PathText.parent(of: current)
            if current.isEmpty { return "." }
        }
        return current
    }
}
