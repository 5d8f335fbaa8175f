import Foundation
import IR
import Yams

/// Reads the `dictionary:` section: encoding, features, clusters, then
/// polygram's `Dictionary.__post_init__` validation (polygram-core.md §1.2),
/// each failure positioned at the most specific node.
struct DictionaryReader {
    let nodes: SpecNodes
    /// Resolves `sae:` dictionaries; nil where the caller cannot import SAEs.
    var resolveSAE: SAEResolver? = nil

    static let dictionaryKeys = ["name", "encoding", "clusters", "features", "sae"]
    static let saeKeys = ["checkpoint", "features", "assign_gamma", "n_clusters"]
    static let featureKeys = ["name", "cluster", "beta", "alpha", "gamma", "phi", "theta", "theta_amp",
                              "psi_aux", "theta_amp_b", "psi_amp_b", "amp_knobs"]

    /// A feature plus the nodes its checks point at.
    struct Draft {
        var feature: Feature
        var node: Node
        var nameNode: Node
        var clusterNode: Node
        var theta: NestedNumbers?
        var thetaNode: Node?
        /// Entries of `amp_knobs` as written (checked after the ten-condition order).
        var ampEntries: [(values: [Double]?, node: Node)]?
        var ampNode: Node?
    }

    /// A nested list of numbers as written (`theta`), kept for shape checks.
    indirect enum NestedNumbers {
        case number(Double)
        case list([NestedNumbers], Node)
    }

    /// `sae: {checkpoint, features, [assign_gamma], [n_clusters]}` in place of `features:`.
    private func fromSAE(_ node: Node, fields: Fields, name: String, nameNode: Node, encoding: Encoding) throws -> FeatureDictionary {
        for key in ["features", "clusters"] where fields[key] != nil {
            throw nodes.error("a dictionary with `sae:` takes its features from the SAE; remove `\(key):`", at: fields[key]!)
        }
        let f = try nodes.mapping(node, "sae", allowed: Self.saeKeys)
        let checkpointNode = try f.required("checkpoint")
        var path = try nodes.string(checkpointNode, "sae checkpoint")
        if !path.hasPrefix("/") {
            // PathText, not NSString: corelibs Foundation traps on a one-letter path.
            let folder = PathText.parent(of: nodes.file)
            if !folder.isEmpty { path = (folder as NSString).appendingPathComponent(path) }
        }
        let ids = try nodes.sequence(try f.required("features"), "sae features").map { item -> Int in
            let id = try nodes.integer(item, "sae feature id")
            guard id >= 0 else { throw nodes.error("sae feature ids must be >= 0; got \(id)", at: item) }
            return id
        }
        guard !ids.isEmpty else { throw nodes.error("sae features is empty; nothing to import", at: node) }
        var source = SAESource(path: path, featureIDs: ids, encoding: encoding, location: nodes.location(node))
        if let g = f["assign_gamma"] { source.assignGamma = try nodes.bool(g, "sae assign_gamma") }
        if let k = f["n_clusters"] {
            let value = try nodes.integer(k, "sae n_clusters")
            guard value >= 1 else { throw nodes.error("sae n_clusters must be >= 1; got \(value)", at: k) }
            source.nClusters = value
        }
        guard let resolveSAE else {
            throw nodes.error("this command cannot read SAE-backed dictionaries", at: node)
        }
        var dictionary: FeatureDictionary
        do {
            dictionary = try resolveSAE(source)
        } catch var error as InputError {
            if error.location == nil, error.file == nil { error.location = nodes.location(node) }
            throw error
        }
        dictionary.name = name
        dictionary.encoding = encoding
        dictionary.location = nodes.location(nameNode)
        return dictionary
    }

    func read(_ node: Node) throws -> FeatureDictionary {
        let fields = try nodes.mapping(node, "dictionary", allowed: Self.dictionaryKeys)
        let nameNode = try fields.required("name")
        let name = try nodes.string(nameNode, "dictionary name")
        let encoding = try fields["encoding"].map { try EncodingReader(nodes: nodes).read($0) } ?? .mpsRung1(phaseKnobs: true)

        if let saeNode = fields["sae"] {
            return try fromSAE(saeNode, fields: fields, name: name, nameNode: nameNode, encoding: encoding)
        }
        let featureList = try nodes.sequence(try fields.required("features"), "features")
        var drafts: [Draft] = []
        for item in featureList { drafts.append(try feature(item)) }

        // clusters: absent/null -> inferred from the features, in first-appearance order.
        var clusterKeyNodes: [Node] = []
        var memberNodes: [[Node]] = []
        var hierarchy: [FeatureDictionary.Cluster] = []
        if let clustersNode = fields["clusters"], !nodes.isNull(clustersNode) {
            guard case .mapping(let mapping) = clustersNode else {
                throw nodes.error("clusters must be a mapping of cluster name to member list, got "
                    + nodes.describe(clustersNode), at: clustersNode)
            }
            for (keyNode, value) in mapping {
                let cluster = try nodes.string(keyNode, "cluster name")
                let members = try nodes.sequence(value, "members of cluster \(PythonString.repr(cluster))")
                var names: [String] = []
                for member in members {
                    names.append(try nodes.string(member, "member of cluster \(PythonString.repr(cluster))"))
                }
                hierarchy.append(.init(name: cluster, members: names, location: nodes.location(keyNode)))
                clusterKeyNodes.append(keyNode)
                memberNodes.append(members)
            }
        } else {
            hierarchy = FeatureDictionary.hierarchy(inferredFrom: drafts.map(\.feature))
            for i in hierarchy.indices {
                // Point an inferred cluster at the first `cluster:` value that created it.
                let first = drafts.first(where: { $0.feature.cluster == hierarchy[i].name })!
                hierarchy[i].location = nodes.location(first.clusterNode)
                clusterKeyNodes.append(first.clusterNode)
                memberNodes.append(hierarchy[i].members.map { m in drafts.first(where: { $0.feature.name == m })!.nameNode })
            }
        }

        try validate(name: name, nameNode: nameNode, drafts: drafts, hierarchy: hierarchy,
                     clusterKeyNodes: clusterKeyNodes, memberNodes: memberNodes, encoding: encoding)

        return FeatureDictionary(name: name, features: drafts.map { $0.withTheta(self) }, hierarchy: hierarchy,
                                 encoding: encoding, location: nodes.location(node))
    }

    // MARK: - Features

    func feature(_ node: Node) throws -> Draft {
        let f = try nodes.mapping(node, "feature", allowed: Self.featureKeys)
        let nameNode = try f.required("name")
        let name = try nodes.string(nameNode, "feature name")
        let what = "feature \(PythonString.repr(name))"
        let clusterNode = try f.required("cluster")
        let cluster = try nodes.string(clusterNode, "\(what): cluster")
        func num(_ key: String, _ fallback: Double) throws -> Double {
            try f[key].map { try nodes.number($0, "\(what): \(key)") } ?? fallback
        }
        let beta = try nodes.number(try f.required("beta"), "\(what): beta")
        var feature = Feature(name: name, cluster: cluster, beta: beta,
                              alpha: try num("alpha", 0), gamma: try num("gamma", 0), phi: try num("phi", 0),
                              thetaAmp: try num("theta_amp", Feature.defaultThetaAmp),
                              psiAux: try num("psi_aux", 0), thetaAmpB: try num("theta_amp_b", 0),
                              psiAmpB: try num("psi_amp_b", 0), location: nodes.location(node))
        var draft = Draft(feature: feature, node: node, nameNode: nameNode, clusterNode: clusterNode)
        if let thetaNode = f["theta"] {
            draft.theta = try nested(thetaNode, "\(what): theta")
            draft.thetaNode = thetaNode
        }
        if let ampNode = f["amp_knobs"] {
            var entries: [(values: [Double]?, node: Node)] = []
            for (i, entry) in try nodes.sequence(ampNode, "\(what): amp_knobs").enumerated() {
                if case .sequence(let seq) = entry {
                    let values = try seq.map { try nodes.number($0, "\(what): amp_knobs[\(i)]") }
                    entries.append((values, entry))
                } else {
                    entries.append((nil, entry))   // reported by condition 10
                }
            }
            draft.ampEntries = entries
            draft.ampNode = ampNode
            if entries.allSatisfy({ $0.values?.count == 2 }) {
                feature.ampKnobs = entries.map { AmpKnob(theta: $0.values![0], psi: $0.values![1]) }
                draft.feature = feature
            }
        }
        return draft
    }

    func nested(_ node: Node, _ what: String) throws -> NestedNumbers {
        if case .sequence(let seq) = node {
            return .list(try seq.map { try nested($0, what) }, node)
        }
        return .number(try nodes.number(node, what))
    }

    /// numpy's shape of a nested list, or the first sub-list that makes it ragged.
    func shape(_ value: NestedNumbers) -> Result<[Int], RaggedList> {
        switch value {
        case .number: return .success([])
        case .list(let items, let node):
            var inner: [Int]?
            for item in items {
                switch shape(item) {
                case .failure(let e): return .failure(e)
                case .success(let s):
                    if let inner, inner != s {
                        if case .list(_, let n) = item { return .failure(RaggedList(node: n)) }
                        return .failure(RaggedList(node: node))
                    }
                    inner = s
                }
            }
            return .success([items.count] + (inner ?? []))
        }
    }

    struct RaggedList: Error, @unchecked Sendable { let node: Node }

    static func tupleText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joinedText(", ") + ")"
    }

    func flatten3(_ value: NestedNumbers) -> [[[Double]]] {
        guard case .list(let rs, _) = value else { return [] }
        return rs.map { r in
            guard case .list(let ls, _) = r else { return [] }
            return ls.map { l in
                guard case .list(let qs, _) = l else { return [] }
                return qs.map { if case .number(let v) = $0 { return v } else { return 0 } }
            }
        }
    }

    // MARK: - Validation (slug, then the ten conditions of §1.2 in order)

    func validate(name: String, nameNode: Node, drafts: [Draft], hierarchy: [FeatureDictionary.Cluster],
                  clusterKeyNodes: [Node], memberNodes: [[Node]], encoding: Encoding) throws {
        // 1. Dictionary name.
        guard KnobPath.isIdentifier(name) else {
            throw nodes.error("Dictionary name \(PythonString.repr(name)) must match ^[A-Za-z_][A-Za-z0-9_]*$",
                              at: nameNode)
        }
        // Slugs (§3.1; polygram checks them at emission, we check them up front).
        for d in drafts {
            do { _ = try slug(d.feature.name) } catch let e as InputError {
                throw nodes.error(e.message, at: d.nameNode)
            }
        }
        let names = drafts.map(\.feature.name)
        let clusterNames = hierarchy.map(\.name)
        // 2. Duplicate feature names (positioned at the first repeated occurrence).
        var seen = Set<String>()
        var duplicates = Set<String>()
        var firstRepeat: Node?
        for d in drafts {
            if !seen.insert(d.feature.name).inserted {
                duplicates.insert(d.feature.name)
                if firstRepeat == nil { firstRepeat = d.nameNode }
            }
        }
        if let firstRepeat {
            throw nodes.error("duplicate feature name(s): \(PythonString.reprList(duplicates.sorted()))", at: firstRepeat)
        }
        // 3. A cluster named like a feature.
        let featureSet = Set(names)
        let collisions = clusterNames.filter(featureSet.contains)
        if let first = collisions.first, let i = clusterNames.firstIndex(of: first) {
            throw nodes.error("name collision between feature(s) and cluster(s): "
                + "\(PythonString.reprList(Array(Set(collisions)).sorted())); rename either the feature or the "
                + "cluster so with_knob paths resolve unambiguously", at: clusterKeyNodes[i])
        }
        // 4. A name listed under two clusters.
        var owner: [String: String] = [:]
        for (c, cluster) in hierarchy.enumerated() {
            for (m, member) in cluster.members.enumerated() {
                if let previous = owner[member] {
                    throw nodes.error("feature \(PythonString.repr(member)) listed in two clusters: "
                        + "\(PythonString.repr(previous)) and \(PythonString.repr(cluster.name))",
                        at: memberNodes[c][m])
                }
                owner[member] = cluster.name
            }
        }
        // 5, 6. Each feature's cluster exists and lists it.
        for d in drafts {
            let f = d.feature
            guard let cluster = hierarchy.first(where: { $0.name == f.cluster }) else {
                throw nodes.error("feature \(PythonString.repr(f.name)) has cluster \(PythonString.repr(f.cluster)) "
                    + "which is not a key in hierarchy", at: d.clusterNode)
            }
            guard cluster.members.contains(f.name) else {
                throw nodes.error("feature \(PythonString.repr(f.name)) (cluster=\(PythonString.repr(f.cluster))) "
                    + "is not listed under hierarchy[\(PythonString.repr(f.cluster))]", at: d.clusterNode)
            }
        }
        // 7. Hierarchy members that are not features.
        for (c, cluster) in hierarchy.enumerated() {
            let unknown = cluster.members.filter { !featureSet.contains($0) }
            if let first = unknown.first, let m = cluster.members.firstIndex(of: first) {
                throw nodes.error("hierarchy[\(PythonString.repr(cluster.name))] references unknown feature(s): "
                    + PythonString.reprList(unknown), at: memberNodes[c][m])
            }
        }
        // 8. theta: shape must equal theta_shape on HEA. On any other encoding
        //    polygram stores an explicit theta and silently ignores it; we reject
        //    it instead, since the value would have no effect.
        for d in drafts {
            guard let theta = d.theta, let thetaNode = d.thetaNode else { continue }
            let what = "feature \(PythonString.repr(d.feature.name))"
            guard case .heaRung2(let p) = encoding else {
                throw nodes.error("\(what): theta is only used by hea_rung2 encodings; this dictionary uses "
                    + "encoding=\(encoding.pythonRepr), which would ignore it", at: thetaNode)
            }
            switch shape(theta) {
            case .failure(let ragged):
                throw nodes.error("\(what): theta is not a rectangular nested list; expected shape "
                    + "\(Self.tupleText(p.thetaShape)) for encoding=\(encoding.pythonRepr)", at: ragged.node)
            case .success(let s):
                guard s == p.thetaShape else {
                    throw nodes.error("\(what): theta has shape \(Self.tupleText(s)), expected "
                        + "\(Self.tupleText(p.thetaShape)) for encoding=\(encoding.pythonRepr)", at: thetaNode)
                }
            }
        }
        // 9, 10. Rung5 amp_knobs: exactly k pairs. A missing amp_knobs has
        //    length 0 and is an error, as in polygram's Dictionary (which only
        //    pads via `with_default_amp_knobs` on knob writes, never here).
        //    On other encodings amp_knobs would be silently ignored, so we
        //    reject it (`with_knob` rejects amp_knobs paths there too).
        for d in drafts {
            let what = "feature \(PythonString.repr(d.feature.name))"
            guard case .rung5(let k) = encoding else {
                if let ampNode = d.ampNode {
                    throw nodes.error("\(what): amp_knobs is only used by rung5 encodings; this dictionary uses "
                        + "encoding=\(encoding.pythonRepr), which would ignore it", at: ampNode)
                }
                continue
            }
            let entries = d.ampEntries ?? []
            guard entries.count == k else {
                throw nodes.error("\(what): amp_knobs has length \(entries.count), expected \(k) for "
                    + "encoding=\(encoding.pythonRepr); pad with (theta, psi) pairs, e.g. "
                    + "Feature.with_default_amp_knobs(encoding) gives [(0.0, 0.0)] * \(k)", at: d.ampNode ?? d.node)
            }
            for (i, entry) in entries.enumerated() where entry.values?.count != 2 {
                let got = entry.values.map { "[" + $0.map(PythonFloat.repr).joinedText(", ") + "]" }
                    ?? nodes.describe(entry.node)
                throw nodes.error("\(what): amp_knobs[\(i)] must be a 2-tuple of (theta, psi); got \(got)",
                                  at: entry.node)
            }
        }
    }
}

/// Adds the validated theta tensors (done after validation so shapes are known).
extension DictionaryReader.Draft {
    func withTheta(_ reader: DictionaryReader) -> Feature {
        var f = feature
        if let theta { f.theta = reader.flatten3(theta) }
        return f
    }
}
