import Foundation
import IR

/// Reads `.q.orca.md` files into machines (qorca-language.md §1–2, with the
/// fixes listed in grammars/README.md). Every problem that would make a
/// machine mean something other than what is written is an `InputError`
/// pointing at `file:line:col`.
public enum QOrcaReader {
    public static func read(path: String) throws -> [Machine] {
        if let text = SourceFile.text(atPath: path) { return try read(text: text, file: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("cannot read file: \(error.localizedDescription)", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("file is not valid UTF-8", file: path)
        }
        return try read(text: text, file: path)
    }

    public static func read(text: String, file: String) throws -> [Machine] {
        let source = SourceText(text, file: file)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw InputError("empty file: no '# machine' heading", at: source.location(line: 1, column: 1))
        }
        let elements = try ElementScanner(source: source).scan(CMarkDocument.blocks(of: text))
        let chunks = try MachineSplitter(source: source).split(elements)
        guard !chunks.isEmpty else {
            throw InputError("no '# machine <Name>' heading in file", at: source.location(line: 1, column: 1))
        }
        return try chunks.map { try MachineBuilder(source: source, chunk: $0).build() }
    }
}
