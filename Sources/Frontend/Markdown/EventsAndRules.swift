import IR

extension MachineBuilder {
    /// `## events` (§2.4): item text up to the first `#`, then up to the first `(`.
    func events(_ list: BulletList) -> [EventDecl] {
        list.items.compactMap { item in
            var text = Substring(item.text)
            if let hash = text.firstIndex(ofASCII: "#") { text = text[..<hash] }
            if let paren = text.firstIndex(ofASCII: "(") { text = text[..<paren] }
            let name = text.trimmed
            return name.isEmpty ? nil : EventDecl(name: name, location: source.location(line: item.line, column: item.column))
        }
    }

    /// `## verification rules` (§2.10): `kind[: description]`. The kind is
    /// lower-cased with `-` → `_` whether or not a colon follows (the
    /// reference honours a bare `measurement_collapse_allowed` only with a
    /// colon, §9 #13).
    func rules(_ list: BulletList) -> [VerificationRule] {
        list.items.compactMap { item in
            let text = item.text.trimmed
            guard !text.isEmpty else { return nil }
            let location = source.location(line: item.line, column: item.column)
            if let colon = text.firstIndex(ofASCII: ":") {
                let kind = normalizedRuleKind(String(text[..<colon]))
                let description = text[text.index(after: colon)...].trimmed
                return VerificationRule(kind: kind, description: description, text: text, location: location)
            }
            return VerificationRule(kind: normalizedRuleKind(text), description: nil, text: text, location: location)
        }
    }

    private func normalizedRuleKind(_ text: String) -> String {
        let lower = text.trimmed.lowercased()
        // ASCII: the same replacement as a byte map, without bridging to NSString.
        guard lower.utf8.allSatisfy({ $0 < 0x80 }) else { return lower.replacingOccurrences(of: "-", with: "_") }
        return String(decoding: lower.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }
}
