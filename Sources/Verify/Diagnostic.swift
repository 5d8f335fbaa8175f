import IR

/// One finding about a machine. Codes reuse q-orca's names where the check is
/// the same; polygramc's own checks have their own stable codes.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, info
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    public var code: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var suggestion: String?

    public init(_ code: String, _ severity: Severity, _ message: String,
                at location: SourceLocation? = nil, suggestion: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.suggestion = suggestion
    }
}
