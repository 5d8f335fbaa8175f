import Foundation
import IR

/// One SAE feature as polygram's pipeline sees it (polygram-pipeline.md §1.1).
public struct SAEFeatureRecord: Hashable, Sendable {
    public var featureID: Int
    public var name: String
    /// The decoder row as stored (float32 from checkpoints, float64 from JSON).
    public var values: FeatureProjection
    /// The decoder row in float64 (widened from float32 storage on read).
    public var projection: [Double] {
        get { values.doubles }
        set { values = .double(newValue) }
    }
    /// `"<cluster>/<rest>"` enables label-driven clustering.
    public var label: String?
    public var activationMean: Double?
    public var activationStd: Double?
    public var location: SourceLocation?

    public init(featureID: Int, name: String, projection: [Double], label: String? = nil,
                activationMean: Double? = nil, activationStd: Double? = nil, location: SourceLocation? = nil) {
        self.init(featureID: featureID, name: name, values: .double(projection), label: label,
                  activationMean: activationMean, activationStd: activationStd, location: location)
    }

    public init(featureID: Int, name: String, values: FeatureProjection, label: String? = nil,
                activationMean: Double? = nil, activationStd: Double? = nil, location: SourceLocation? = nil) {
        self.featureID = featureID
        self.name = name
        self.values = values
        self.label = label
        self.activationMean = activationMean
        self.activationStd = activationStd
        self.location = location
    }
}

/// The toy-SAE JSON schema (polygram-pipeline.md §1.2), also `sae-import`'s output.
public enum ToySAE {
    /// Reads `path`; records in file order. Every problem is an `InputError`
    /// naming the file (and the line/column when the problem has one).
    public static func load(path: String) throws -> [SAEFeatureRecord] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("SAE file not found: \(path)", file: path)
        }
        guard !isDirectory.boolValue else { throw InputError("SAE file is a directory: \(path)", file: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("cannot read SAE file: \(error.localizedDescription)", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("SAE file is not valid UTF-8", file: path)
        }
        return try parse(text, file: path)
    }

    /// Parses toy-SAE JSON text; `file` is used in locations and messages.
    public static func parse(_ text: String, file: String) throws -> [SAEFeatureRecord] {
        let root = try JSONText.parse(text, file: file)
        guard case .object = root.value, let featuresNode = root["features"],
              case .array(let entries) = featuresNode.value else {
            throw InputError("\(file): missing top-level 'features' list", at: root["features"]?.location ?? root.location)
        }
        var records: [SAEFeatureRecord] = []
        var seen: Set<Int> = []
        for (position, entry) in entries.enumerated() {
            guard case .object = entry.value else {
                throw InputError("features[\(position)] must be an object, got \(entry.kindName)", at: entry.location)
            }
            func required(_ key: String) throws -> JSONNode {
                guard let node = entry[key] else {
                    throw InputError("features[\(position)] is missing required key '\(key)'", at: entry.location)
                }
                return node
            }
            let idNode = try required("feature_id")
            guard case .number(let idText) = idNode.value, JSONNode.isInteger(idText), let id = Int(idText) else {
                throw InputError("features[\(position)].feature_id must be an integer, got \(describe(idNode))", at: idNode.location)
            }
            let nameNode = try required("name")
            guard case .string(let name) = nameNode.value else {
                throw InputError("features[\(position)].name must be a string, got \(nameNode.kindName)", at: nameNode.location)
            }
            let projectionNode = try required("projection")
            guard case .array(let items) = projectionNode.value else {
                throw InputError("SAEFeatureRecord '\(name)': projection must be 1D, got \(projectionNode.kindName)",
                                 at: projectionNode.location)
            }
            var projection: [Double] = []
            projection.reserveCapacity(items.count)
            for item in items {
                guard case .number(let t) = item.value, let v = Double(t) else {
                    throw InputError("SAEFeatureRecord '\(name)': projection must be 1D numbers, got \(item.kindName)",
                                     at: item.location)
                }
                guard v.isFinite else {
                    throw InputError("SAEFeatureRecord '\(name)': projection contains non-finite values", at: item.location)
                }
                projection.append(v)
            }
            var label: String?
            if let node = entry["label"] {
                switch node.value {
                case .null: label = nil
                case .string(let s): label = s
                default: throw InputError("features[\(position)].label must be a string or null, got \(node.kindName)", at: node.location)
                }
            }
            func optionalNumber(_ key: String) throws -> Double? {
                guard let node = entry[key] else { return nil }
                switch node.value {
                case .null: return nil
                case .number(let t):
                    if let v = Double(t) { return v }
                    fallthrough
                default:
                    throw InputError("features[\(position)].\(key) must be a number or null, got \(node.kindName)", at: node.location)
                }
            }
            let mean = try optionalNumber("activation_mean")
            let std = try optionalNumber("activation_std")
            guard seen.insert(id).inserted else {
                throw InputError("\(file): duplicate feature_id \(id)", at: idNode.location)
            }
            records.append(SAEFeatureRecord(featureID: id, name: name, projection: projection, label: label,
                                            activationMean: mean, activationStd: std, location: entry.location))
        }
        return records
    }

    private static func describe(_ node: JSONNode) -> String {
        if case .number(let t) = node.value { return t }
        return node.kindName
    }
}
