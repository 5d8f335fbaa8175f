import Foundation
import IR

/// A `--names` mapping `feature id → name`, keeping the order its entries were
/// inserted (the order polygram validates them in).
public struct SAEFeatureNames: Sendable, Equatable {
    public private(set) var entries: [(id: Int, name: String)] = []
    private var position: [Int: Int] = [:]

    public init() {}

    public init(_ pairs: [(id: Int, name: String)]) {
        for (id, name) in pairs { self[id] = name }
    }

    /// Python dict assignment: a repeated id keeps its first position and takes the new name.
    public subscript(id: Int) -> String? {
        get { position[id].map { entries[$0].name } }
        set {
            if let i = position[id] {
                if let newValue { entries[i].name = newValue }
            } else if let newValue {
                position[id] = entries.count
                entries.append((id, newValue))
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    public static func == (a: SAEFeatureNames, b: SAEFeatureNames) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.id == $1.id && $0.name == $1.name }
    }
}

/// polygram's safetensors SAE loaders (polygram-pipeline.md §1.4–1.5).
public enum SAELoader {
    /// Decoder keys in the order `load_sae_safetensors` prefers them.
    public static let decoderKeys = ["W_dec", "decoder.weight", "dec"]

    /// §1.4 canonical keys → accepted source names, first present wins.
    public static let aliases: [String: [String]] = [
        "W_dec": ["W_dec", "decoder.weight", "dec"],
        "W_enc": ["W_enc", "encoder.weight"],
        "b_dec": ["b_dec", "decoder.bias"],
        "b_enc": ["b_enc", "encoder.bias"],
    ]

    /// `load_sae_safetensors(path, names, feature_ids)`: eager (every decoder
    /// row, ids 0..N−1) when `featureIDs` is nil, else only the requested rows,
    /// in the order given (repeats collapse onto the first occurrence).
    /// Records have no label or activation stats; names default to `feat_<i>`.
    /// `progress` sees ("load", rows done, rows) on the eager path.
    public static func load(path: String, names: SAEFeatureNames? = nil, featureIDs: [Int]? = nil,
                            progress: AnalysisProgress? = nil) throws -> [SAEFeatureRecord] {
        try load(SafetensorsFile(path: path), names: names, featureIDs: featureIDs, progress: progress)
    }

    public static func load(_ file: SafetensorsFile, names: SAEFeatureNames? = nil, featureIDs: [Int]? = nil,
                            progress: AnalysisProgress? = nil) throws -> [SAEFeatureRecord] {
        let path = file.path
        func fail(_ message: String) -> InputError { InputError(message, file: path) }
        func checkNames(_ n: Int) throws {
            for (id, _) in names?.entries ?? [] where id < 0 || id >= n {
                throw fail("load_sae_safetensors: names key \(id) is outside the valid range [0, \(n))")
            }
        }
        func record(_ id: Int, _ row: [Float]) throws -> SAEFeatureRecord {
            let name = names?[id] ?? "feat_\(id)"
            // Kept float32: widening on read is exact (FeatureProjection).
            guard row.allSatisfy(\.isFinite) else {
                throw fail("SAEFeatureRecord \(PythonString.repr(name)): projection contains non-finite values")
            }
            return SAEFeatureRecord(featureID: id, name: name, values: .float(row))
        }

        guard let featureIDs else {
            // Eager: the canonical W_dec of §1.4.
            if let (key, transposed) = resolve("W_dec", in: file), !transposed, let t = file[key], t.shape.count == 2 {
                // Row by row straight from the mapping (no whole-tensor copy), the
                // mapping's pages released as they are decoded.
                try checkNames(t.shape[0])
                let n = t.shape[0]
                defer { file.releasePages() }
                return try (0..<n).map { i in
                    defer {
                        progress?("load", i + 1, n)
                        if (i + 1) % 1024 == 0 { file.releasePages() }
                    }
                    return try record(i, file.readRow(key, i))
                }
            }
            let (shape, values) = try canonicalTensor("W_dec", in: file)
            guard shape.count == 2 else {
                throw fail("load_sae_safetensors: W_dec has shape \(SafetensorsTensor.describe(shape: shape)); expected 2D")
            }
            try checkNames(shape[0])
            let (n, d) = (shape[0], shape[1])
            return try (0..<n).map { i in
                defer { progress?("load", i + 1, n) }
                return try record(i, Array(values[(i * d)..<((i + 1) * d)]))
            }
        }

        guard let key = decoderKeys.first(where: { file[$0] != nil }), let tensor = file[key] else {
            throw fail("load_sae_safetensors: no decoder weight tensor found. Looked for "
                       + PythonString.reprList(decoderKeys) + " in priority order; file contains: " + PythonString.reprList(sortedKeys(file)))
        }
        guard tensor.shape.count == 2 else {
            throw fail("load_sae_safetensors: tensor '\(key)' has shape \(tensor.shapeDescription); expected 2D")
        }
        let transposed = key == "decoder.weight" && tensor.shape[0] != tensor.shape[1]
        let n = transposed ? tensor.shape[1] : tensor.shape[0]
        for id in featureIDs where id < 0 || id >= n {
            throw fail("load_sae_safetensors: feature_id \(id) is outside the valid range [0, \(n))")
        }
        try checkNames(n)
        var seen: Set<Int> = []
        var records: [SAEFeatureRecord] = []
        for id in featureIDs where seen.insert(id).inserted {
            let row = transposed ? try file.readColumn(key, id) : try file.readRow(key, id)
            records.append(try record(id, row))
        }
        return records
    }

    /// The first present alias of `canonical` (§1.4) and whether it is stored
    /// transposed relative to the canonical orientation; nil when absent.
    public static func resolve(_ canonical: String, in file: SafetensorsFile) -> (key: String, transposed: Bool)? {
        guard let key = aliases[canonical]?.first(where: { file[$0] != nil }), let t = file[key] else { return nil }
        let s = t.shape
        switch key {
        case "decoder.weight": return (key, s.count == 2 && s[0] != s[1])
        case "encoder.weight": return (key, s.count == 2 && s[0] != s[1] && s[0] > s[1])
        default: return (key, false)
        }
    }

    /// A canonical tensor (§1.4 strict loader): shape and row-major float32
    /// values in the canonical orientation.
    public static func canonicalTensor(_ canonical: String, in file: SafetensorsFile) throws -> (shape: [Int], values: [Float]) {
        guard let (key, transposed) = resolve(canonical, in: file) else {
            let tried = (aliases[canonical] ?? [canonical]).sorted(by: pythonLess)
            throw InputError("_load_sae_checkpoint: no key aliasing to '\(canonical)' found in \(file.path). Tried aliases "
                             + PythonString.reprList(tried) + "; file contains: " + PythonString.reprList(sortedKeys(file)), file: file.path)
        }
        let values = try file.readAll(key)
        guard transposed, let t = file[key] else { return (file[key]!.shape, values) }
        let (rows, cols) = (t.shape[0], t.shape[1])
        var out = [Float](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for r in 0..<rows {
                    for c in 0..<cols { dst[c * rows + r] = src[r * cols + c] }
                }
            }
        }
        return ([cols, rows], out)
    }

    // MARK: Python-style message helpers

    static func sortedKeys(_ file: SafetensorsFile) -> [String] { file.tensorNames.sorted(by: pythonLess) }

    /// Python string ordering (by code point).
    static func pythonLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }


}
