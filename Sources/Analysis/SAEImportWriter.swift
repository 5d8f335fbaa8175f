import Foundation
import IR

/// `polygram sae-import` (polygram-pipeline.md §4.1): flag parsing, the
/// `--names` file, and the toy-JSON text exactly as polygram writes it
/// (`json.dump(indent=2, ensure_ascii=True)`, keys in insertion order, floats
/// as Python `repr`). The text has no trailing newline; polygram's stdout path
/// adds one (`print`), its `--output` path does not.
public enum SAEImportWriter {
    /// The toy-JSON document for `records` imported from `sourcePath`.
    /// `progress` sees ("write", records done, records).
    public static func jsonText(records: [SAEFeatureRecord], sourcePath: String, progress: AnalysisProgress? = nil) -> String {
        let fileName = (sourcePath as NSString).lastPathComponent
        var out = "{\n  \"schema_version\": 1,\n  \"description\": "
        out += quote("Polygram sae-import \u{2014} \(fileName), \(records.count) features")
        out += ",\n  \"features\": "
        if records.isEmpty { return out + "[]\n}" }
        out += "["
        for (i, r) in records.enumerated() {
            out += i == 0 ? "\n    {\n" : ",\n    {\n"
            out += "      \"feature_id\": \(r.featureID),\n"
            out += "      \"name\": \(quote(r.name)),\n"
            out += "      \"projection\": "
            if r.projection.isEmpty {
                out += "[]"
            } else {
                out += "[\n"
                out += r.projection.map { "        " + number($0) }.joinedText(",\n")
                out += "\n      ]"
            }
            if let label = r.label { out += ",\n      \"label\": \(quote(label))" }
            if let mean = r.activationMean { out += ",\n      \"activation_mean\": \(number(mean))" }
            if let std = r.activationStd { out += ",\n      \"activation_std\": \(number(std))" }
            out += "\n    }"
            progress?("write", i + 1, records.count)
        }
        return out + "\n  ]\n}"
    }

    /// `--features "a,b,c"`: Python `int()` per comma-separated token, blanks skipped.
    public static func parseFeatureIDs(_ text: String) throws -> [Int] {
        var ids: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let token = pythonStrip(String(part))
            if token.isEmpty { continue }
            guard let id = pythonInt(token) else {
                throw InputError("--features expects comma-separated ints, got '\(token)'")
            }
            ids.append(id)
        }
        guard !ids.isEmpty else { throw InputError("--features must list at least one id") }
        return ids
    }

    /// `--names FILE`: a JSON object, either `{id: name}` (all values strings)
    /// or `{name: id}` (all values ints, inverted). nil for an empty object.
    public static func loadNames(path: String) throws -> SAEFeatureNames? {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError("--names file not found: \(path)", file: path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("cannot read --names file: \(error.localizedDescription)", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("failed to parse --names \(path): not valid UTF-8", file: path)
        }
        return try parseNames(text, file: path)
    }

    public static func parseNames(_ text: String, file: String) throws -> SAEFeatureNames? {
        let root: JSONNode
        do {
            root = try JSONText.parse(text, file: file)
        } catch let error as InputError {
            throw InputError("failed to parse --names \(file): \(error.message)", at: error.location, file: file)
        }
        guard case .object(let raw) = root.value else {
            throw InputError("--names \(file) must contain a JSON object, got \(root.kindName)", at: root.location)
        }
        // Python dict semantics: a repeated key keeps its first position, last value.
        var members: [(key: String, value: JSONNode)] = []
        var index: [String: Int] = [:]
        for (key, value) in raw {
            if let i = index[key] { members[i].value = value } else {
                index[key] = members.count
                members.append((key, value))
            }
        }
        if members.isEmpty { return nil }
        let kinds = members.map { $0.value.kindName == "null" ? "NoneType" : $0.value.kindName }
        let distinct = Array(Set(kinds)).sorted()
        if distinct == ["str"] {
            var names = SAEFeatureNames()
            for (key, value) in members {
                guard let id = pythonInt(pythonStrip(key)) else {
                    throw InputError("--names \(file): keys must parse as ints under the {id: name} shape: "
                                     + "invalid literal for int() with base 10: \(PythonString.repr(key))",
                                     at: value.location)
                }
                if case .string(let name) = value.value { names[id] = name }
            }
            return names
        }
        if distinct == ["int"] {
            var names = SAEFeatureNames()
            for (key, value) in members {
                guard case .number(let t) = value.value, let id = Int(t) else {
                    throw InputError("load_sae_safetensors: names key \(value.textForMessage) is outside the range of "
                                     + "feature ids", at: value.location)
                }
                names[id] = key
            }
            return names
        }
        if distinct.count > 1 {
            throw InputError("--names \(file) mixes value types {\(distinct.joinedText(", "))}; expected a uniform "
                             + "`{id: name}` (string values) or `{name: id}` (int values) map", at: root.location)
        }
        throw InputError("--names \(file) value type \(distinct[0]) not supported; use string values for `{id: name}` "
                         + "or int values for `{name: id}`", at: root.location)
    }

    // MARK: Python text rules

    /// JSON string literal with `ensure_ascii=True`.
    static func quote(_ s: String) -> String { JSONString.quote(s, asciiOnly: true) }

    /// Python `json` float: `repr`, with NaN/±inf as `NaN`/`Infinity`/`-Infinity`.
    static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-Infinity" : "Infinity" }
        return PythonFloat.repr(x)
    }

    /// Python `str.strip()` (Unicode whitespace).
    static func pythonStrip(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// Python `int(s)` for a base-10 literal: optional sign, decimal digits
    /// (any Unicode `Nd`), single underscores between digits, surrounding
    /// whitespace allowed. nil when Python would raise or the value exceeds `Int`.
    static func pythonInt(_ s: String) -> Int? {
        var scalars = Array(pythonStrip(s).unicodeScalars)
        var negative = false
        if let sign = scalars.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            scalars.removeFirst()
        }
        guard !scalars.isEmpty, scalars.first != "_", scalars.last != "_" else { return nil }
        var value = 0
        var previousUnderscore = false
        for scalar in scalars {
            if scalar == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            previousUnderscore = false
            guard scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times10.subtractingReportingOverflow(Int(digit)) : times10.addingReportingOverflow(Int(digit))
            guard !o1, !o2 else { return nil }
            value = next
        }
        return value
    }
}

private extension JSONNode {
    var textForMessage: String {
        if case .number(let t) = value { return t }
        return kindName
    }
}
