import Foundation
import IR
import Simulate

/// `verify --json` (spec/README.md §3): one object, keys in a fixed order,
/// numbers as Python `repr`, so the output is byte-stable.
public enum JSONReport {
    public static func render(_ files: [FileReport], strict: Bool) -> String {
        let valid = files.allSatisfy { $0.machines.allSatisfy { $0.isValid(strict: strict) } }
        var out = "{\n  \"valid\": \(valid),\n  \"files\": ["
        for (fi, file) in files.enumerated() {
            out += fi == 0 ? "\n" : ",\n"
            out += "    {\n      \"path\": \(quote(file.path)),\n      \"machines\": ["
            for (mi, machine) in file.machines.enumerated() {
                out += mi == 0 ? "\n" : ",\n"
                out += machineObject(machine, strict: strict, indent: "        ")
            }
            out += file.machines.isEmpty ? "]\n    }" : "\n      ]\n    }"
        }
        out += files.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    static func machineObject(_ m: MachineReport, strict: Bool, indent: String) -> String {
        let i2 = indent + "  "
        var out = "\(indent){\n\(i2)\"name\": \(quote(m.name)),\n\(i2)\"valid\": \(m.isValid(strict: strict)),\n"
        out += "\(i2)\"diagnostics\": ["
        for (di, d) in ordered(m.diagnostics, strict: strict).enumerated() {
            out += di == 0 ? "\n" : ",\n"
            var fields = ["\"code\": \(quote(d.code))", "\"severity\": \(quote(d.severity.rawValue))",
                          "\"message\": \(quote(d.message))"]
            if let location = d.location {
                fields.append("\"line\": \(location.line)")
                fields.append("\"column\": \(location.column)")
            }
            if let suggestion = d.suggestion { fields.append("\"suggestion\": \(quote(suggestion))") }
            out += "\(i2)  {" + fields.joinedText(", ") + "}"
        }
        out += m.diagnostics.isEmpty ? "]" : "\n\(i2)]"
        if let gram = m.gram {
            out += ",\n\(i2)\"gram\": {\n"
            out += "\(i2)  \"labels\": [" + m.conceptLabels.map(quote).joinedText(", ") + "],\n"
            out += "\(i2)  \"overlap\": " + matrix(gram, indent: i2 + "  ") { gram.overlap($0, $1) } + ",\n"
            out += "\(i2)  \"re\": " + matrix(gram, indent: i2 + "  ") { gram.real($0, $1) } + ",\n"
            out += "\(i2)  \"im\": " + matrix(gram, indent: i2 + "  ") { gram.imaginary($0, $1) }
            if let rank = m.gramRank { out += ",\n\(i2)  \"rank\": \(rank)" }
            if let separation = m.tierSeparation { out += ",\n\(i2)  \"tier_separation\": \(number(separation))" }
            out += "\n\(i2)}"
        }
        if let dynamic = m.dynamic {
            out += ",\n\(i2)\"dynamic\": {\"qubits\": \(dynamic.qubits), \"branches\": ["
            for (bi, branch) in dynamic.branches.enumerated() {
                out += bi == 0 ? "\n" : ",\n"
                out += "\(i2)  {\"states\": [" + branch.states.map(quote).joinedText(", ") + "], "
                    + "\"end\": \(quote(branch.end)), "
                    + "\"schmidt_ranks\": [" + branch.schmidtRanks.map(String.init).joinedText(", ") + "], "
                    + "\"entropy\": [" + branch.entropies.map(number).joinedText(", ") + "]}"
            }
            out += dynamic.branches.isEmpty ? "]}" : "\n\(i2)]}"
        }
        return out + "\n\(indent)}"
    }

    /// With `--strict`, errors first then warnings (as q-orca orders them).
    static func ordered(_ diagnostics: [Diagnostic], strict: Bool) -> [Diagnostic] {
        guard strict else { return diagnostics }
        return diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity != .error }
    }

    static func matrix(_ gram: GramMatrix, indent: String, _ entry: (Int, Int) -> Double) -> String {
        let rows = (0..<gram.size).map { i in
            "[" + (0..<gram.size).map { j in number(entry(i, j)) }.joinedText(", ") + "]"
        }
        return "[\n" + rows.map { indent + "  " + $0 }.joinedText(",\n") + "\n\(indent)]"
    }

    /// JSON has no NaN/Infinity: those become null.
    static func number(_ x: Double) -> String { x.isFinite ? PythonFloat.repr(x) : "null" }

    static func quote(_ s: String) -> String { JSONString.quote(s) }
}
