/// polygram's slug (polygram-core.md §3.1): every maximal run of characters
/// outside [A-Za-z0-9] becomes "_", leading/trailing "_" are stripped, the
/// result is lower-cased. An empty slug is an error.
public func slug(_ name: String) throws -> String {
    // Built as ASCII bytes: only [a-z0-9_] can come out.
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count)
    var inRun = false
    for scalar in name.unicodeScalars {
        let v = scalar.value
        if (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) {
            out.append(v <= 90 && v >= 65 ? UInt8(v) | 0x20 : UInt8(v))
            inRun = false
        } else if !inRun {
            out.append(UInt8(ascii: "_"))
            inRun = true
        }
    }
    let start = out.firstIndex { $0 != UInt8(ascii: "_") } ?? out.endIndex
    let end = out.lastIndex { $0 != UInt8(ascii: "_") }.map { $0 + 1 } ?? start
    let result = String(decoding: out[start..<max(start, end)], as: UTF8.self)
    guard !result.isEmpty else { throw InputError("feature name '\(name)' produces empty slug") }
    return result
}
