import Foundation
import IR

/// Expands command-line paths: files as given, directories searched
/// recursively (sorted, so output order is deterministic).
enum InputFiles {
    static func collect(_ paths: [String], matching accepts: (String) -> Bool, kind: String) throws -> [String] {
        var files: [String] = []
        for path in paths {
            // stat, not FileManager, for the common case of files named one by one.
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw InputError("no such file or directory", file: path)
            }
            if info.st_mode & S_IFMT != S_IFDIR {
                files.append(path)
                continue
            }
            let manager = FileManager.default
            guard let enumerator = manager.enumerator(atPath: path) else {
                throw InputError("cannot read directory", file: path)
            }
            var found: [String] = []
            for case let relative as String in enumerator where accepts(relative) {
                let full = (path as NSString).appendingPathComponent(relative)
                var isDir: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { found.append(full) }
            }
            if found.isEmpty { throw InputError("no \(kind) found in directory", file: path) }
            files += found.sorted()
        }
        return files
    }

    static func isSpec(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.hasSuffix(".json")
    }

    static func isMachine(_ path: String) -> Bool { path.hasSuffix(".q.orca.md") }
}

/// `--shard I/N`: shard I (1-based, 1…N) of N takes the files at positions
/// k ≡ I−1 (mod N) of the collected list (directories sorted by path), so
/// the N shards are disjoint and together are exactly the files.
struct Shard: Equatable {
    var index: Int
    var count: Int

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              count >= 1, (1...count).contains(index) else { return nil }
        self.init(index: index, count: count)
    }

    func select<T>(_ items: [T]) -> [T] {
        items.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
