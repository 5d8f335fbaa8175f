import IR

/// Sections the language does not define (prose such as `## Concept geometry`)
/// are kept by the reader and reported here, never dropped silently.
public enum UnknownSectionCheck: MachineCheck {
    public static let code = "UNKNOWN_SECTION"
    public static let summary = "A `##` section the Q-Orca language does not define; kept, not interpreted (info)."
    public static func run(_ machine: Machine, _ analysis: MachineAnalysis) -> [Diagnostic] {
        machine.otherSections.map {
            Diagnostic(code, .info, "section '## \($0.heading)' is not part of the Q-Orca language; it is kept but not interpreted",
                       at: $0.location)
        }
    }
}
