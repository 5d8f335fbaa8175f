import Foundation
import IR
import Yams

/// Reads a spec file (README §1) into a `Spec`, applying polygram's validation
/// (polygram-core.md §1.2, §1.3, §2, §4.1, §5.1). YAML and JSON both go through
/// Yams, so every value has a position; every failure is an `InputError` at
/// the offending node's `file:line:col`.
public enum SpecReader {
    /// `resolveSAE` imports `dictionary: {sae: …}` features (the CLI passes
    /// module Analysis's import); without it such specs are refused.
    public static func read(path: String, resolveSAE: SAEResolver? = nil) throws -> Spec {
        // Plain POSIX for a regular file; Foundation for anything else (a pipe).
        guard let bytes = RegularFile.bytes(atPath: path) ?? FileManager.default.contents(atPath: path).map(Array.init) else {
            throw InputError("cannot read spec file", file: path)
        }
        // A leading byte-order mark is dropped, as Foundation's UTF-8 decoding does.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            throw InputError("spec file is not valid UTF-8", file: path)
        }
        return try read(text: text, file: path, resolveSAE: resolveSAE)
    }

    private static let nodesOnly = Constructor([:], [:], [:])

    public static func read(text: String, file: String, resolveSAE: SAEResolver? = nil) throws -> Spec {
        let nodes = SpecNodes(file: file)
        let language = file.lowercased().hasSuffix(".json") ? "JSON" : "YAML"
        let root: Node
        do {
            // `.basic`: no regex-based tag resolution (see SpecNodes.tagName).
            // An empty constructor: specs are read as nodes, never turned into
            // `Any`, and Yams's default one builds three tables at first use.
            // UTF-8 named, not Yams's `.default`: that reads the whole process
            // environment (and prints to stdout if YAMS_DEFAULT_ENCODING is set).
            guard let node = try Yams.compose(yaml: text, .basic, Self.nodesOnly, .utf8) else {
                throw InputError("empty spec", at: SourceLocation(file: file, line: 1, column: 1))
            }
            root = node
        } catch let error as YamlError {
            throw malformed(error, language: language, file: file, text: text)
        }
        if nodes.isNull(root) {
            throw InputError("empty spec", at: nodes.location(root))
        }
        let top = try nodes.mapping(root, "spec", allowed: ["dictionary", "experiments", "cancellations"])
        let dictionary = try DictionaryReader(nodes: nodes, resolveSAE: resolveSAE).read(try top.required("dictionary"))
        let runs = RunsReader(nodes: nodes, dictionary: dictionary)
        var experiments: [ExperimentSpec] = []
        if let list = top["experiments"], !nodes.isNull(list) {
            for (i, item) in try nodes.sequence(list, "experiments").enumerated() {
                experiments.append(try runs.experiment(item, index: i))
            }
        }
        var cancellations: [CancellationSpec] = []
        if let list = top["cancellations"], !nodes.isNull(list) {
            for (i, item) in try nodes.sequence(list, "cancellations").enumerated() {
                cancellations.append(try runs.cancellation(item, index: i))
            }
        }
        return Spec(dictionary: dictionary, experiments: experiments, cancellations: cancellations, file: file)
    }

    /// Yams' parse errors, at Yams' position.
    static func malformed(_ error: YamlError, language: String, file: String, text: String) -> InputError {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
        }
        func detail(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return InputError("malformed \(language): \(detail(problem, context))", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { PythonString.repr($0) }.joinedText(", ")
            return InputError("duplicate key \(keys) in mapping", at: at(context.mark))
        case let .reader(problem, offset, _, _):
            return InputError("malformed \(language): \(problem)",
                              at: offset.map { position(ofByte: $0, in: text, file: file) }
                                  ?? SourceLocation(file: file, line: 1, column: 1))
        default:
            return InputError("malformed \(language): \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// 1-based line and column (in Unicode scalars, as libyaml counts) of a UTF-8 byte offset.
    static func position(ofByte offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1, column = 1, bytes = 0
        for scalar in text.unicodeScalars {
            if bytes >= offset { break }
            bytes += UTF8.width(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
