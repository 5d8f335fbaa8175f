import Foundation
import IR

/// `SAEImportConfig` (the fields from_sae_lens reads).
public struct SAEImportConfig: Sendable {
    public var nClusters: Int = 2
    public var assignGamma = true
    public var gammaRange = (lo: -0.25, hi: 0.25)
    public var assignAmpKnobs = true
    public var assignPhaseKnobs = true
    public var profile: String?
    public var learnAxisAssignment: Bool?
    public init() {}
}

/// `from_sae_lens` keyword arguments (polygram-pipeline.md §2.1); nil = not passed.
public struct FromSAELensOptions: Sendable {
    public var name = "ImportedSAE"
    public var clusterAssignments: [Int: String]?
    public var nClusters: Int?
    /// The raw `encoding` argument: nil keeps phase/amp knobs off (bug B9).
    public var encoding: Encoding?
    public var betaRange = (lo: -0.5, hi: 0.5)
    public var assignGamma: Bool?
    public var gammaRange: (lo: Double, hi: Double)?
    public var assignAmpKnobs: Bool?
    public var assignPhaseKnobs: Bool?
    public var learnAxisAssignment: Bool?
    public var config: SAEImportConfig?
    public var profileName: String?
    /// A profile instance (takes precedence over `profileName`).
    public var profile: GeometricProfile?
    public var clustered: Bool?
    public var blockFormation: BlockFormation?
    /// Reports the long stages on big selections (nil: silent).
    public var progress: AnalysisProgress?

    public init() {}
}

/// A flat dictionary or a clustered one.
public enum ImportResult: Sendable {
    case flat(FeatureDictionary)
    case clustered(ClusteredDictionary)

    public var flat: FeatureDictionary? { if case .flat(let d) = self { return d } else { return nil } }
    public var clustered: ClusteredDictionary? { if case .clustered(let d) = self { return d } else { return nil } }
}

/// `from_sae_lens(records, feature_ids, …)` → `(Dictionary | ClusteredDictionary, SelectionReport)`.
public enum FromSAELens {
    /// polygram's class name of an encoding (`type(enc).__name__`).
    public static func className(_ e: Encoding) -> String {
        switch e {
        case .mpsRung1: return "MPSRung1"
        case .heaRung2: return "HEA_Rung2"
        case .rung3: return "Rung3"
        case .rung4: return "Rung4"
        case .rung5: return "Rung5"
        }
    }

    public static func run(records: [SAEFeatureRecord], featureIDs: [Int], options: FromSAELensOptions = .init())
        throws -> (result: ImportResult, report: SelectionReport) {
        let configPassed = options.config != nil
        let config = options.config ?? SAEImportConfig()
        let profile = try options.profile ?? ProfileRegistry.get(options.profileName ?? config.profile ?? "clustered")
        let assignGamma = options.assignGamma ?? config.assignGamma
        let gammaRange = options.gammaRange ?? config.gammaRange
        let assignAmp = options.assignAmpKnobs ?? config.assignAmpKnobs
        let assignPhase = options.assignPhaseKnobs ?? config.assignPhaseKnobs
        let learned = options.learnAxisAssignment ?? config.learnAxisAssignment ?? false
        let nClusters = options.nClusters ?? (configPassed ? config.nClusters : nil) ?? profile.defaultNClusters
        let encoding = options.encoding ?? .mpsRung1(phaseKnobs: true)
        let blockFormation = try options.blockFormation ?? BlockFormation(.cosine)

        // §2.2 order of checks.
        var warnings: [String] = []
        var clustered = options.clustered ?? false
        let cap = encoding.maxFeatures
        if featureIDs.count > cap {
            switch options.clustered {
            case .some(false):
                throw PolygramError.value(
                    "selected \(featureIDs.count) features, but the \(className(encoding)) encoding caps a Dictionary at \(cap) "
                    + "features. Pick a smaller subset, switch to an encoding with a larger cap (e.g., Rung3 for 16, HEA_Rung2 "
                    + "with larger n_qubits for 2**n_qubits), omit `clustered=False` to auto-promote, or pass `clustered=True` "
                    + "explicitly.")
            case .none:
                clustered = true
                warnings.append("auto-promoted to clustered: N=\(featureIDs.count) exceeds \(className(encoding)).max_features="
                                + "\(cap). Pass clustered=False for the strict ValueError.")
            case .some(true):
                break
            }
        }
        guard !featureIDs.isEmpty else { throw PolygramError.value("feature_ids is empty; nothing to import") }
        var byID: [Int: SAEFeatureRecord] = [:]
        for record in records { byID[record.featureID] = record }
        let missing = featureIDs.filter { byID[$0] == nil }
        guard missing.isEmpty else {
            throw PolygramError.value("feature_id(s) not in records: [\(missing.map(String.init).joinedText(", "))]")
        }
        let selected = featureIDs.map { byID[$0]! }
        // Shares the records' rows (float32 for checkpoints): no N × d float64 copy.
        let projections = ProjectionRows(selected)
        let dimension = projections.dimension
        if let bad = selected.first(where: { $0.values.count != dimension }) {
            throw PolygramError.value("all projections must have the same length: '\(selected[0].name)' has \(dimension), "
                                      + "'\(bad.name)' has \(bad.values.count)")
        }
        let n = selected.count
        let names = selected.map(\.name)

        // §2.3 cluster-assignment precedence.
        let labelPrefixes = selected.map { record -> String? in
            guard let label = record.label, let slash = label.firstIndex(of: "/") else { return nil }
            let prefix = String(label[..<slash])
            return prefix.isEmpty ? nil : prefix
        }
        var assignment: KnobAssignmentResult
        var learnedReport: LearnedAxisReport?
        let request = KnobAssignmentRequest(projections: projections, featureNames: names, nClusters: nClusters,
                                            gammaRange: gammaRange, assignGamma: assignGamma, seed: 0,
                                            assignAmpKnobs: assignAmp, assignPhaseKnobs: assignPhase,
                                            encoding: options.encoding, progress: options.progress)
        let bypass: (clusters: [String], method: String)?
        if let user = options.clusterAssignments {
            for id in featureIDs where user[id] == nil {
                throw PolygramError.value("cluster_assignments missing entry for feature_id \(id)")
            }
            bypass = (featureIDs.map { user[$0]! }, "user")
        } else if labelPrefixes.allSatisfy({ $0 != nil }) {
            bypass = (labelPrefixes.map { $0! }, "from_labels")
        } else {
            bypass = nil
        }
        if let (clusters, method) = bypass {
            assignment = KnobAssignmentResult(
                clusterPerFeature: clusters,
                betas: KnobMath.spreadBetas(clusters, range: options.betaRange),
                gammas: try KnobMath.gammas(request, clusters: clusters),
                clusterMethod: method,
                betaVarianceExplained: KnobMath.varianceExplained(projections, clusters: clusters))
            try KnobMath.applyPCAKnobs(projections, request: request, into: &assignment)
        } else {
            let k = nClusters ?? 2
            if k > n { warnings.append("n_clusters=\(k) > selected=\(n); clamping to \(n)") }
            if learned {
                (assignment, learnedReport) = try LearnedKnobAssignment().assignWithReport(request)
            } else {
                assignment = try profile.knobAssignment.assign(request)
            }
        }

        // §2.5 the flat Dictionary.
        var features: [Feature] = []
        for i in 0..<n {
            var f = Feature(name: names[i], cluster: assignment.clusterPerFeature[i], beta: assignment.betas[i],
                            gamma: assignment.gammas[i], location: selected[i].location)
            if let v = assignment.alphas { f.alpha = v[i] }
            if let v = assignment.phis { f.phi = v[i] }
            if let v = assignment.thetaAmps { f.thetaAmp = v[i] }
            if let v = assignment.psiAuxes { f.psiAux = v[i] }
            if let v = assignment.thetaAmpBs { f.thetaAmpB = v[i] }
            if let v = assignment.psiAmpBs { f.psiAmpB = v[i] }
            if let v = assignment.ampKnobsList {
                f.ampKnobs = v[i]
            } else if case .rung5(let k) = encoding {
                f.ampKnobs = [AmpKnob](repeating: AmpKnob(theta: 0, psi: 0), count: k)
            }
            features.append(f)
        }
        let hierarchy = FeatureDictionary.hierarchy(inferredFrom: features)
        try validateDictionaryName(options.name)
        let flat = FeatureDictionary(name: options.name, features: features, hierarchy: hierarchy, encoding: encoding)
        try validateFeatures(flat)

        let fidelity = try profile.geometricFidelity.compute(projections: projections, dictionary: flat,
                                                             progress: options.progress)
        var report = SelectionReport(
            nInputFeatures: records.count, nSelected: n,
            clusterAssignments: features.map { .init(feature: $0.name, cluster: $0.cluster) },
            clusterMethod: assignment.clusterMethod,
            betaVarianceExplained: assignment.betaVarianceExplained,
            tierPreservation: profile.geometricFidelity.isTierPreservation ? fidelity : nil,
            gammaMethod: assignGamma ? "projection_pca" : "zero",
            warnings: warnings)
        report.reconstructionError = KnobMath.reconstructionErrors(projections, clusters: assignment.clusterPerFeature)
        report.geometricFidelity = fidelity
        report.profile = profile.name
        report.learnedAxisAssignment = learnedReport

        guard clustered else { return (.flat(flat), report) }
        let built = try ClusteredDictionary.build(
            name: options.name, features: features, decoderVectors: projections, encoding: encoding,
            blockFormation: blockFormation, hierarchy: blockFormation.strategy == .userDeclared ? hierarchy : nil,
            progress: options.progress)
        report.warnings += built.warnings
        report.nBlocks = built.nBlocks
        report.meanBlockSize = built.meanBlockSize
        report.nCrossBlockEdges = built.nCrossBlockEdges
        return (.clustered(built), report)
    }

    /// Dictionary rule 1: `^[A-Za-z_][A-Za-z0-9_]*$`.
    static func validateDictionaryName(_ name: String) throws {
        func isStart(_ c: Character) -> Bool { c == "_" || (c.isASCII && c.isLetter) }
        func isBody(_ c: Character) -> Bool { isStart(c) || (c.isASCII && c.isNumber) }
        guard let first = name.first, isStart(first), name.allSatisfy(isBody) else {
            throw PolygramError.value("Dictionary name '\(name)' must match ^[A-Za-z_][A-Za-z0-9_]*$")
        }
    }

    /// Dictionary rules 2 and 3: duplicate feature names; feature/cluster name collisions.
    static func validateFeatures(_ d: FeatureDictionary) throws {
        var seen: Set<String> = [], duplicates: Set<String> = []
        for f in d.features where !seen.insert(f.name).inserted { duplicates.insert(f.name) }
        func list(_ xs: [String]) -> String { "[" + xs.map { "'\($0)'" }.joinedText(", ") + "]" }
        if !duplicates.isEmpty { throw PolygramError.value("duplicate feature name(s): \(list(duplicates.sorted()))") }
        let collisions = d.hierarchy.map(\.name).filter { seen.contains($0) }
        if !collisions.isEmpty {
            throw PolygramError.value("name collision between feature(s) and cluster(s): \(list(collisions.sorted())); "
                                      + "rename either the feature or the cluster so with_knob paths resolve unambiguously")
        }
    }
}
