import Foundation
import IR

/// What the provenance header records (polygram-core.md §3.4).
public struct Provenance: Equatable, Sendable {
    public var dictionaryName: String
    public var featureCount: Int
    public var clusterCount: Int
    /// UTC time as `%Y-%m-%dT%H:%M:%SZ`.
    public var generated: String
    /// `git rev-parse --short HEAD` in the output folder, or `unversioned`.
    public var gitRevision: String

    public init(dictionaryName: String, featureCount: Int, clusterCount: Int, generated: String, gitRevision: String) {
        self.dictionaryName = dictionaryName
        self.featureCount = featureCount
        self.clusterCount = clusterCount
        self.generated = generated
        self.gitRevision = gitRevision
    }

    /// Provenance for writing `dictionary` into `directory`. The time comes
    /// from `SOURCE_DATE_EPOCH` when set (from `environment` when given, else
    /// the process's), so builds are reproducible.
    public static func current(for dictionary: FeatureDictionary, directory: String,
                               environment: [String: String]? = nil) throws -> Provenance {
        let epoch = environment.map { $0["SOURCE_DATE_EPOCH"] } ?? getenv("SOURCE_DATE_EPOCH").map { String(cString: $0) }
        let seconds: Int64
        if let epoch {
            guard let value = Int64(epoch.trimmingSpaces) else {
                throw InputError("SOURCE_DATE_EPOCH must be an integer number of seconds; got '\(epoch)'")
            }
            seconds = value
        } else {
            seconds = Int64(time(nil))
        }
        return Provenance(dictionaryName: dictionary.name, featureCount: dictionary.features.count,
                          clusterCount: dictionary.hierarchy.count, generated: utcTimestamp(seconds),
                          gitRevision: gitRevision(in: directory))
    }

    /// `seconds` since 1970 as `yyyy-MM-ddTHH:mm:ssZ` in UTC, from the C
    /// library's calendar (a DateFormatter's first use loads locale data).
    static func utcTimestamp(_ seconds: Int64) -> String {
        var t = time_t(seconds)
        var parts = tm()
        guard gmtime_r(&t, &parts) != nil else { return "unknown" }
        func digits(_ value: Int32, _ count: Int) -> String {
            let text = String(value.magnitude)
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, count - text.count)) + text
        }
        return digits(parts.tm_year + 1900, 4) + "-" + digits(parts.tm_mon + 1, 2) + "-" + digits(parts.tm_mday, 2)
            + "T" + digits(parts.tm_hour, 2) + ":" + digits(parts.tm_min, 2) + ":" + digits(parts.tm_sec, 2) + "Z"
    }

    /// Starts asking git for the revision of `directory` (see `gitRevision`),
    /// so the answer is ready when the first machine needs it.
    public static func prepareGitRevision(in directory: String) {
        _ = query(for: directory)
    }

    /// `git rev-parse --short HEAD` in `directory`, with a 2-second limit;
    /// asked once per directory per process (`run` writes several machines
    /// into one tree).
    static func gitRevision(in directory: String) -> String {
        let query = query(for: directory)
        answerLock.lock()
        defer { answerLock.unlock() }
        return query.revision()
    }

    private static func query(for directory: String) -> GitRevisionQuery {
        queryLock.lock()
        defer { queryLock.unlock() }
        if let known = queries[directory] { return known }
        let query = GitRevisionQuery(directory: directory)
        queries[directory] = query
        return query
    }

    private static let queryLock = NSLock()
    /// Serialises reading an answer (a query is read once, then remembered).
    private static let answerLock = NSLock()
    nonisolated(unsafe) private static var queries: [String: GitRevisionQuery] = [:]
}
