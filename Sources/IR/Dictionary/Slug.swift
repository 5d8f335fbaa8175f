/// polygram's slug (polygram-core.md §3.1): every maximal run of characters
/// outside [A-Za-z0-9] becomes "_", leading/trailing "_" are stripped, the
/// result is lower-cased. An empty slug is an error.
public func slug(_ name: String) throws -> String {
    var out = ""
    var inRun = false
    for scalar in name.unicodeScalars {
        let v = scalar.value
        if (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) {
            out.unicodeScalars.append(scalar)
            inRun = false
        } else if !inRun {
            out += "_"
            inRun = true
        }
    }
    let trimmed = out.drop { $0 == "_" }.reversed().drop { $0 == "_" }.reversed()
    let result = String(trimmed).lowercased()
    guard !result.isEmpty else { throw InputError("feature name '\(name)' produces empty slug") }
    return result
}
