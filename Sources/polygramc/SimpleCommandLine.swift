/// The everyday command lines (`verify FILE…`, `run SPEC… -o DIR`), split
/// without ArgumentParser, whose reflection-driven parse costs more than a
/// small job. Positionals, boolean flags and `--name VALUE` options, each
/// flag or option at most once; anything else (`--`, `--name=value`, an
/// unknown or repeated option, a value that looks like an option) makes the
/// initialiser fail so the full parser handles it, help and errors included.
struct SimpleCommandLine {
    var positionals: [String] = []
    var flags: Set<String> = []
    /// Canonical option name → value.
    var options: [String: String] = [:]

    /// `options` maps each accepted spelling to its canonical name.
    init?(_ arguments: ArraySlice<String>, flags allowedFlags: Set<String>, options allowedOptions: [String: String] = [:]) {
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let argument = arguments[i]
            i += 1
            guard argument.hasPrefix("-") else {
                positionals.append(argument)
                continue
            }
            if allowedFlags.contains(argument) {
                guard flags.insert(argument).inserted else { return nil }
            } else if let name = allowedOptions[argument], i < arguments.endIndex, !arguments[i].hasPrefix("-"),
                      options[name] == nil {
                options[name] = arguments[i]
                i += 1
            } else {
                return nil
            }
        }
    }
}
