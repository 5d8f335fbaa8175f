import IR
import Simulate

/// Runs every check on a machine, in q-orca's stage order, then polygramc's
/// simulation checks on the concept Gram.
public enum Verifier {
    /// Structural checks (stage 1); their errors stop verification, as in q-orca.
    static let structural: [any MachineCheck.Type] = [
        UndeclaredStateCheck.self, UnreachableStateCheck.self, DeadlockCheck.self,
        OrphanEventCheck.self, OrphanActionCheck.self,
    ]
    static let behavioural: [any MachineCheck.Type] = [
        IncompleteEventHandlingCheck.self, NonDeterministicCheck.self, GuardOverlapCheck.self,
    ]

    /// Stage 3b: classical context updates.
    static let classicalContext: [any MachineCheck.Type] = [
        UndeclaredContextFieldCheck.self, ContextFieldTypeMismatchCheck.self, ContextIndexOutOfRangeCheck.self,
        BitReadBeforeWriteCheck.self, UnboundedContextLoopCheck.self,
    ]

    /// Stage 4, after the unitarity checks (`GateChecks`); each is gated by its rule.
    static let quantumStatic: [any MachineCheck.Type] = [
        NoCloningCheck.self, NoEntanglementCheck.self, EntanglementWithoutGateCheck.self,
        IncompleteCollapseCheck.self, MidCircuitCoherenceCheck.self, FeedforwardUnusedCheck.self,
    ]

    /// Stage 4b checks that need no simulation (before the concept Gram).
    static let dynamic: [any MachineCheck.Type] = [DynamicIncompleteCollapseCheck.self]

    /// Stage 4c: resource invariants.
    static let resourceBounds: [any MachineCheck.Type] = [ResourceBoundExceededCheck.self, ResourceBoundIndeterminateCheck.self]

    /// Informational findings, reported last.
    static let informational: [any MachineCheck.Type] = [UnknownSectionCheck.self]

    /// Every check's code and one-line description, for `--list-checks`.
    public static var checkList: [(code: String, summary: String)] {
        let typed: [any MachineCheck.Type] = [NoInitialStateCheck.self] + structural + behavioural + classicalContext
            + quantumStatic + dynamic + resourceBounds + [SuperpositionLeakCheck.self] + informational
        return typed.map { ($0.code, $0.summary) } + GateChecks.codes.map { ($0.0, $0.1) } + GramChecks.codes.map { ($0.0, $0.1) }
            + DynamicAnalysis.codes.map { ($0.0, $0.1) }
            + [(DictionaryComparison.code, DictionaryComparison.summary)]
    }

    /// Throws `InputError` only when the machine's simulation would not fit in
    /// memory: that is unusable input (exit 2), not a failed verification.
    public static func verify(_ machine: Machine) throws -> MachineReport {
        var report = MachineReport(name: machine.name, location: machine.location, diagnostics: [],
                                   conceptLabels: [], gram: nil, tierSeparation: nil, gramRank: nil, dynamic: nil)
        let analysis = MachineAnalysis(machine)
        let noInitial = NoInitialStateCheck.run(machine, analysis)
        if !noInitial.isEmpty {
            report.diagnostics = noInitial
            return report
        }
        report.diagnostics = structural.flatMap { $0.run(machine, analysis) }
        if report.hasErrors { return report }

        report.diagnostics += behavioural.flatMap { $0.run(machine, analysis) }
        report.diagnostics += classicalContext.flatMap { $0.run(machine, analysis) }
        let callSites = CallSites(machine)
        report.diagnostics += GateChecks.run(machine, analysis, callSites)
        report.diagnostics += quantumStatic.flatMap { $0.run(machine, analysis) }
        report.diagnostics += dynamic.flatMap { $0.run(machine, analysis) }
        do {
            if let branches = try DynamicAnalysis.run(machine, initial: analysis.initialState, callSites: callSites) {
                report.dynamic = DynamicSummary(branches)
                report.diagnostics += branches.check(machine)
            }
        } catch SimulationError.tooLarge(let n, let count, let bytes, let limit) {
            throw InputError(SimulationError.tooLarge(qubitCount: n, states: count, bytes: bytes, limit: limit).description,
                             at: machine.location)
        } catch {
            report.diagnostics.append(Diagnostic("DYNAMIC_SIMULATION_FAILED", .error, "\(error)", at: machine.location))
        }

        let conceptSet: ConceptSet?
        do {
            conceptSet = try ConceptSet.find(in: machine, callSites: callSites)
        } catch let error as ConceptError {
            conceptSet = nil
            report.diagnostics.append(Diagnostic(machine.encoding != nil ? "HEA_GRAM_INVALID" : "CONCEPT_GRAM_INVALID", .error,
                                                 error.message, at: error.location ?? machine.location))
        } catch {
            conceptSet = nil
            report.diagnostics.append(Diagnostic("CONCEPT_GRAM_INVALID", .error, "\(error)", at: machine.location))
        }
        if let concepts = conceptSet {
            do {
                let gram = try concepts.gram()
                report.conceptLabels = concepts.concepts.map(\.label)
                report.gram = gram
                report.gramRank = try? gram.numericalRank()
                let clusters = concepts.concepts.compactMap(\.cluster)
                if clusters.count == concepts.concepts.count {
                    report.tierSeparation = TierSeparation.compute(gram, clusters: clusters)?.separation
                }
                report.diagnostics += concepts.findings
                report.diagnostics += GramChecks.run(machine, concepts: concepts, gram: gram)
            } catch SimulationError.tooLarge(let n, let count, let bytes, let limit) {
                throw InputError(SimulationError.tooLarge(qubitCount: n, states: count, bytes: bytes, limit: limit).description,
                                 at: machine.location)
            } catch let error as SimulationError {
                report.diagnostics.append(Diagnostic("CONCEPT_SIMULATION_FAILED", .error,
                    "cannot simulate the concepts of '\(concepts.actionName)': \(error)",
                    at: error.location ?? machine.location))
            } catch {
                report.diagnostics.append(Diagnostic("CONCEPT_SIMULATION_FAILED", .error, "\(error)", at: machine.location))
            }
        }
        report.diagnostics += resourceBounds.flatMap { $0.run(machine, analysis) }
        report.diagnostics += SuperpositionLeakCheck.run(machine, analysis)
        report.diagnostics += informational.flatMap { $0.run(machine, analysis) }
        return report
    }
}
