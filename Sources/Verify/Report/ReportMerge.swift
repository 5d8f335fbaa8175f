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
        var parser = JSONParser(Array(text.utf8), file: file)
        let root = try parser.document()
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

    static func fileReport(_ value: JSONValue) throws -> FileReport {
        let path = try value.member("path").string("path")
        let machines = try value.member("machines").array("machines").map { try machineReport($0, path: path) }
        return FileReport(path: path, machines: machines)
    }

    static func machineReport(_ value: JSONValue, path: String) throws -> MachineReport {
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

    static func diagnostic(_ value: JSONValue, path: String) throws -> Diagnostic {
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

    static func matrix(_ value: JSONValue, _ what: String) throws -> [[Double]] {
        try value.array(what).map { row in try row.array(what).map { try $0.number(what) } }
    }
}

// MARK: - A small JSON reader that keeps positions and number spellings

struct JSONValue {
    enum Kind {
        case object([(String, JSONValue)]), array([JSONValue]), string(String), number(String), bool(Bool), null
    }

    var kind: Kind
    var location: SourceLocation

    func error(_ message: String) -> InputError { InputError(message, at: location) }

    func optionalMember(_ key: String) throws -> JSONValue? {
        guard case .object(let members) = kind else { throw error("expected an object") }
        return members.first { $0.0 == key }?.1
    }

    func member(_ key: String) throws -> JSONValue {
        guard let value = try optionalMember(key) else { throw error("missing \"\(key)\"") }
        return value
    }

    func array(_ what: String) throws -> [JSONValue] {
        guard case .array(let items) = kind else { throw error("\"\(what)\" must be an array") }
        return items
    }

    func string(_ what: String) throws -> String {
        guard case .string(let s) = kind else { throw error("\"\(what)\" must be a string") }
        return s
    }

    /// A number; `null` stands for a non-finite value (the report writes NaN and ±∞ as null).
    func number(_ what: String) throws -> Double {
        if case .null = kind { return .nan }
        guard case .number(let spelling) = kind, let x = Double(spelling) else { throw error("\"\(what)\" must be a number") }
        return x
    }

    func int(_ what: String) throws -> Int {
        guard case .number(let spelling) = kind, let n = Int(spelling) else { throw error("\"\(what)\" must be an integer") }
        return n
    }
}

struct JSONParser {
    let bytes: [UInt8]
    let file: String
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0

    init(_ bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    var location: SourceLocation { SourceLocation(file: file, line: line, column: index - lineStart + 1) }

    func error(_ message: String) -> InputError { InputError("invalid JSON report: \(message)", at: location) }

    mutating func document() throws -> JSONValue {
        skipSpace()
        let value = try parseValue()
        skipSpace()
        guard index == bytes.count else { throw error("unexpected text after the report object") }
        return value
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of file") }
        let start = location
        switch bytes[index] {
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            guard depth <= 256 else { throw error("nested too deeply") }
            index += 1
            var members: [(String, JSONValue)] = []
            skipSpace()
            if peek("}") { index += 1; return JSONValue(kind: .object(members), location: start) }
            while true {
                skipSpace()
                guard peek("\"") else { throw error("expected a string key") }
                let key = try parseString()
                skipSpace()
                try expect(":")
                skipSpace()
                members.append((key, try parseValue()))
                skipSpace()
                if peek(",") { index += 1; continue }
                try expect("}")
                return JSONValue(kind: .object(members), location: start)
            }
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= 256 else { throw error("nested too deeply") }
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if peek("]") { index += 1; return JSONValue(kind: .array(items), location: start) }
            while true {
                skipSpace()
                items.append(try parseValue())
                skipSpace()
                if peek(",") { index += 1; continue }
                try expect("]")
                return JSONValue(kind: .array(items), location: start)
            }
        case UInt8(ascii: "\""):
            return JSONValue(kind: .string(try parseString()), location: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONValue(kind: .bool(true), location: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONValue(kind: .bool(false), location: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONValue(kind: .null, location: start)
        default:
            let begin = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            guard index > begin else { throw error("unexpected character") }
            let spelling = String(decoding: bytes[begin..<index], as: UTF8.self)
            guard Double(spelling) != nil else { throw error("bad number '\(spelling)'") }
            return JSONValue(kind: .number(spelling), location: start)
        }
    }

    func peek(_ c: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: c) }

    mutating func expect(_ c: Unicode.Scalar) throws {
        guard peek(c) else { throw error("expected '\(c)'") }
        index += 1
    }

    mutating func literal(_ word: String) throws {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw error("expected '\(word)'") }
            index += 1
        }
    }

    mutating func parseString() throws -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll()
        }
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw error("control character in string") }
            guard byte == UInt8(ascii: "\\") else { run.append(byte); continue }
            flush()
            guard index < bytes.count else { throw error("unterminated string") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{c}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), peek("\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("bad surrogate pair") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("bad \\u escape") }
                scalars.append(scalar)
            default: throw error("bad escape")
            }
        }
        flush()
        return String(scalars)
    }

    mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error("bad \\u escape") }
        index += 4
        return value
    }
}
