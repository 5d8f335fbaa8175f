import IR

/// `verify --sarif FILE`: SARIF 2.1.0, one run, keys in a fixed order so the
/// bytes are stable. Rules are `Verifier.checkList` (then any other code
/// found, described by its code); each finding is one result with `ruleId`,
/// `ruleIndex`, `level` (error / warning / note for info), `message.text`,
/// the file (`artifactLocation.uri`: the path as given, percent-encoded;
/// absolute paths as `file://` URIs), `region.startLine/startColumn` when
/// the finding has a position (1-based; columns count characters, hence
/// `columnKind: unicodeCodePoints`), the machine as a logical location, and
/// a suggestion, when there is one, in `properties.suggestion`. Findings are
/// listed whatever `--strict` says; `--strict` only orders errors first, as
/// in the JSON report.
public enum SARIFReport {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    public static func render(_ files: [FileReport], strict: Bool) -> String {
        var rules = Verifier.checkList.map { (id: $0.code, text: $0.summary) }
        for file in files {
            for machine in file.machines {
                for d in machine.diagnostics where !rules.contains(where: { $0.id == d.code }) {
                    rules.append((d.code, d.code))
                }
            }
        }
        let q = JSONReport.quote
        var out = "{\n  \"$schema\": \(q(schema)),\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
        out += "      \"tool\": {\n        \"driver\": {\n          \"name\": \"polygramc\",\n          \"rules\": ["
        for (index, rule) in rules.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "            {\"id\": \(q(rule.id)), \"shortDescription\": {\"text\": \(q(rule.text))}}"
        }
        out += rules.isEmpty ? "]\n" : "\n          ]\n"
        out += "        }\n      },\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
        var first = true
        for file in files {
            for machine in file.machines {
                for d in JSONReport.ordered(machine.diagnostics, strict: strict) {
                    out += first ? "\n" : ",\n"
                    first = false
                    let ruleIndex = rules.firstIndex { $0.id == d.code } ?? 0
                    var physical = "\"artifactLocation\": {\"uri\": \(q(uri(d.location?.file ?? file.path)))}"
                    if let location = d.location, location.line >= 1 {
                        physical += ", \"region\": {\"startLine\": \(location.line)"
                        if location.column >= 1 { physical += ", \"startColumn\": \(location.column)" }
                        physical += "}"
                    }
                    out += "        {\"ruleId\": \(q(d.code)), \"ruleIndex\": \(ruleIndex), \"level\": \(q(level(d.severity))), "
                    out += "\"message\": {\"text\": \(q(d.message))}, \"locations\": [{\"physicalLocation\": {\(physical)}, "
                    out += "\"logicalLocations\": [{\"name\": \(q(machine.name)), \"kind\": \"module\"}]}]"
                    if let suggestion = d.suggestion { out += ", \"properties\": {\"suggestion\": \(q(suggestion))}" }
                    out += "}"
                }
            }
        }
        out += first ? "]\n" : "\n      ]\n"
        out += "    }\n  ]\n}\n"
        return out
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A URI reference for a path: relative paths stay relative (a leading
    /// segment with `:` is encoded so it cannot read as a scheme), absolute
    /// ones become `file://` URIs; bytes outside RFC 3986's path characters
    /// are percent-encoded.
    public static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            let plain = (byte < 0x80 && (c.isLetter || c.isNumber)) || "-._~/!$&'()*+,;=@".contains(c)
                || (c == ":" && path.hasPrefix("/"))
            out += plain ? String(c) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
        }
        return out
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
