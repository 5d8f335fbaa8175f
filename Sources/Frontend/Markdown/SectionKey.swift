/// The dispatch key of a level-2 heading (qorca-language.md §2.2): trimmed,
/// lower-cased; for non-state headings everything from the first `|` is cut.
struct SectionKey: Equatable {
    enum Kind: Equatable {
        case context, events, state, transitions, guards, actions, effects
        case verificationRules, invariants, resources, encoding, theta, ampBranch
        case other
    }

    var kind: Kind
    var text: String

    init(_ heading: String) {
        let lower = heading.trimmed.lowercased()
        if lower.hasPrefix("state"), lower.dropFirst(5).first?.isWhitespace == true {
            kind = .state
            text = lower
            return
        }
        let key = (lower.firstIndex(ofASCII: "|").map { String(lower[..<$0]) } ?? lower).trimmed
        text = key
        switch key {
        case "context": kind = .context
        case "events": kind = .events
        case "transitions": kind = .transitions
        case "guards": kind = .guards
        case "actions": kind = .actions
        case "effects": kind = .effects
        case "verification rules": kind = .verificationRules
        case "invariants": kind = .invariants
        case "resources": kind = .resources
        case "encoding": kind = .encoding
        case "theta": kind = .theta
        case "amp branch": kind = .ampBranch
        default: kind = .other
        }
    }

    var isKnown: Bool { kind != .other }

    /// Whether the section's data is a table (else a bullet list); nil for
    /// state headings and unknown sections.
    var expectsTable: Bool? {
        switch kind {
        case .context, .transitions, .guards, .actions, .effects, .resources, .encoding, .theta, .ampBranch:
            return true
        case .events, .verificationRules, .invariants:
            return false
        case .state, .other:
            return nil
        }
    }
}
