import Foundation

/// A regular file's bytes through plain POSIX calls (Foundation's URL and
/// Data cost more than the small files polygramc reads back).
public enum RegularFile {
    /// The whole content of the regular file at `path`, or nil when it cannot
    /// be opened or read, or is not a regular file.
    public static func bytes(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let expected = max(Int(info.st_size), 0)
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

    /// Whether the regular file at `path` holds exactly `expected`: compared
    /// in 64 KiB pieces, so checking a large file allocates nothing.
    public static func holds(atPath path: String, exactly expected: UnsafeRawBufferPointer) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == expected.count else { return false }
        return withUnsafeTemporaryAllocation(byteCount: 1 << 16, alignment: 16) { piece in
            var offset = 0
            while true {
                let n = read(fd, piece.baseAddress!, piece.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if n == 0 { return offset == expected.count }  // the end: all of `expected` matched
                guard offset + n <= expected.count,
                      memcmp(piece.baseAddress!, expected.baseAddress! + offset, n) == 0 else { return false }
                offset += n
            }
        }
    }
}
