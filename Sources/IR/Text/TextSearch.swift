import Foundation

extension String {
    /// `contains(needle)`, Foundation's substring search, answered by a byte
    /// search when both strings are ASCII: Foundation's default (canonical
    /// equivalence) changes nothing there, and bridging to NSString costs
    /// more than the search. `needle` is one of the checks' keywords.
    public func containsText(_ needle: String) -> Bool {
        var text = self, pattern = needle  // withUTF8 is mutating (it may make the storage contiguous)
        let found: Bool? = text.withUTF8 { hay in
            pattern.withUTF8 { pattern in
                guard !pattern.isEmpty, !hay.contains(where: { $0 >= 0x80 }), !pattern.contains(where: { $0 >= 0x80 })
                else { return nil }
                guard hay.count >= pattern.count else { return false }
                for start in 0...(hay.count - pattern.count) where hay[start] == pattern[0]
                    && UnsafeBufferPointer(rebasing: hay[start..<start + pattern.count]).elementsEqual(pattern) {
                    return true
                }
                return false
            }
        }
        return found ?? contains(needle)
    }
}
