import COpenBLAS
import Foundation

/// OpenBLAS, opened on first use with `dlopen` instead of being linked.
///
/// Linking it (and LAPACKE, which drags in a second OpenBLAS copy through
/// liblapack.so.3) cost every process about 4 ms of loading plus a pool of
/// spinning threads, while most verifies of small machines need no BLAS at
/// all. LAPACK is called through OpenBLAS's own Fortran entry points.
struct OpenBLASLibrary {
    typealias SetNumThreads = @convention(c) (Int32) -> Void
    typealias Zherk = @convention(c) (CBLAS_ORDER, CBLAS_UPLO, CBLAS_TRANSPOSE, blasint, blasint, Double,
                                      UnsafeRawPointer?, blasint, Double, UnsafeMutableRawPointer?, blasint) -> Void
    typealias Zgemm = @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint,
                                      UnsafeRawPointer?, UnsafeRawPointer?, blasint, UnsafeRawPointer?, blasint,
                                      UnsafeRawPointer?, UnsafeMutableRawPointer?, blasint) -> Void
    typealias Ssyrk = @convention(c) (CBLAS_ORDER, CBLAS_UPLO, CBLAS_TRANSPOSE, blasint, blasint, Float,
                                      UnsafePointer<Float>?, blasint, Float, UnsafeMutablePointer<Float>?, blasint) -> Void
    typealias Sgemm = @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint, Float,
                                      UnsafePointer<Float>?, blasint, UnsafePointer<Float>?, blasint, Float,
                                      UnsafeMutablePointer<Float>?, blasint) -> Void
    typealias Dgemm = @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint, Double,
                                      UnsafePointer<Double>?, blasint, UnsafePointer<Double>?, blasint, Double,
                                      UnsafeMutablePointer<Double>?, blasint) -> Void
    // Fortran LAPACK: every argument by reference, then the hidden lengths of
    // the character arguments (gfortran's convention).
    typealias Char = UnsafePointer<CChar>
    typealias IntRef = UnsafeMutablePointer<Int32>
    typealias Zgesvd = @convention(c) (Char, Char, IntRef, IntRef, UnsafeMutablePointer<Double>, IntRef,
                                       UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, IntRef,
                                       UnsafeMutablePointer<Double>, IntRef, UnsafeMutablePointer<Double>, IntRef,
                                       UnsafeMutablePointer<Double>, IntRef, Int, Int) -> Void
    typealias Zheev = @convention(c) (Char, Char, IntRef, UnsafeMutablePointer<Double>, IntRef, UnsafeMutablePointer<Double>,
                                      UnsafeMutablePointer<Double>, IntRef, UnsafeMutablePointer<Double>, IntRef,
                                      Int, Int) -> Void
    typealias Dgesdd = @convention(c) (Char, IntRef, IntRef, UnsafeMutablePointer<Double>, IntRef, UnsafeMutablePointer<Double>,
                                       UnsafeMutablePointer<Double>, IntRef, UnsafeMutablePointer<Double>, IntRef,
                                       UnsafeMutablePointer<Double>, IntRef, IntRef, IntRef, Int) -> Void

    let setNumThreads: SetNumThreads
    let zherk: Zherk
    let zgemm: Zgemm
    let ssyrk: Ssyrk
    let sgemm: Sgemm
    let dgemm: Dgemm
    let zgesvd: Zgesvd
    let zheev: Zheev
    let dgesdd: Dgesdd

    /// The library, loaded once (thread-safe: a global `let` initialises once).
    static var shared: OpenBLASLibrary { loaded }

    private static let loaded: OpenBLASLibrary = {
        do {
            return try OpenBLASLibrary(names: ["libopenblas.so.0", "libopenblas.so"])
        } catch {
            // A missing system library is unusable input to the whole run, not a bug.
            FileHandle.standardError.write(Data("polygramc: \(error) (install libopenblas0, e.g. with scripts/setup.sh)\n".utf8))
            exit(2)
        }
    }()

    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    private init(names: [String]) throws {
        var handle: UnsafeMutableRawPointer?
        var reasons: [String] = []
        for name in names {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
            reasons.append(dlerror().map { String(cString: $0) } ?? name)
        }
        guard let handle else {
            throw LoadError(description: "cannot load OpenBLAS: " + reasons.joined(separator: "; "))
        }
        func symbol<F>(_ name: String, as type: F.Type) throws -> F {
            guard let address = dlsym(handle, name) else {
                throw LoadError(description: "OpenBLAS lacks \(name)")
            }
            return unsafeBitCast(address, to: type)
        }
        setNumThreads = try symbol("openblas_set_num_threads", as: SetNumThreads.self)
        zherk = try symbol("cblas_zherk", as: Zherk.self)
        zgemm = try symbol("cblas_zgemm", as: Zgemm.self)
        ssyrk = try symbol("cblas_ssyrk", as: Ssyrk.self)
        sgemm = try symbol("cblas_sgemm", as: Sgemm.self)
        dgemm = try symbol("cblas_dgemm", as: Dgemm.self)
        zgesvd = try symbol("zgesvd_", as: Zgesvd.self)
        zheev = try symbol("zheev_", as: Zheev.self)
        dgesdd = try symbol("dgesdd_", as: Dgesdd.self)
    }
}
