import Emit
import Foundation
import Frontend
import IR

/// One `polygramc compile` with its options parsed (by `CompileCommand`, or
/// by `fastPath` for the everyday call).
struct CompileJob {
    var specs: [String]
    var output = "."
    var noProvenance = false

    /// `compile SPEC… [-o DIR | --output DIR] [--no-provenance]` without
    /// ArgumentParser (its reflective parse is over a millisecond); nil for
    /// anything else, which the full parser then handles.
    static func fastPath(_ arguments: [String]) -> CompileJob? {
        SpecCommandLine(arguments, command: "compile").map {
            CompileJob(specs: $0.specs, output: $0.output, noProvenance: $0.noProvenance)
        }
    }

    func run() throws {
        if !noProvenance { MachineText.prepareProvenance(output: output) }
        let files = try InputFiles.collect(specs, matching: InputFiles.isSpec, kind: "spec files")
        // Everything is read and rendered before anything is written, so bad
        // input never leaves partial output behind.
        var outputs: [(path: String, text: String)] = []
        for file in files {
            let spec = try SpecReader.read(path: file, resolveSAE: SAESpecResolver.resolve)
            let text = try MachineText.render(spec.dictionary, provenance: !noProvenance, output: output)
            let path = PathText.join(output, "\(spec.dictionary.name).q.orca.md")
            if let clash = outputs.first(where: { $0.path == path }) {
                throw InputError("two specs define dictionary '\(spec.dictionary.name)'; both would write \(clash.path)", file: file)
            }
            outputs.append((path, text))
        }
        var folders = AtomicFile.Folders()
        try folders.create(output)
        for (path, text) in outputs {
            try AtomicFile.write(text, to: path)
            print(path)
        }
    }
}
