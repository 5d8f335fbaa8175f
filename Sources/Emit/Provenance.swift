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
    /// from `SOURCE_DATE_EPOCH` when set, so builds are reproducible.
    public static func current(for dictionary: FeatureDictionary, directory: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Provenance {
        let date: Date
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(epoch.trimmingCharacters(in: .whitespaces)) else {
                throw InputError("SOURCE_DATE_EPOCH must be an integer number of seconds; got '\(epoch)'")
            }
            date = Date(timeIntervalSince1970: TimeInterval(seconds))
        } else {
            date = Date()
        }
        return Provenance(dictionaryName: dictionary.name, featureCount: dictionary.features.count,
                          clusterCount: dictionary.hierarchy.count, generated: utcTimestamp(date),
                          gitRevision: gitRevision(in: directory))
    }

    static func utcTimestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: date)
    }

    /// `git rev-parse --short HEAD` run in `directory`, with a 2-second
    /// limit; asked once per directory per process (`run` writes several
    /// machines into one tree).
    static func gitRevision(in directory: String) -> String {
        revisionLock.lock()
        defer { revisionLock.unlock() }
        if let known = revisions[directory] { return known }
        let revision = askGit(in: directory)
        revisions[directory] = revision
        return revision
    }

    private static let revisionLock = NSLock()
    nonisolated(unsafe) private static var revisions: [String: String] = [:]

    private static func askGit(in directory: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "--short", "HEAD"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // Woken by the exit itself, not by polling (a 10 ms poll cost every write 10 ms).
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch { return "unversioned" }
        if exited.wait(timeout: .now() + 2) == .timedOut {
            process.terminate()
            return "unversioned"
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !text.isEmpty ? text : "unversioned"
    }
}
