import Foundation
import IR

/// What a knob-assignment strategy returns (polygram-pipeline.md §3.1). A nil
/// optional list means "leave the Feature default".
public struct KnobAssignmentResult: Sendable {
    public var clusterPerFeature: [String]
    public var betas: [Double]
    public var gammas: [Double]
    public var clusterMethod: String
    public var betaVarianceExplained: Double
    public var thetaAmps: [Double]?
    public var psiAuxes: [Double]?
    public var thetaAmpBs: [Double]?
    public var psiAmpBs: [Double]?
    public var ampKnobsList: [[AmpKnob]]?
    public var alphas: [Double]?
    public var phis: [Double]?

    public init(clusterPerFeature: [String], betas: [Double], gammas: [Double], clusterMethod: String,
                betaVarianceExplained: Double) {
        self.clusterPerFeature = clusterPerFeature
        self.betas = betas
        self.gammas = gammas
        self.clusterMethod = clusterMethod
        self.betaVarianceExplained = betaVarianceExplained
    }
}

/// The arguments every strategy receives (`KnobAssignment.assign`).
public struct KnobAssignmentRequest: Sendable {
    /// The selection's decoder rows (shared with the records).
    public var projections: ProjectionRows
    public var featureNames: [String]
    public var nClusters: Int?
    public var gammaRange: (lo: Double, hi: Double)
    public var assignGamma: Bool
    public var seed: UInt64
    public var assignAmpKnobs: Bool
    public var assignPhaseKnobs: Bool
    /// The raw `encoding` argument (nil when the caller passed none): the
    /// phase/amp helpers only run when it is given (bug B9).
    public var encoding: Encoding?
    /// Reports k-means iterations (nil: silent).
    public var progress: AnalysisProgress? = nil
}

/// polygram's `KnobAssignment` protocol.
public protocol KnobAssignment: Sendable {
    func assign(_ request: KnobAssignmentRequest) throws -> KnobAssignmentResult
}

/// polygram's `GeometricFidelity` protocol: nil when undefined for the selection.
public protocol GeometricFidelity: Sendable {
    /// Whether the SelectionReport's `tier_preservation` mirrors this metric.
    var isTierPreservation: Bool { get }
    func compute(projections: ProjectionRows, dictionary: FeatureDictionary) throws -> Double?
    /// Same, reporting progress on long inputs (default: ignores `progress`).
    func compute(projections: ProjectionRows, dictionary: FeatureDictionary, progress: AnalysisProgress?) throws -> Double?
}

extension GeometricFidelity {
    public func compute(projections: ProjectionRows, dictionary: FeatureDictionary, progress: AnalysisProgress?) throws -> Double? {
        try compute(projections: projections, dictionary: dictionary)
    }
}

/// `GeometricProfile(name, knob_assignment, geometric_fidelity, default_n_clusters, default_gamma_range)`.
public struct GeometricProfile: Sendable {
    public var name: String
    public var knobAssignment: any KnobAssignment
    public var geometricFidelity: any GeometricFidelity
    public var defaultNClusters: Int?
    /// Carried but never consulted by `from_sae_lens` (bug B9).
    public var defaultGammaRange: (lo: Double, hi: Double)

    public init(name: String, knobAssignment: any KnobAssignment, geometricFidelity: any GeometricFidelity,
                defaultNClusters: Int?, defaultGammaRange: (lo: Double, hi: Double) = (-0.25, 0.25)) throws {
        guard !name.isEmpty else { throw PolygramError.value("GeometricProfile.name must be a non-empty string") }
        guard defaultGammaRange.lo <= defaultGammaRange.hi else {
            throw PolygramError.value("GeometricProfile.default_gamma_range must satisfy lo <= hi")
        }
        self.name = name
        self.knobAssignment = knobAssignment
        self.geometricFidelity = geometricFidelity
        self.defaultNClusters = defaultNClusters
        self.defaultGammaRange = defaultGammaRange
    }
}

/// The profile registry (`register_profile` / `get_profile` / `available_profiles`).
/// A new profile is one file that calls `ProfileRegistry.register` (or is
/// listed in `builtIns`).
public enum ProfileRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var profiles: [String: GeometricProfile] = builtIns()

    private static func builtIns() -> [String: GeometricProfile] {
        var out: [String: GeometricProfile] = [:]
        for p in [ClusteredProfile.make(), UniformSphereProfile.make()] { out[p.name] = p }
        return out
    }

    /// Adds a profile; a duplicate name is a ValueError (no override).
    public static func register(_ profile: GeometricProfile) throws {
        lock.lock()
        defer { lock.unlock() }
        guard profiles[profile.name] == nil else {
            throw PolygramError.value("register_profile: a profile named '\(profile.name)' is already registered")
        }
        profiles[profile.name] = profile
    }

    public static func get(_ name: String) throws -> GeometricProfile {
        lock.lock()
        defer { lock.unlock() }
        guard let p = profiles[name] else {
            let names = profiles.keys.sorted().map { "'\($0)'" }.joinedText(", ")
            throw PolygramError.key("get_profile: no profile named '\(name)'. Registered profiles: [\(names)]")
        }
        return p
    }

    public static var available: [String] {
        lock.lock()
        defer { lock.unlock() }
        return profiles.keys.sorted()
    }
}

/// A Python-style exception from the from_sae_lens / clustered-dictionary path.
public enum PolygramError: Error, Equatable, CustomStringConvertible {
    case value(String)
    case key(String)
    case notImplemented(String)

    public var message: String {
        switch self {
        case .value(let m), .key(let m), .notImplemented(let m): return m
        }
    }

    /// `"<Type>: <str(exc)>"` as Python prints it (KeyError quotes its message).
    public var pythonText: String {
        switch self {
        case .value(let m): return "ValueError: \(m)"
        case .key(let m): return "KeyError: \"\(m)\""
        case .notImplemented(let m): return "NotImplementedError: \(m)"
        }
    }

    public var description: String { pythonText }
}
