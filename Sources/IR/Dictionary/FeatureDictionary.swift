/// A polygram dictionary (polygram-core.md §1.2): features in Gram order,
/// an ordered cluster hierarchy, and an encoding.
public struct FeatureDictionary: Hashable, Sendable {
    public struct Cluster: Hashable, Sendable {
        public var name: String
        public var members: [String]
        public var location: SourceLocation?
        public init(name: String, members: [String], location: SourceLocation? = nil) {
            self.name = name
            self.members = members
            self.location = location
        }
    }

    public var name: String
    public var features: [Feature]
    /// polygram's `hierarchy`: cluster -> members, in insertion order.
    public var hierarchy: [Cluster]
    public var encoding: Encoding
    public var location: SourceLocation?

    public init(name: String, features: [Feature], hierarchy: [Cluster], encoding: Encoding,
                location: SourceLocation? = nil) {
        self.name = name
        self.features = features
        self.hierarchy = hierarchy
        self.encoding = encoding
        self.location = location
    }

    /// The hierarchy polygram builds when none is given: clusters in order of
    /// first appearance, members in feature order.
    public static func hierarchy(inferredFrom features: [Feature]) -> [Cluster] {
        var clusters: [Cluster] = []
        for feature in features {
            if let i = clusters.firstIndex(where: { $0.name == feature.cluster }) {
                clusters[i].members.append(feature.name)
            } else {
                clusters.append(Cluster(name: feature.cluster, members: [feature.name]))
            }
        }
        return clusters
    }
}
