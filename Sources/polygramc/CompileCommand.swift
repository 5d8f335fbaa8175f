import ArgumentParser

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
        try CompileJob(specs: specs, output: output, noProvenance: noProvenance).run()
    }
}
