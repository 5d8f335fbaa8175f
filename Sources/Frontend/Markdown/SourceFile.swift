import Foundation

/// Reads a machine file's text with plain POSIX calls: Foundation's URL and
/// Data cost more than parsing a small machine. Returns nil for anything but
/// a readable regular file of valid UTF-8 without a byte-order mark; the
/// caller then reads it through Foundation as before (Foundation drops a BOM
/// and words the errors).
enum SourceFile {
    static func text(atPath path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // Room for one byte more than the size, so the read that finds the end fits.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }  // the file grew
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
        }
        let content = bytes[..<count]
        guard !content.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        // Decoding repairs invalid UTF-8, so unchanged bytes mean valid input.
        var text = String(decoding: content, as: UTF8.self)
        let valid = text.withUTF8 { decoded in
            decoded.count == count
                && content.withUnsafeBytes { count == 0 || memcmp(decoded.baseAddress!, $0.baseAddress!, count) == 0 }
        }
        return valid ? text : nil
    }
}
