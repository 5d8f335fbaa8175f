/// The HEA `## encoding` key/value table.
public struct EncodingTable: Hashable, Sendable {
    public var kind: String
    public var depth: Int
    public var entangler: String
    public var rotations: [GateKind]
    public var register: String
    public var location: SourceLocation?

    public init(kind: String, depth: Int, entangler: String, rotations: [GateKind],
                register: String = "qubits", location: SourceLocation? = nil) {
        self.kind = kind
        self.depth = depth
        self.entangler = entangler
        self.rotations = rotations
        self.register = register
        self.location = location
    }
}

/// One HEA `## theta` row: the tensor `[rotation][layer][qubit]`.
public struct ThetaRow: Hashable, Sendable {
    public var concept: String
    public var tensor: [[[Double]]]
    public var cluster: String?
    public var location: SourceLocation?

    public init(concept: String, tensor: [[[Double]]], cluster: String?, location: SourceLocation? = nil) {
        self.concept = concept
        self.tensor = tensor
        self.cluster = cluster
        self.location = location
    }
}

/// polygram's `## amp branch` table: per concept, the amplitude knobs as
/// `(theta, psi)` pairs in column order (Rung3: 1 pair, Rung4: 2, Rung5: k).
public struct AmpBranchTable: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var concept: String
        public var knobs: [AmpKnob]
        public var location: SourceLocation?
        public init(concept: String, knobs: [AmpKnob], location: SourceLocation? = nil) {
            self.concept = concept
            self.knobs = knobs
            self.location = location
        }
    }
    public var columns: [String]
    public var rows: [Row]
    public var location: SourceLocation?

    public init(columns: [String], rows: [Row], location: SourceLocation? = nil) {
        self.columns = columns
        self.rows = rows
        self.location = location
    }
}

/// A section the reader keeps but does not interpret.
public struct OtherSection: Hashable, Sendable {
    public var heading: String
    public var location: SourceLocation?

    public init(heading: String, location: SourceLocation? = nil) {
        self.heading = heading
        self.location = location
    }
}
