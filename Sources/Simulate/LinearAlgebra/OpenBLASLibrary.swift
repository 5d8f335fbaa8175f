import COpenBLAS
import IR

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

    private static let loaded = SharedLibrary.loadOrExit(install: "libopenblas0") {
        try OpenBLASLibrary(try SharedLibrary("OpenBLAS", candidates: ["libopenblas.so.0", "libopenblas.so"]))
    }

    private init(_ library: SharedLibrary) throws {
        setNumThreads = try library.symbol("openblas_set_num_threads")
        zherk = try library.symbol("cblas_zherk")
        zgemm = try library.symbol("cblas_zgemm")
        ssyrk = try library.symbol("cblas_ssyrk")
        sgemm = try library.symbol("cblas_sgemm")
        dgemm = try library.symbol("cblas_dgemm")
        zgesvd = try library.symbol("zgesvd_")
        zheev = try library.symbol("zheev_")
        dgesdd = try library.symbol("dgesdd_")
    }
}
