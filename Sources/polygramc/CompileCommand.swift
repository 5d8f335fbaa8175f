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
        let files = try InputFiles.collect(specs, matching: InputFiles.isSpec, kind: "spec files")
        // Everything is read and rendered before anything is written, so bad
        // input never leaves partial output behind.
        var outputs: [(path: String, text: String)] = []
        for file in files {
            let spec = try SpecReader.read(path: file, resolveSAE: SAESpecResolver.resolve)
            let text = try MachineText.render(spec.dictionary, provenance: !noProvenance, output: output)
            let path = (output as NSString).appendingPathComponent("\(spec.dictionary.name).q.orca.md")
            if let clash = outputs.first(where: { $0.path == path }) {
                throw InputError("two specs define dictionary '\(spec.dictionary.name)'; both would write \(clash.path)", file: file)
            }
            outputs.append((path, text))
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        for (path, text) in outputs {
            try AtomicFile.write(text, to: path)
            print(path)
        }
    }
}

/// Writes through a temporary file and a rename, so a reader never sees a
/// partial file.
enum AtomicFile {
    /// Writes `text` to a temporary file beside `path`, then renames it over
    /// `path`: readers see the old file or the whole new one, never a part.
    /// Plain POSIX calls without fsync (Foundation's Data.write syncs each
    /// file, which dominated writing a run's dozen small artifacts); these are
    /// regenerable outputs, not a database.
    static func write(_ text: String, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        func fail(_ what: String) -> InputError {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return InputError("cannot write: \(what): \(reason)", file: path)
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("cannot create \(temporary)") }
        var bytes = Array(text.utf8)
        let written = bytes.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        guard written else {
            close(fd)
            throw fail("write failed")
        }
        guard close(fd) == 0 else { throw fail("close failed") }
        guard rename(temporary, path) == 0 else { throw fail("rename failed") }
    }
}
