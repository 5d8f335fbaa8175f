extension Array where Element == String {
    /// `joined(separator:)` for an array of strings, as concrete code: the
    /// standard library's generic version is not specialized here and looks
    /// up its associated types at run time, which cost 0.07 ms at its first
    /// call in a one-workload `run`.
    public func joinedText(_ separator: String = "") -> String {
        var total = separator.utf8.count * Swift.max(0, count - 1)
        for item in self { total += item.utf8.count }
        var text = ""
        text.reserveCapacity(total)
        for (i, item) in enumerated() {
            if i > 0 { text += separator }
            text += item
        }
        return text
    }
}
