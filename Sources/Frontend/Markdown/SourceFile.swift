import Foundation
import IR

/// Reads a machine file's text through `RegularFile` (plain POSIX calls):
/// Foundation's URL and Data cost more than parsing a small machine. Returns nil for anything but
/// a readable regular file of valid UTF-8 without a byte-order mark; the
/// caller then reads it through Foundation as before (Foundation drops a BOM
/// and words the errors).
enum SourceFile {
    static func text(atPath path: String) -> String? {
        guard let content = RegularFile.bytes(atPath: path), !content.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        // Decoding repairs invalid UTF-8, so unchanged bytes mean valid input.
        var text = String(decoding: content, as: UTF8.self)
        let valid = text.withUTF8 { decoded in
            decoded.count == content.count && (content.isEmpty || memcmp(decoded.baseAddress!, content, content.count) == 0)
        }
        return valid ? text : nil
    }
}
