import Foundation

/// A system library opened with `dlopen` at first use rather than linked, so
/// processes that never need it never pay for loading it (OpenBLAS, libxml2).
/// Each library's Swift wrapper keeps its own table of typed entry points.
public struct SharedLibrary {
    /// The name used in messages ("OpenBLAS").
    public let name: String
    private let handle: UnsafeMutableRawPointer

    /// Opens the first of `candidates` (sonames) that loads.
    public init(_ name: String, candidates: [String]) throws {
        var reasons: [String] = []
        for candidate in candidates {
            if let handle = dlopen(candidate, RTLD_NOW | RTLD_LOCAL) {
                self.name = name
                self.handle = handle
                return
            }
            reasons.append(dlerror().map { String(cString: $0) } ?? candidate)
        }
        throw SharedLibraryError(description: "cannot load \(name): " + reasons.joinedText("; "))
    }

    /// The entry point `symbol`, as the C function type `F`.
    public func symbol<F>(_ symbol: String, as type: F.Type = F.self) throws -> F {
        guard let address = dlsym(handle, symbol) else {
            throw SharedLibraryError(description: "\(name) lacks \(symbol)")
        }
        return unsafeBitCast(address, to: type)
    }

    /// Runs `load`, or, when the library cannot be loaded, says what to
    /// install and exits 2: a missing system library makes the whole run
    /// unusable, like bad input; it is not a bug to trap on.
    public static func loadOrExit<T>(install package: String, _ load: () throws -> T) -> T {
        do {
            return try load()
        } catch {
            FileHandle.standardError.write(Data("polygramc: \(error) (install \(package), e.g. with scripts/setup.sh)\n".utf8))
            exit(2)
        }
    }
}

public struct SharedLibraryError: Error, CustomStringConvertible {
    public var description: String
}
