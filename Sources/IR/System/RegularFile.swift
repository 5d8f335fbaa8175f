import Foundation

/// A regular file's bytes through plain POSIX calls (Foundation's URL and
/// Data cost more than the small files polygramc reads back).
public enum RegularFile {
    /// The whole content of the regular file at `path`, or nil when it cannot
    /// be opened or read, is not a regular file, or (with `size`) has another size.
    public static func bytes(atPath path: String, ifSize size: Int? = nil) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let expected = max(Int(info.st_size), 0)
        if let size, size != expected { return nil }
        // Room for one byte more than the size, so the read that finds the end fits.
        var bytes = [UInt8](repeating: 0, count: expected + 1)
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
        bytes.removeSubrange(count...)
        return bytes
    }
}
