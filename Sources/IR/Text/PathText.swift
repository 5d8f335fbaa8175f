/// File-path text without Foundation: bridging to NSString for every
/// written file showed up in `run`'s profile.
public enum PathText {
    /// The folder part of `path`, as NSString's `deletingLastPathComponent`
    /// gives it ("a/b/c" → "a/b", "/c" → "/", "c" → "", "a//b/" → "a").
    public static func parent(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        var end = slash
        while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return end == 0 ? "/" : String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// `name` inside `folder`, as swift-corelibs-foundation's NSString
    /// `appendingPathComponent` gives it for a relative name ("out" + "a.md"
    /// → "out/a.md", "out/" → "out/a.md", "" → "a.md"), so printed paths stay
    /// as they were.
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.utf8.last == UInt8(ascii: "/") ? folder + name : folder + "/" + name
    }
}
