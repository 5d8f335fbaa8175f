/// What a template variable holds.
public enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateScope])
}

/// Variables visible to one rendering step; `{{#each}}` pushes a child scope.
public struct TemplateScope: Sendable {
    public var values: [String: TemplateValue]

    public init(_ values: [String: TemplateValue] = [:]) { self.values = values }

    public subscript(key: String) -> TemplateValue? {
        get { values[key] }
        set { values[key] = newValue }
    }
}
