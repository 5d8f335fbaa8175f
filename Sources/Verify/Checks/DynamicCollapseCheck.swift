import Foundation
import IR

/// Stage 4b collapse check (qorca-language.md §6.4), not rule-gated: for
/// each source state and `measure` event, the probability guards of the
/// branches must sum to 1 (±0.01).
///
/// q-orca sums the guards of every measuring transition of the whole machine
/// together, so two measuring states with 0.5/0.5 each "sum to 2.0"
/// (§9 #6). polygramc sums per source state and event, like the static
/// INCOMPLETE_COLLAPSE (docs/divergences.md #11).
public enum DynamicIncompleteCollapseCheck: MachineCheck {
    public static let code = "DYNAMIC_INCOMPLETE_COLLAPSE"
    public static let summary = "A state's measurement branches have probability guards not summing to 1."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        // Only guarded transitions carry probabilities: without guards every sum is empty.
        guard machine.transitions.contains(where: { $0.guardRef != nil }) else { return [] }
        // q-orca's measure events: names containing `measure` (not `collapse`).
        let measureEvents = Set(machine.events.map(\.name).filter { $0.lowercased().containsText("measure") })
        let measuring = machine.transitions.filter { measureEvents.contains($0.event) }
        return groupedInOrder(measuring, by: { [$0.source, $0.event] }).compactMap { key, group in
            let probabilities = machine.probabilityGuardValues(group)
            let total = probabilities.reduce(0, +)
            guard !probabilities.isEmpty, abs(total - 1) > 0.01 else { return nil }
            return Diagnostic(code, .error,
                "Measurement branches from state '\(key[0])' on event '\(key[1])' have probabilities summing to \(IncompleteCollapseCheck.formatted(total)), expected 1.0",
                at: group[0].location)
        }
    }
}
