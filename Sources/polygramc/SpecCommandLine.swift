/// The arguments `compile` and `run` share, `SPEC… [-o DIR | --output DIR]
/// [--no-provenance]`, read by `SimpleCommandLine` for their fast paths.
struct SpecCommandLine {
    var specs: [String]
    var output: String
    var noProvenance: Bool

    /// nil unless `arguments` is `command` followed by exactly that shape.
    init?(_ arguments: [String], command: String) {
        guard arguments.first == command,
              let line = SimpleCommandLine(arguments.dropFirst(), flags: ["--no-provenance"],
                                           options: ["-o": "output", "--output": "output"]),
              !line.positionals.isEmpty else { return nil }
        specs = line.positionals
        output = line.options["output"] ?? "."
        noProvenance = line.flags.contains("--no-provenance")
    }
}
