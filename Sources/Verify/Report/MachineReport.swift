import IR
import Simulate

/// The verdict for one machine.
public struct MachineReport {
    public var name: String
    public var location: SourceLocation?
    public var diagnostics: [Diagnostic]
    /// Concept labels and Gram, when the machine prepares concepts.
    public var conceptLabels: [String]
    public var gram: GramMatrix?
    /// q-orca's tier separation of the concept Gram, when clusters are known.
    public var tierSeparation: Double?
    /// Numerical rank of the concept Gram.
    public var gramRank: Int?

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }

    public func isValid(strict: Bool) -> Bool { !hasErrors && !(strict && hasWarnings) }
}

/// The verdicts for one file.
public struct FileReport {
    public var path: String
    public var machines: [MachineReport]

    public init(path: String, machines: [MachineReport]) {
        self.path = path
        self.machines = machines
    }
}
