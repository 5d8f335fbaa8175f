import Foundation
import IR

/// Writes through a temporary file and a rename, so a reader never sees a
/// partial file.
enum AtomicFile {
    /// Writes `text` to a temporary file beside `path`, then renames it over
    /// `path`: readers see the old file or the whole new one, never a part.
    /// Plain POSIX calls without fsync (Foundation's Data.write syncs each
    /// file, which dominated writing a run's dozen small artifacts); these are
    /// regenerable outputs, not a database.
    ///
    /// A file that already holds exactly these bytes is left alone (outputs
    /// are deterministic, so re-running a spec rewrites mostly identical
    /// files): its modification time stays, which make-style tools rely on,
    /// and replacing it would cost a rename plus freeing the old blocks.
    static func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path) }
    }

    /// `write` for bytes, compared and written in place (no copy of a large artefact).
    private static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        if RegularFile.holds(atPath: path, exactly: bytes) { return }
        let temporary = path + ".tmp-\(getpid())"
        func fail(_ what: String) -> InputError {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return InputError("cannot write: \(what): \(reason)", file: path)
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("cannot create \(temporary)") }
        let written: Bool = {
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }()
        guard written else {
            close(fd)
            throw fail("write failed")
        }
        guard close(fd) == 0 else { throw fail("close failed") }
        guard rename(temporary, path) == 0 else { throw fail("rename failed") }
    }

    /// `mkdir -p` for the parent folder of each written file, remembering
    /// what exists so a run's dozen artefacts cost one `mkdir` per folder.
    struct Folders {
        private var known: Set<String> = []

        mutating func create(_ path: String) throws {
            if path.isEmpty || known.contains(path) { return }
            var status = stat()
            if stat(path, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    throw InputError("cannot write: not a directory", file: path)
                }
            } else {
                try create(PathText.parent(of: path))
                if mkdir(path, 0o755) != 0 && errno != EEXIST {
                    throw InputError("cannot create directory: \(String(cString: strerror(errno)))", file: path)
                }
            }
            known.insert(path)
        }
    }
}
