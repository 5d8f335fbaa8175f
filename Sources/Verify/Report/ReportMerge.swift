import Foundation
import IR
import Simulate

/// `verify --merge REPORT.json...`: reads `verify --json` reports (for
/// example one per `--shard`) back into file reports and merges them, files
/// sorted by path. Machine and overall verdicts are recomputed from the
/// diagnostics (with the merge's `--strict`), so the merged JSON is
/// byte-identical to the report of one run over the same sorted files.
/// Numbers are read with Swift's exact `Double(String)`, so the Gram
/// re-renders to the same digits.
public enum ReportMerge {
    /// Reads one report file; any problem is an `InputError` at `path:line:col`.
    public static func read(path: String) throws -> [FileReport] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("cannot read report: \(error.localizedDescription)", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError("report is not valid UTF-8", file: path) }
        return try read(text: text, file: path)
    }

    public static func read(text: String, file: String) throws -> [FileReport] {
        let root: JSONNode
        do {
            root = try JSONText.parse(text, file: file)
        } catch let error as InputError {
            throw InputError("invalid JSON report: \(error.message)", at: error.location, file: file)
        }
        let files = try root.member("files").array("files")
        return try files.map { try fileReport($0) }
    }

    /// Merges reports (each with the path it was read from); the same
    /// machine file in two reports is an error (overlapping shards).
    public static func merge(_ reports: [(source: String, files: [FileReport])]) throws -> [FileReport] {
        var seen: [String: String] = [:]
        var all: [FileReport] = []
        for (source, files) in reports {
            for file in files {
                if let other = seen[file.path] {
                    throw InputError("'\(file.path)' is also reported in \(other) (overlapping shards?)", file: source)
                }
                seen[file.path] = source
                all.append(file)
            }
        }
        return all.sorted { $0.path < $1.path }
    }

    // MARK: - JSON → reports

    static func fileReport(_ value: JSONNode) throws -> FileReport {
        let path = try value.member("path").string("path")
        let machines = try value.member("machines").array("machines").map { try machineReport($0, path: path) }
        return FileReport(path: path, machines: machines)
    }

    static func machineReport(_ value: JSONNode, path: String) throws -> MachineReport {
        let name = try value.member("name").string("name")
        let diagnostics = try value.member("diagnostics").array("diagnostics").map { try diagnostic($0, path: path) }
        var report = MachineReport(name: name, location: nil, diagnostics: diagnostics, conceptLabels: [], gram: nil,
                                   tierSeparation: nil, gramRank: nil, dynamic: nil)
        if let gram = try value.optionalMember("gram") {
            report.conceptLabels = try gram.member("labels").array("labels").map { try $0.string("label") }
            let re = try matrix(gram.member("re"), "re"), im = try matrix(gram.member("im"), "im")
            let size = report.conceptLabels.count
            guard re.count == size, im.count == size, (re + im).allSatisfy({ $0.count == size }) else {
                throw gram.error("gram 're' and 'im' must be \(size)×\(size) (one row and column per label)")
            }
            var entries: [Double] = []
            entries.reserveCapacity(2 * size * size)
            for i in 0..<size { for j in 0..<size { entries += [re[i][j], im[i][j]] } }
            report.gram = GramMatrix(size: size, entries: entries)
            if let rank = try gram.optionalMember("rank") { report.gramRank = try rank.int("rank") }
            if let separation = try gram.optionalMember("tier_separation") {
                report.tierSeparation = try separation.number("tier_separation")
            }
        }
        if let dynamic = try value.optionalMember("dynamic") {
            let branches = try dynamic.member("branches").array("branches").map { branch in
                DynamicSummary.Branch(
                    states: try branch.member("states").array("states").map { try $0.string("state") },
                    end: try branch.member("end").string("end"),
                    schmidtRanks: try branch.member("schmidt_ranks").array("schmidt_ranks").map { try $0.int("rank") },
                    entropies: try branch.member("entropy").array("entropy").map { try $0.number("entropy") })
            }
            report.dynamic = DynamicSummary(qubits: try dynamic.member("qubits").int("qubits"), branches: branches)
        }
        return report
    }

    static func diagnostic(_ value: JSONNode, path: String) throws -> Diagnostic {
        let severityText = try value.member("severity").string("severity")
        guard let severity = Diagnostic.Severity(rawValue: severityText) else {
            throw value.error("unknown severity '\(severityText)'")
        }
        var location: SourceLocation?
        if let line = try value.optionalMember("line") {
            let column = try value.optionalMember("column")?.int("column") ?? 1
            location = SourceLocation(file: path, line: try line.int("line"), column: column)
        }
        return Diagnostic(try value.member("code").string("code"), severity, try value.member("message").string("message"),
                          at: location, suggestion: try value.optionalMember("suggestion")?.string("suggestion"))
    }

    static func matrix(_ value: JSONNode, _ what: String) throws -> [[Double]] {
        try value.array(what).map { row in try row.array(what).map { try $0.number(what) } }
    }
}

// MARK: - Typed access to a parsed report (JSONText, with positions)

extension JSONNode {
    func error(_ message: String) -> InputError { InputError(message, at: location) }

    func optionalMember(_ key: String) throws -> JSONNode? {
        guard case .object(let members) = value else { throw error("expected an object") }
        return members.first { $0.key == key }?.value
    }

    func member(_ key: String) throws -> JSONNode {
        guard let node = try optionalMember(key) else { throw error("missing \"\(key)\"") }
        return node
    }

    func array(_ what: String) throws -> [JSONNode] {
        guard case .array(let items) = value else { throw error("\"\(what)\" must be an array") }
        return items
    }

    func string(_ what: String) throws -> String {
        guard case .string(let s) = value else { throw error("\"\(what)\" must be a string") }
        return s
    }

    /// A number; `null` stands for a non-finite value (the report writes NaN and ±∞ as null).
    func number(_ what: String) throws -> Double {
        if case .null = value { return .nan }
        guard case .number(let spelling) = value, let x = Double(spelling) else { throw error("\"\(what)\" must be a number") }
        return x
    }

    func int(_ what: String) throws -> Int {
        guard case .number(let spelling) = value, let n = Int(spelling) else { throw error("\"\(what)\" must be an integer") }
        return n
    }
}
