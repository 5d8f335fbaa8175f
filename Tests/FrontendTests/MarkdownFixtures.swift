import Foundation
import IR
@testable import Frontend

/// Locates the shared reference data relative to this file (package root → ../shared).
enum MarkdownFixtures {
    static var referenceRoot: URL {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: "/work/shared/reference")
    }

    static var corpus: [URL] {
        let dir = referenceRoot.appendingPathComponent("qorca-corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".q.orca.md") }.sorted().map { dir.appendingPathComponent($0) }
    }

    static var emitted: [URL] {
        let cases = referenceRoot.appendingPathComponent("cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? []
        return names.sorted().flatMap { name -> [URL] in
            let expected = cases.appendingPathComponent(name).appendingPathComponent("expected")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: expected.path)) ?? []
            return files.filter { $0.hasSuffix(".q.orca.md") }.sorted().map { expected.appendingPathComponent($0) }
        }
    }

    static func corpusFile(_ name: String) -> String {
        referenceRoot.appendingPathComponent("qorca-corpus").appendingPathComponent(name).path
    }

    static func caseFile(_ caseName: String, _ file: String) -> String {
        referenceRoot.appendingPathComponent("cases/\(caseName)/expected/\(file)").path
    }

    /// Parses `text` and returns the single machine.
    static func machine(_ text: String, file: String = "t.q.orca.md") throws -> Machine {
        let machines = try QOrcaReader.read(text: text, file: file)
        precondition(machines.count == 1, "expected one machine, got \(machines.count)")
        return machines[0]
    }

    /// The InputError thrown when reading `text`, or nil.
    static func error(_ text: String, file: String = "t.q.orca.md") -> InputError? {
        do {
            _ = try QOrcaReader.read(text: text, file: file)
            return nil
        } catch let error as InputError {
            return error
        } catch {
            return InputError("unexpected error type: \(error)")
        }
    }
}
