import ArgumentParser
import Emit
import Foundation
import Frontend
import IR

/// `polygramc compile SPEC... [-o DIR] [--no-provenance]`
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile dictionary specs (YAML/JSON) to DIR/<name>.q.orca.md.")

    @Argument(help: "Spec files, or directories searched for *.yaml, *.yml, *.json.")
    var specs: [String]

    @Option(name: .shortAndLong, help: "Output directory (created if missing).")
    var output: String = "."

    @Flag(help: "Omit the provenance comment block (output then equals polygram's render_machine_markdown).")
    var noProvenance = false

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
