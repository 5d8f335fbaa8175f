import Analysis
import Emit
import Experiments
import Foundation
import Frontend
import IR
import Simulate
import Verify

// polygramc-bench: times polygramc's hot paths on the same workloads as the
// Python reference and reports the ratio when a reference interpreter is given.
//
//   bash scripts/build-release.sh && .build/release/polygramc-bench [--python /path/to/venv/bin/python3]
//   (`swift run` has no --static-swift-stdlib: it would rebuild polygramc with the shared runtime)
//   (the static runtime is what makes the whole-process polygramc numbers; see README)

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
let python = option("--python")
/// `q-orca` executable of the reference venv (defaults to the one next to --python).
let qorca = option("--qorca") ?? python.map { (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("q-orca") }
let polygramcBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("polygramc").path
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Runs `bench/reference_gram.py` with the reference's Python and reads its
/// `name seconds` lines.
func referenceTimes(_ python: String, _ args: [String]) throws -> [String: Double] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [root.appendingPathComponent("bench/reference_gram.py").path] + args
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return Dictionary(text.split(separator: "\n").compactMap { line -> (String, Double)? in
        let parts = line.split(separator: " ")
        guard parts.count == 2, let value = Double(parts[1]) else { return nil }
        return (String(parts[0]), value)
    }, uniquingKeysWith: { a, _ in a })
}

/// Wall time of one whole process run (stdout and stderr discarded).
func processSeconds(_ executable: String, _ args: [String]) throws -> Double {
    // posix_spawn + waitpid: Foundation's Process.waitUntilExit polls its run
    // loop and adds tens of milliseconds, more than a small verify takes.
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + args).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let start = DispatchTime.now().uptimeNanoseconds
    let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard status == 0 else { throw BenchError("cannot run \(executable): \(String(cString: strerror(status)))") }
    var exitStatus: Int32 = 0
    while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Read + write bandwidth of memcpy between two buffers of `bytes`, in GB/s.
func copyBandwidth(bytes: Int, repeats: Int) -> Double {
    let a = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    let b = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    defer { a.deallocate(); b.deallocate() }
    memset(a, 1, bytes)
    memset(b, 2, bytes)
    let elapsed = seconds { for i in 0..<repeats { memcpy(i % 2 == 0 ? b : a, i % 2 == 0 ? a : b, bytes) } }
    return Double(2 * bytes * repeats) / elapsed / 1e9
}

/// SplitMix64, for reproducible random knobs.
struct SplitMix {
    var state: UInt64
    mutating func next() -> Double {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    mutating func angle() -> Double { 6 * next() - 3 }
}

func randomDictionary(_ rng: inout SplitMix) -> FeatureDictionary {
    let features = (0..<8).map { i in
        Feature(name: "f\(i)", cluster: "c\(i % 2)", beta: rng.angle(), alpha: rng.angle(), gamma: rng.angle(), phi: rng.angle())
    }
    return FeatureDictionary(name: "Random8", features: features,
                             hierarchy: FeatureDictionary.hierarchy(inferredFrom: features), encoding: .mpsRung1(phaseKnobs: true))
}

let only = ProcessInfo.processInfo.environment["POLYGRAMC_BENCH_ONLY"]

do {
    if only == "sae-clustered", let sae = option("--sae") {
        // from_sae_lens over every feature of the checkpoint (or the first --sae-ids N), clustered.
        let records = try SAELoader.load(path: sae)
        let ids = Array(records.map(\.featureID).prefix(option("--sae-ids").flatMap { Int($0) } ?? records.count))
        var options = FromSAELensOptions()
        options.clustered = true
        // Wall time per stage, from the progress callback's stage changes.
        let stages = StageClock()
        options.progress = { stage, _, _ in stages.enter(stage) }
        var usage = rusage()
        var digest: UInt64 = 0xcbf29ce484222325
        let elapsed = try seconds {
            let output = try FromSAELens.run(records: records, featureIDs: ids, options: options)
            // FNV-1a of the whole result and report, so two builds can be compared bit for bit.
            for byte in "\(output.result)\(output.report)".utf8 { digest = (digest ^ UInt64(byte)) &* 0x100000001b3 }
        }
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(String(format: "clustered from_sae_lens over %d features: %.3f s (with the output digest), peak RSS %d MB, digest %016llx",
                     ids.count, elapsed, usage.ru_maxrss / 1024, digest))
        print("  stages: " + stages.summary())
        exit(0)
    }
    if only == "sae-graph", let sae = option("--sae") {
        // Load + cosine pair graph alone, so the peak RSS is this workload's
        // (the reference's figure is a whole process doing the same).
        let records = try SAELoader.load(path: sae)
        var pairs = 0
        let elapsed = seconds { pairs = CosinePairGraph(rows: ProjectionRows(records), threshold: 0.3).pairs.count }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(String(format: "load + cosine pair graph over %d rows: graph %.3f s, %d pairs, peak RSS %d MB", records.count,
                     elapsed, pairs, usage.ru_maxrss / 1024))
        exit(0)
    }
    if only == "sae", let sae = option("--sae") {
        try saeBenchmarks(sae)
        exit(0)
    }
    if only == "gram-ir" {
        var rng = SplitMix(state: 2026)
        let dictionaries = (0..<200).map { _ in randomDictionary(&rng) }
        for _ in 0..<50 { for d in dictionaries { _ = try ConceptSet.find(in: try Lowering.machine(for: d))!.gram() } }
        exit(0)
    }
    if only == "grid-outputs" {
        // For profilers: the animals grid cancellation with everything `run` makes from it, warm, 500 times.
        let animals = try SpecReader.read(path: root.appendingPathComponent("golden/animals/animals.yaml").path)
        print(String(format: "grid with outputs (in process, warm): %.3f ms", try gridOutputTime(animals, repeats: 1000) * 1e3))
        exit(0)
    }
    // 1. compile + verify of the animals machine, in process (spec → IR → text → cmark → IR → simulate → checks).
    let specPath = root.appendingPathComponent("golden/animals/animals.yaml").path
    var pipeline: [Double] = []
    for _ in 0..<50 {
        pipeline.append(try seconds {
            let spec = try SpecReader.read(path: specPath)
            let text = try MachineWriter.render(try Lowering.machine(for: spec.dictionary))
            let machines = try QOrcaReader.read(text: text, file: "AnimalsInterference.q.orca.md")
            let report = try Verifier.verify(machines[0])
            precondition(report.gram != nil && !report.hasErrors)
        })
    }
    print(String(format: "compile+verify animals (in process)      median %8.3f ms", median(pipeline) * 1e3))

    // 2. Gram of 8 random MPS features, 200 dictionaries.
    var rng = SplitMix(state: 2026)
    let dictionaries = (0..<200).map { _ in randomDictionary(&rng) }
    var irPath: [Double] = [], textPath: [Double] = []
    for _ in 0..<5 {
        irPath.append(try seconds {
            for d in dictionaries {
                let set = try ConceptSet.find(in: try Lowering.machine(for: d))!
                _ = try set.gram()
            }
        })
        textPath.append(try seconds {
            for d in dictionaries {
                let text = try MachineWriter.render(try Lowering.machine(for: d))
                let machine = try QOrcaReader.read(text: text, file: "Random8.q.orca.md")[0]
                _ = try ConceptSet.find(in: machine)!.gram()
            }
        })
    }
    print(String(format: "gram 8 MPS features x200 (IR path)         median %8.3f ms", median(irPath) * 1e3))
    print(String(format: "gram 8 MPS features x200 (render+parse)    median %8.3f ms", median(textPath) * 1e3))

    // 3. HEA Gram: 16 qubits × 128 features, depth 4, [Ry, Rz], ring (issue 3's workload).
    let hea = HEAParameters(depth: 4, qubitCount: 16)
    var heaRng = SplitMix(state: 7)
    let heaFeatures = (0..<128).map { i in
        Feature(name: "f\(i)", cluster: "c\(i % 4)", beta: 0,
                theta: (0..<2).map { _ in (0..<4).map { _ in (0..<16).map { _ in heaRng.angle() } } })
    }
    let heaDictionary = FeatureDictionary(name: "HEABench", features: heaFeatures,
                                          hierarchy: FeatureDictionary.hierarchy(inferredFrom: heaFeatures),
                                          encoding: .heaRung2(hea))
    var heaTimes: [Double] = []
    for _ in 0..<5 {
        heaTimes.append(try seconds {
            _ = try ConceptSet.find(in: try Lowering.machine(for: heaDictionary))!.gram()
        })
    }
    let heaSeconds = median(heaTimes)
    var stacked = [Double](repeating: 0, count: 2 * 128 * 65536)
    for i in stacked.indices { stacked[i] = heaRng.angle() }
    let zherkSeconds = median((0..<5).map { _ in seconds { _ = GramMatrix.of(stacked: stacked, count: 128, dimension: 65536) } })
    // Each fused pass reads and writes the whole state (2^16 × 16 bytes).
    let heaSet = try ConceptSet.find(in: try Lowering.machine(for: heaDictionary))!
    let passes = try BatchGram.passes(heaSet.concepts[0].gates, qubitCount: 16)
    let bytesMoved = Double(128 * passes) * 2 * 16 * 65536
    print(String(format: "HEA gram 16 qubits x 128 features, depth 4  median %8.3f ms (best %.3f ms)",
                 heaSeconds * 1e3, heaTimes.min()! * 1e3))
    print(String(format: "  of which the zherk over the 128 stacked states: %.3f ms", zherkSeconds * 1e3))
    print(String(format: "  %d gates fused into %d passes per state; state traffic %.1f GB/s on %d cores",
                 heaSet.concepts[0].gates.count, passes, bytesMoved / heaSeconds / 1e9,
                 ProcessInfo.processInfo.activeProcessorCount))
    print(String(format: "  memcpy on this machine: %.1f GB/s for 1 MiB buffers (cache), %.1f GB/s for 256 MiB (DRAM), one core",
                 copyBandwidth(bytes: 1 << 20, repeats: 2000), copyBandwidth(bytes: 256 << 20, repeats: 8)))

    if let python {
        let times = try referenceTimes(python, ["200"])
        if let reference = times["gram_8_mps_x200"] {
            print(String(format: "reference polygram 0.15.0 Dictionary.gram() x200  %8.3f ms", reference * 1e3))
            print(String(format: "ratio reference / polygramc: IR path %.0fx, render+parse path %.0fx",
                         reference / median(irPath), reference / median(textPath)))
        } else {
            print("reference run failed")
        }
        if let reference = try referenceTimes(python, ["1", "hea"]).first(where: { $0.key.hasPrefix("hea_gram") })?.value {
            print(String(format: "reference polygram 0.15.0 HEA gram 16q x 128f      %8.3f ms", reference * 1e3))
            print(String(format: "ratio reference / polygramc (HEA): %.1fx", reference / heaSeconds))
        }
    }
    try wholeProcessBenchmarks()
    if let sae = option("--sae") { try saeBenchmarks(sae) }
} catch {
    FileHandle.standardError.write(Data("polygramc-bench: \(error)\n".utf8))
    exit(2)
}


/// Whole-process workloads: `polygramc verify` of one corpus file and of the
/// corpus copied 40×, and `polygramc run` of the animals sweeps, beside the
/// reference when it is available.
func wholeProcessBenchmarks() throws {
    guard FileManager.default.isExecutableFile(atPath: polygramcBinary) else {
        print("(whole-process benchmarks skipped: build the polygramc product in this configuration)")
        return
    }
    let corpus = root.appendingPathComponent("../shared/reference/qorca-corpus").standardized
    let one = corpus.appendingPathComponent("larql-animals-hierarchy.q.orca.md").path
    let oneFile = median(try (0..<21).map { _ in try processSeconds(polygramcBinary, ["verify", one]) })
    print(String(format: "verify one corpus file (whole process)     median %8.3f ms", oneFile * 1e3))

    let batch = FileManager.default.temporaryDirectory.appendingPathComponent("polygramc-bench-corpus-\(getpid())")
    defer { try? FileManager.default.removeItem(at: batch) }
    let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".q.orca.md") }.sorted()
    var copies: [String] = []
    for copy in 0..<40 {
        let directory = batch.appendingPathComponent("copy\(copy)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in files {
            let target = directory.appendingPathComponent(file).path
            try FileManager.default.copyItem(atPath: corpus.appendingPathComponent(file).path, toPath: target)
            copies.append(target)
        }
    }
    let batchSeconds = median(try (0..<3).map { _ in try processSeconds(polygramcBinary, ["verify", batch.path]) })
    print(String(format: "verify corpus x40 (%d files, whole process) median %8.3f ms (%.2f ms per file)",
                 copies.count, batchSeconds * 1e3, batchSeconds * 1e3 / Double(copies.count)))

    let spec = root.appendingPathComponent("golden/animals/animals.yaml").path
    let out = batch.appendingPathComponent("run").path
    let runSeconds = median(try (0..<5).map { _ in try processSeconds(polygramcBinary, ["run", spec, "-o", out]) })
    print(String(format: "run animals spec (compile, 1-D 40 + 2-D 24x24 sweeps, grid 50x50, plots, verify; whole process) median %8.3f ms",
                 runSeconds * 1e3))
    // One workload per spec (the animals spec cut at its list items), so each
    // reference workload has a whole-process polygramc counterpart.
    let text = try String(contentsOfFile: spec, encoding: .utf8)
    guard let experiments = text.range(of: "experiments:\n"), let second = text.range(of: "  - name: AnimalsPhaseGrid"),
          let cancellations = text.range(of: "cancellations:\n") else { throw BenchError("animals.yaml changed shape") }
    let head = String(text[..<experiments.lowerBound])
    let singles = [
        ("1d", head + String(text[experiments.lowerBound..<second.lowerBound])),
        ("2d", head + "experiments:\n" + String(text[second.lowerBound..<cancellations.lowerBound])),
        ("grid", head + String(text[cancellations.lowerBound...])),
    ]
    // Rounds of every workload both ways (rerun into the same folder; a new
    // folder, so every file is created), interleaved so that this VM's
    // minute-to-minute drift falls on all of them alike; medians of 41.
    var reruns: [String: [Double]] = [:], freshRuns: [String: [Double]] = [:]
    for (name, body) in singles {
        try body.write(toFile: batch.appendingPathComponent("animals-\(name).yaml").path, atomically: true, encoding: .utf8)
    }
    for round in 0..<41 {
        for (name, _) in singles {
            let path = batch.appendingPathComponent("animals-\(name).yaml").path
            reruns[name, default: []].append(try processSeconds(polygramcBinary, [
                "run", path, "-o", batch.appendingPathComponent("run-\(name)").path, "--no-provenance"]))
            freshRuns[name, default: []].append(try processSeconds(polygramcBinary, [
                "run", path, "-o", batch.appendingPathComponent("fresh-\(name)-\(round)").path, "--no-provenance"]))
        }
    }
    let wholeProcess = reruns.mapValues(median), freshProcess = freshRuns.mapValues(median)
    func tenth(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 10] }
    print(String(format: "run one workload (whole process, --no-provenance, rerun into the same folder): 1-D %.1f ms, 2-D %.1f ms, grid %.1f ms (10th percentile %.1f, %.1f, %.1f)",
                 wholeProcess["1d"]! * 1e3, wholeProcess["2d"]! * 1e3, wholeProcess["grid"]! * 1e3,
                 tenth(reruns["1d"]!) * 1e3, tenth(reruns["2d"]!) * 1e3, tenth(reruns["grid"]!) * 1e3))
    print(String(format: "run one workload (whole process, --no-provenance, into a new folder): 1-D %.1f ms, 2-D %.1f ms, grid %.1f ms (10th percentile %.1f, %.1f, %.1f)",
                 freshProcess["1d"]! * 1e3, freshProcess["2d"]! * 1e3, freshProcess["grid"]! * 1e3,
                 tenth(freshRuns["1d"]!) * 1e3, tenth(freshRuns["2d"]!) * 1e3, tenth(freshRuns["grid"]!) * 1e3))

    if let qorca, FileManager.default.isExecutableFile(atPath: qorca) {
        let referenceOne = median(try (0..<5).map { _ in try processSeconds(qorca, ["verify", one]) })
        // q-orca verifies one file per process: time a sample of the batch and scale.
        let sample = stride(from: 0, to: copies.count, by: 20).map { copies[$0] }
        let sampleSeconds = try sample.reduce(0.0) { $0 + (try processSeconds(qorca, ["verify", $1])) }
        let referenceBatch = sampleSeconds / Double(sample.count) * Double(copies.count)
        print(String(format: "q-orca 0.9.1 verify one file %8.3f ms -> ratio %.1fx", referenceOne * 1e3, referenceOne / oneFile))
        print(String(format: "q-orca 0.9.1 verify %d files (from %d sampled) %8.0f ms -> ratio %.0fx",
                     copies.count, sample.count, referenceBatch * 1e3, referenceBatch / batchSeconds))
    }
    // In process, the same workloads as the reference's Experiment.run() / Cancellation.run().
    let animals = try SpecReader.read(path: spec)
    let sweep1D = median(try (0..<7).map { _ in try seconds { _ = try ExperimentRunner.run(animals.experiments[0], on: animals.dictionary) } })
    let sweep2D = median(try (0..<7).map { _ in try seconds { _ = try ExperimentRunner.run(animals.experiments[1], on: animals.dictionary) } })
    let grid = median(try (0..<7).map { _ in try seconds { _ = try CancellationRunner.run(animals.cancellations[0], on: animals.dictionary) } })
    print(String(format: "in process: 1-D sweep 40 %.3f ms, 2-D sweep 24x24 %.3f ms, cancellation grid 50x50 %.3f ms",
                 sweep1D * 1e3, sweep2D * 1e3, grid * 1e3))
    let (out1D, out2D, outGrid) = try experimentOutputTimes(animals, repeats: 21)
    print(String(format: "in process with CSV/summary/SVG outputs: 1-D %.3f ms, 2-D %.3f ms, grid %.3f ms",
                 out1D * 1e3, out2D * 1e3, outGrid * 1e3))

    if let python {
        let times = try referenceTimes(python, ["1", "sweeps"])
        let r1 = times["sweep_1d_40"] ?? .nan, r2 = times["sweep_2d_24x24"] ?? .nan, rg = times["cancellation_grid_50x50"] ?? .nan
        print(String(format: "reference (in process): 1-D %.1f ms, 2-D %.1f ms, grid %.1f ms -> ratios %.0fx, %.0fx, %.0fx in process",
                     r1 * 1e3, r2 * 1e3, rg * 1e3, r1 / sweep1D, r2 / sweep2D, rg / grid))
        print(String(format: "reference 1-D + 2-D + grid %.0f ms vs polygramc run (whole process, all three + compile + verify + plots) -> %.0fx",
                     (r1 + r2 + rg) * 1e3, (r1 + r2 + rg) / runSeconds))
        print(String(format: "reference in process vs polygramc run whole process, per workload: 1-D %.0fx, 2-D %.0fx, grid %.0fx",
                     r1 / wholeProcess["1d"]!, r2 / wholeProcess["2d"]!, rg / wholeProcess["grid"]!))
        // Whole process on both sides: `polygram run <target>.py` is the reference's
        // own command for running a workload (Python start-up, imports, the
        // workload, and the files polygram writes for it: CSV, summary, machine).
        let polygram = ((python as NSString).deletingLastPathComponent as NSString).appendingPathComponent("polygram")
        if FileManager.default.isExecutableFile(atPath: polygram) {
            var reference: [String: Double] = [:]
            for (name, target) in [("1d", "sweep_1d"), ("2d", "sweep_2d"), ("grid", "grid")] {
                let script = root.appendingPathComponent("bench/reference_targets/\(target).py").path
                reference[name] = median(try (0..<5).map { i in
                    try processSeconds(polygram, ["run", script, "--output-dir", batch.appendingPathComponent("reference-\(name)-\(i)").path])
                })
            }
            print(String(format: "reference whole process (polygram run <target>.py): 1-D %.0f ms, 2-D %.0f ms, grid %.0f ms",
                         reference["1d"]! * 1e3, reference["2d"]! * 1e3, reference["grid"]! * 1e3))
            for (label, ours) in [("rerun into the same folder", wholeProcess), ("into a new folder", freshProcess)] {
                print("whole process on both sides (\(label)): " + String(format: "1-D %.0fx, 2-D %.0fx (goal 200x), grid %.0fx (goal 500x)",
                      reference["1d"]! / ours["1d"]!, reference["2d"]! / ours["2d"]!, reference["grid"]! / ours["grid"]!))
            }
        }
    }
}

/// Median in-process seconds of the animals 1-D sweep, 2-D sweep and grid
/// cancellation including the texts and plots `polygramc run` writes for them.
func experimentOutputTimes(_ animals: Spec, repeats: Int) throws -> (Double, Double, Double) {
    func sweep(_ experiment: ExperimentSpec) throws -> Double {
        median(try (0..<repeats).map { _ in try seconds {
            let result = try ExperimentRunner.run(experiment, on: animals.dictionary)
            _ = (result.csv, result.summary, try ExperimentPlots.sweep(result))
        } })
    }
    return (try sweep(animals.experiments[0]), try sweep(animals.experiments[1]), try gridOutputTime(animals, repeats: repeats))
}

/// Median in-process seconds of the animals grid cancellation with the texts and plots `run` writes for it.
func gridOutputTime(_ animals: Spec, repeats: Int) throws -> Double {
    median(try (0..<repeats).map { _ in try seconds {
        let result = try CancellationRunner.run(animals.cancellations[0], on: animals.dictionary)
        let labels = animals.dictionary.features.map(\.name)
        _ = (result.resultJSON, result.summary, result.trajectoryCSV)
        _ = ExperimentPlots.gramBeforeAfter(labels: labels, before: GramHeatmap.magnitudes(result.beforeGram),
                                            after: GramHeatmap.magnitudes(result.afterGram), title: "grid")
        let axis = (0..<50).map { result.trajectory[$0][1] }
        _ = ExperimentPlots.cancellationGrid(xKey: result.knobs[0], yKey: result.knobs[1], xValues: axis, yValues: axis,
                                             overlaps: result.trajectory.map { $0[2] }, feasible: result.feasibleMask,
                                             optimum: (result.optimizedValues[0], result.optimizedValues[1]), title: "grid")
    } })
}

/// SAE workloads on a checkpoint (e.g. `scripts/make_synthetic_sae.py` at
/// GPT-2-small size, 24,576 × 768 F32): `sae-import` of 8 ids as a whole
/// process, full-width load, and the cosine pair graph over every decoder row.
func saeBenchmarks(_ path: String) throws {
    let importSeconds = median(try (0..<3).map { _ in
        try processSeconds(polygramcBinary, ["sae-import", path, "--features", "0,1,2,3,4,5,6,7", "--output",
                                             FileManager.default.temporaryDirectory.appendingPathComponent("bench-sel8.json").path])
    })
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    print(String(format: "sae-import 8 ids (whole process) median %8.3f ms, peak RSS of child processes so far %d MB",
                 importSeconds * 1e3, usage.ru_maxrss / 1024))
    var records: [SAEFeatureRecord] = []
    let load = try seconds { records = try SAELoader.load(path: path) }
    print(String(format: "full-width load of %d features: %.3f s", records.count, load))
    let rows = ProjectionRows(records)
    var graph: CosinePairGraph?
    let graphSeconds = seconds { graph = CosinePairGraph(rows: rows, threshold: 0.3) }
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(String(format: "cosine pair graph over %d rows (threshold 0.3): %.3f s, %d pairs; peak RSS %d MB",
                 rows.count, graphSeconds, graph?.pairs.count ?? 0, usage.ru_maxrss / 1024))
}

/// Seconds spent in each named stage, in first-seen order (stages are entered
/// from the Analysis progress callback, possibly from several threads).
final class StageClock: @unchecked Sendable {
    private let lock = NSLock()
    private var order: [String] = []
    private var seconds: [String: Double] = [:]
    private var current: (stage: String, since: UInt64)?

    func enter(_ stage: String) {
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        if let current, current.stage == stage { return }
        if let current { seconds[current.stage, default: 0] += Double(now - current.since) / 1e9 }
        if seconds[stage] == nil { order.append(stage); seconds[stage] = 0 }
        current = (stage, now)
    }

    func summary() -> String {
        enter("")
        return order.filter { !$0.isEmpty }.map { String(format: "%@ %.2f s", $0, seconds[$0] ?? 0) }.joined(separator: ", ")
    }
}
