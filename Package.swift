// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "polygramc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "polygramc", targets: ["polygramc"]),
        .executable(name: "polygramc-bench", targets: ["polygramc-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, each wrapped by one small Swift layer.
        // libcmark is linked statically (Frontend's linker settings): one shared
        // library less to map and bind at every start.
        .systemLibrary(name: "CCmark", path: "Sources/CCmark", providers: [.apt(["libcmark-dev"])]),
        // Headers only: OpenBLAS is opened at first use (OpenBLASLibrary.swift).
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
        // Declarations only: libxml2 is linked statically, see `staticLibXML2`.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", providers: [.apt(["libxml2-dev"])]),

        // Pipeline stages: Frontend (text -> IR), IR, Emit (IR -> text),
        // Simulate (IR -> states), Verify (IR + states -> diagnostics).
        // Two libc calls Swift cannot make directly (a macro API, a variadic one).
        .target(name: "CSupport", path: "Sources/CSupport"),
        .target(name: "IR", dependencies: ["CSupport"], path: "Sources/IR", swiftSettings: swift5),
        .target(name: "Frontend",
                dependencies: ["IR", "CCmark", .product(name: "Yams", package: "Yams")],
                path: "Sources/Frontend", swiftSettings: swift5,
                linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libcmark.a"])]),
        .target(name: "Simulate", dependencies: ["IR", "COpenBLAS"],
                path: "Sources/Simulate", swiftSettings: swift5),
        .target(name: "Emit", dependencies: ["IR", "Frontend", "CLibXML2"],
                path: "Sources/Emit", exclude: ["Templates"], swiftSettings: swift5, linkerSettings: staticLibXML2),
        .target(name: "Verify", dependencies: ["IR", "Frontend", "Simulate"],
                path: "Sources/Verify", swiftSettings: swift5),
        .target(name: "Analysis", dependencies: ["IR", "Frontend", "Simulate"], path: "Sources/Analysis", swiftSettings: swift5),
        .target(name: "Experiments", dependencies: ["IR", "Frontend", "Emit", "Simulate", "Verify"],
                path: "Sources/Experiments", swiftSettings: swift5),
        .executableTarget(name: "polygramc",
                          dependencies: ["IR", "Frontend", "Emit", "Simulate", "Verify", "Experiments", "Analysis",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Sources/polygramc", swiftSettings: swift5, linkerSettings: fastStart),
        .executableTarget(name: "polygramc-bench",
                          dependencies: ["IR", "Frontend", "Emit", "Simulate", "Verify", "Experiments", "Analysis"],
                          path: "Sources/Bench", swiftSettings: swift5),

        .testTarget(name: "IRTests", dependencies: ["IR"], path: "Tests/IRTests"),
        .testTarget(name: "FrontendTests", dependencies: ["Frontend", "IR"], path: "Tests/FrontendTests"),
        .testTarget(name: "SimulateTests", dependencies: ["Simulate", "IR"], path: "Tests/SimulateTests"),
        .testTarget(name: "EmitTests", dependencies: ["Emit", "Frontend", "IR"], path: "Tests/EmitTests"),
        .testTarget(name: "VerifyTests", dependencies: ["Verify", "Emit", "Frontend", "Simulate", "IR"],
                    path: "Tests/VerifyTests"),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Frontend", "IR"], path: "Tests/ExperimentsTests"),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Frontend", "IR", "Simulate"], path: "Tests/AnalysisTests"),
        .testTarget(name: "CLITests", dependencies: [], path: "Tests/CLITests"),
    ]
)

// Concrete generic types (`[String: Int]`, `Set<String>`, …) get their
// metadata through direct accessor calls instead of mangled names: the
// runtime then neither demangles each name nor scans every protocol
// conformance record of the static binary (~5,900, most from Foundation) to
// check the generic requirements. Measured: a quarter of a one-workload
// `run`'s time in `main` went to those first-use lookups; this flag halves
// what they cost (0.5 ms of a 7 ms run). The trade-off is slightly more code.
var swift5: [SwiftSetting] {
    [.swiftLanguageMode(.v5),
     .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]
}

// Release `polygramc` is linked as a non-PIE executable: with the Swift
// runtime and Foundation linked statically (`--static-swift-stdlib`, see the
// README) its ~78,000 relative relocations are then resolved at link time
// instead of at every start, a quarter of a one-file verify. The trade-off:
// no ASLR for the image of this short-lived local tool. libstdc++ and libgcc
// (its unwinder) are linked statically too (see link/static-libstdc++/libstdc++.so):
// each shared library cost its loading and binding at every start, and
// libgcc_s probes the CPU (cpuid traps to the hypervisor on a VM); measured
// 0.8 ms and 0.25 ms of a one-workload `run`. The functions the everyday
// commands run are placed first and together (link/function-order.txt, from
// scripts/order-functions.sh), so a run faults in fewer pages of code, and
// the executable exports no symbols (link/exports.map): the Swift runtime's
// start-up `dladdr` scanned its 6,200 exported ones.
var fastStart: [LinkerSetting] {
    [.unsafeFlags(["-Xclang-linker", "-no-pie", "-Xclang-linker", "-static-libgcc",
                   "-L\(Context.packageDirectory)/link/static-libstdc++",
                   "-Xlinker", "--section-ordering-file=\(Context.packageDirectory)/link/function-order.txt",
                   "-Xlinker", "--version-script=\(Context.packageDirectory)/link/exports.map"],
                  .when(configuration: .release))]
}

// libxml2 and what it needs (ICU's converters and data, zlib, xz) from
// Debian's static archives (libxml2-dev and its dependencies): loading the
// shared libxml2 with ICU at run time cost about 0.5 ms per process, more
// than a one-workload `run` spends on its plots. libstdc++ and libm are what
// ICU's objects need from the system.
var staticLibXML2: [LinkerSetting] {
    [.unsafeFlags(["-Xlinker", "-l:libxml2.a", "-Xlinker", "-l:libicuuc.a", "-Xlinker", "-l:libicudata.a",
                   "-Xlinker", "-l:liblzma.a", "-Xlinker", "-l:libz.a", "-lstdc++", "-lm"])]
}
