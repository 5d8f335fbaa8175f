import IR

/// The names an effect may refer to: the action's parameters and the
/// machine's numeric context fields (qorca-language.md §3.7, §4.3).
public struct EffectScope: Hashable, Sendable {
    public var angleParameters: [String]
    public var intParameters: [String]
    /// Numeric (`int`/`float`) context fields with their default values.
    public var contextFields: [String: Double]
    /// Names of the legacy `## effects` table: a segment that is just one of
    /// these names is an opaque reference (no gates), as in the reference.
    public var namedEffects: Set<String>

    public init(parameters: [ActionDecl.Parameter] = [], contextFields: [String: Double] = [:],
                namedEffects: Set<String> = []) {
        angleParameters = parameters.filter { $0.type == .angle }.map(\.name)
        intParameters = parameters.filter { $0.type == .int }.map(\.name)
        self.contextFields = contextFields
        self.namedEffects = namedEffects
    }
}

/// An effect-language error with its character offset inside the effect text.
struct EffectSyntaxError: Error {
    var message: String
    var offset: Int
}
