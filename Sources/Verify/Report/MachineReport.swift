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
    /// The dynamic stage: each branch's end state, entanglement per cut.
    public var dynamic: DynamicSummary?

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

/// What the JSON report carries of the dynamic stage (one entry per branch).
public struct DynamicSummary: Equatable {
    public struct Branch: Equatable {
        public var states: [String]
        public var end: String
        public var schmidtRanks: [Int]
        public var entropies: [Double]
        public init(states: [String], end: String, schmidtRanks: [Int], entropies: [Double]) {
            self.states = states
            self.end = end
            self.schmidtRanks = schmidtRanks
            self.entropies = entropies
        }
    }
    public var qubits: Int
    public var branches: [Branch]
    public init(qubits: Int, branches: [Branch]) {
        self.qubits = qubits
        self.branches = branches
    }

    init(_ analysis: DynamicAnalysis) {
        qubits = analysis.qubitCount
        branches = analysis.branches.map {
            Branch(states: $0.states, end: $0.end.rawValue, schmidtRanks: $0.schmidtRanks, entropies: $0.entropies)
        }
    }
}
