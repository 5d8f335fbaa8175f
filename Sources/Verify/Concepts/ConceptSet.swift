import Foundation
import IR
import Simulate

/// The concepts a machine prepares, each as a concrete circuit, in
/// transitions-table order (qorca-language.md §7):
/// * call sites of a parametric concept action (`query_concept`, else
///   `prepare_concept`), with polygram's `## amp branch` appended for Rung3/4/5;
/// * or, for HEA machines, `query_concept` call sites paired positionally with
///   the `## theta` rows.
public struct ConceptSet {
    public struct Concept {
        public var label: String
        public var cluster: String?
        public var location: SourceLocation?
        public var gates: [ResolvedGate]
    }

    public var actionName: String
    public var qubitCount: Int
    public var concepts: [Concept]
    /// The encoding's `max_features`: how many concepts can be linearly independent.
    public var maxFeatures: Int
    /// Inconsistencies found while pairing concepts with their rows.
    var findings: [Diagnostic] = []

    /// q-orca's helpers default to `query_concept`; polygram's machines use
    /// `prepare_concept`. The first of these with bound call sites wins.
    static let conceptActions = ["query_concept", "prepare_concept"]

    /// nil when the machine prepares no concepts; throws when it declares
    /// concepts that cannot be built (e.g. theta rows ≠ call sites).
    public static func find(in machine: Machine) throws -> ConceptSet? {
        let binder = CallSiteBinder(machine)
        return try find(in: machine) { try binder.gates(machine.transitions[$0], $1) }
    }

    /// `find(in:)` with the machine's call sites already bound (the verifier's).
    /// A concept call site calls `action`, the first of its name: its binding.
    static func find(in machine: Machine, callSites: CallSites) throws -> ConceptSet? {
        try find(in: machine) { index, action in
            guard let binding = callSites.byTransition[index] else {
                return try CallSiteBinder(machine).gates(machine.transitions[index], action)
            }
            return try binding.gates.get()
        }
    }

    /// `gates(i, action)` binds the call site of transition i.
    private static func find(in machine: Machine, gates: (Int, ActionDecl) throws -> [ResolvedGate]) throws -> ConceptSet? {
        if let encoding = machine.encoding, encoding.kind == "hea" {
            return try hea(machine, encoding)
        }
        for name in conceptActions {
            guard let action = machine.action(named: name), action.isParametric else { continue }
            let sites = machine.transitions.indices.filter {
                machine.transitions[$0].action?.name == name && machine.transitions[$0].action?.arguments != nil
            }
            guard !sites.isEmpty else { continue }
            return try callSites(machine, action, sites, gates)
        }
        return nil
    }

    private static func callSites(_ machine: Machine, _ action: ActionDecl, _ sites: [Int],
                                  _ gates: (Int, ActionDecl) throws -> [ResolvedGate]) throws -> ConceptSet {
        var concepts = try sites.map { index -> Concept in
            let site = machine.transitions[index]
            let bound = try gates(index, action)
            return Concept(label: label(for: site), cluster: cluster(of: site.target, in: machine),
                           location: site.location, gates: bound)
        }
        let used = highestQubit(concepts.lazy.flatMap(\.gates)).map { $0 + 1 } ?? 1
        var qubits = max(Register.declaredSize(machine) ?? used, used)
        var maxFeatures = 1 << min(qubits, 62)
        if let amp = machine.ampBranch {
            let layout = AmpBranchCircuit.layout(of: amp)
            let first = qubits
            for i in concepts.indices {
                guard let row = amp.rows.first(where: { $0.concept == concepts[i].label }) else {
                    throw ConceptError("concept '\(concepts[i].label)' has no row in `## amp branch`", at: concepts[i].location)
                }
                concepts[i].gates += AmpBranchCircuit.gates(row.knobs, layout: layout, first: first, at: row.location)
            }
            if let stray = amp.rows.first(where: { row in !concepts.contains { $0.label == row.concept } }) {
                throw ConceptError("`## amp branch` row for unknown concept '\(stray.concept)'", at: stray.location)
            }
            qubits += layout.extraQubits
            switch layout {
            case .bell: maxFeatures *= 2                // Rung3: 8 · 2
            case .product(let k): maxFeatures <<= k     // Rung4: 8 · 4, Rung5: 8 · 2^k
            }
        }
        return ConceptSet(actionName: action.name, qubitCount: qubits, concepts: concepts, maxFeatures: maxFeatures)
    }

    static func hea(_ machine: Machine, _ encoding: EncodingTable) throws -> ConceptSet {
        let sites = machine.transitions.filter { $0.action?.name == "query_concept" }
        guard !sites.isEmpty else {
            throw ConceptError("machine '\(machine.name)': no `query_concept` call sites for the `## theta` rows", at: machine.location)
        }
        guard sites.count == machine.theta.count else {
            throw ConceptError("machine '\(machine.name)': action 'query_concept' has \(sites.count) call site(s) but `## theta` declares \(machine.theta.count) concept row(s); the two must match",
                               at: encoding.location ?? machine.location)
        }
        let n = Register.declaredSize(machine) ?? 0
        let shape = [encoding.rotations.count, encoding.depth, n]
        for row in machine.theta where !(row.tensor.count == shape[0]
            && row.tensor.allSatisfy { $0.count == shape[1] && $0.allSatisfy { $0.count == shape[2] } }) {
            throw ConceptError("theta row '\(row.concept)' does not have shape (\(shape.map(String.init).joinedText(", "))) for this encoding",
                               at: row.location)
        }
        let concepts = zip(sites, machine.theta).map { site, row in
            Concept(label: row.concept, cluster: row.cluster ?? "_default", location: row.location ?? site.location,
                    gates: HEACircuit.gates(row.tensor, encoding: encoding, qubits: n, at: row.location ?? site.location))
        }
        var set = ConceptSet(actionName: "query_concept", qubitCount: n, concepts: concepts, maxFeatures: 1 << min(n, 62))
        // Pairing is positional; polygram names each call site's target
        // `queried_<concept>`, so a reordered theta row shows up as a name clash.
        for (index, (site, row)) in zip(sites, machine.theta).enumerated() where site.target.hasPrefix("queried_") {
            let prepared = String(site.target.dropFirst("queried_".count))
            if prepared != row.concept {
                set.findings.append(Diagnostic("HEA_THETA_ORDER", .error,
                    "`## theta` row \(index + 1) is concept '\(row.concept)', but call site \(index + 1) prepares '\(prepared)' (target '\(site.target)'); rows pair with call sites by position",
                    at: row.location))
            }
        }
        return set
    }

    /// The highest qubit the gates touch (`gates.flatMap(\.qubits).max()` without the arrays).
    static func highestQubit(_ gates: some Sequence<ResolvedGate>) -> Int? {
        var highest: Int?
        for gate in gates {
            for q in gate.controls where highest.map({ q > $0 }) ?? true { highest = q }
            for q in gate.targets where highest.map({ q > $0 }) ?? true { highest = q }
        }
        return highest
    }

    /// The concept's name: the target state without its `prepared_`/`queried_` prefix.
    static func label(for transition: Transition) -> String {
        for prefix in ["prepared_", "queried_"] where transition.target.hasPrefix(prefix) {
            return String(transition.target.dropFirst(prefix.count))
        }
        return transition.target
    }

    /// A cluster named in the target state's description: polygram writes
    /// `Cluster: dogs.` (MPS) or `(cluster: dogs)` (HEA).
    static func cluster(of stateName: String, in machine: Machine) -> String? {
        guard let text = machine.state(named: stateName)?.description else { return nil }
        if text.isPlainASCII { return cluster(in: ASCIIByte.units(text)) }
        // Only the marker's own ASCII bytes can match it (no other Character
        // equals these), so text without those bytes has no cluster.
        let bytes = text.utf8.map(ASCIIByte.init)
        guard clusterMarkers.contains(where: { marker in
            bytes.indices.contains { ASCIIByte.match(marker.0, in: bytes, at: $0, ignoringCase: false) != nil }
        }) else { return nil }
        for (marker, terminators) in clusterMarkers {
            guard let start = text.firstRange(of: marker)?.upperBound else { continue }
            let name = text[start...].prefix { !terminators.contains($0) }
            if !name.isEmpty { return String(name) }
        }
        return nil
    }

    /// Each marker and the characters that end the name after it.
    static let clusterMarkers = [("Cluster: ", " \t\n."), ("(cluster: ", " \t\n)")]

    /// `cluster(of:in:)` on plain-ASCII text, where bytes are its Characters.
    private static func cluster(in bytes: [ASCIIByte]) -> String? {
        for (marker, terminators) in clusterMarkers {
            let head = ASCIIByte(marker.utf8.first!)
            guard let start = bytes.indices.lazy.compactMap({
                bytes[$0] == head ? ASCIIByte.match(marker, in: bytes, at: $0, ignoringCase: false) : nil
            }).first else { continue }
            let end = bytes[start...].firstIndex { terminators.utf8.contains($0.value) } ?? bytes.count
            if end > start { return ASCIIByte.string(bytes[start..<end]) }
        }
        return nil
    }

    /// Simulates every concept (in parallel, streamed when the states do not
    /// fit together) and forms the Gram matrix.
    public func gram() throws -> GramMatrix {
        try BatchGram.gram(of: concepts.map(\.gates), qubitCount: qubitCount)
    }

    /// One concept's state (for per-concept checks such as Schmidt ranks).
    public func state(_ index: Int) throws -> StateVector {
        try MemoryGuard.check(qubitCount: qubitCount, states: 1)
        var state = StateVector(qubitCount: qubitCount)
        try state.apply(concepts[index].gates)
        return state
    }
}

/// Concepts declared inconsistently (theta rows vs call sites, amp rows vs concepts).
public struct ConceptError: Error, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?
    init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }
    public var description: String { message }
}
