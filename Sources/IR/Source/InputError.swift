/// Input that cannot be used at all (malformed spec, unparsable machine, a
/// simulation that cannot fit). The CLI maps it to exit code 2 and prints it
/// as `file:line:col: error: message`.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    /// File name when no line/column is known.
    public var file: String?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil, file: String? = nil) {
        self.message = message
        self.location = location
        self.file = file ?? location?.file
    }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        if let file { return "\(file): error: \(message)" }
        return "error: \(message)"
    }
}
