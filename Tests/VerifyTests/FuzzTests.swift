import Foundation
import Frontend
import IR
import Verify
import XCTest

/// Robustness: truncated and byte-mutated reference machines must make the
/// reader throw `InputError` or yield machines the verifier handles (it may
/// throw `InputError` too). Anything else is a failure; a trap kills the test
/// process, so the cases are deterministic (seeded) and their number moderate.
final class FuzzTests: XCTestCase {
    static let reference = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference").standardizedFileURL

    /// Every corpus machine and every reference case's expected machine.
    static func machineFiles() throws -> [URL] {
        let manager = FileManager.default
        let corpus = reference.appendingPathComponent("qorca-corpus")
        var files = try manager.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasSuffix(".q.orca.md") }.sorted().map { corpus.appendingPathComponent($0) }
        let cases = reference.appendingPathComponent("cases")
        for name in try manager.contentsOfDirectory(atPath: cases.path).sorted() {
            let expected = cases.appendingPathComponent(name).appendingPathComponent("expected")
            let machines = ((try? manager.contentsOfDirectory(atPath: expected.path)) ?? []).filter { $0.hasSuffix(".q.orca.md") }
            files += machines.sorted().map { expected.appendingPathComponent($0) }
        }
        return files
    }

    func testEveryFileIsFound() throws {
        let files = try Self.machineFiles()
        XCTAssertGreaterThanOrEqual(files.count, 20, "\(files.map(\.lastPathComponent))")
    }

    func testTruncationsNeverTrap() throws {
        var stats = Stats()
        for url in try Self.machineFiles() {
            let bytes = [UInt8](try Data(contentsOf: url))
            let offsets = Set((0...50).map { bytes.count * $0 / 50 })
            for offset in offsets.sorted() {
                try exercise(Array(bytes[..<offset]), name: "\(url.lastPathComponent)[..<\(offset)]", stats: &stats)
            }
        }
        print("FuzzTests truncations: \(stats)")
        XCTAssertGreaterThan(stats.accepted, 0, "no truncation was readable: \(stats)")
        XCTAssertGreaterThan(stats.rejected, 0, "every truncation was readable: \(stats)")
    }

    func testMutationsNeverTrap() throws {
        var stats = Stats()
        for (fileIndex, url) in try Self.machineFiles().enumerated() {
            let original = [UInt8](try Data(contentsOf: url))
            var random = SplitMix64(seed: 0x5EED_0000 + UInt64(fileIndex))
            for round in 0..<Self.mutationRounds {
                var bytes = original
                for _ in 0..<(1 + Int(random.next() % 4)) { Self.mutate(&bytes, &random) }
                try exercise(bytes, name: "\(url.lastPathComponent) mutation \(round)", stats: &stats)
            }
        }
        print("FuzzTests mutations: \(stats)")
        XCTAssertGreaterThan(stats.accepted, 0, "no mutation was readable: \(stats)")
        XCTAssertGreaterThan(stats.rejected, 0, "every mutation was readable: \(stats)")
    }

    /// 200 per file; `POLYGRAMC_FUZZ_ROUNDS` raises it for a longer hunt.
    static let mutationRounds = ProcessInfo.processInfo.environment["POLYGRAMC_FUZZ_ROUNDS"].flatMap { Int($0) } ?? 200

    /// `POLYGRAMC_FUZZ_TRACE=1` names each case before running it, to find the one that traps.
    static let trace = ProcessInfo.processInfo.environment["POLYGRAMC_FUZZ_TRACE"] != nil

    /// Bytes that matter to the grammar, so mutations reach deep.
    static let interesting = Array("|#-`*[](){}<>=:,.;\n \t0123456789qπ'\"\\_^~+/".utf8) + [0x00, 0xC3, 0xFF, 0x7F]

    static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        guard !bytes.isEmpty else {
            bytes.append(interesting[Int(random.next() % UInt64(interesting.count))])
            return
        }
        let at = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 5 {
        case 0: bytes[at] ^= UInt8(1 << (random.next() % 8))
        case 1: bytes.insert(interesting[Int(random.next() % UInt64(interesting.count))], at: at)
        case 2: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
        case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 8)))
        default:
            // Duplicate a short run (repeats rows, cells, digits).
            let end = min(bytes.count, at + 1 + Int(random.next() % 16))
            bytes.insert(contentsOf: bytes[at..<end], at: end)
        }
    }

    struct Stats: CustomStringConvertible {
        var accepted = 0, rejected = 0, verified = 0, verifyRejected = 0, tooWide = 0
        var description: String {
            "accepted \(accepted), rejected \(rejected), verified \(verified), verifier InputError \(verifyRejected), "
                + "skipped as too wide \(tooWide)"
        }
    }

    /// Reads (text decoded with replacement characters) and verifies.
    func exercise(_ bytes: [UInt8], name: String, stats: inout Stats) throws {
        if Self.trace { print("fuzz case: \(name)") }
        let text = String(decoding: bytes, as: UTF8.self)
        let machines: [Machine]
        do {
            machines = try QOrcaReader.read(text: text, file: "fuzz.q.orca.md")
        } catch is InputError {
            stats.rejected += 1
            return
        } catch {
            XCTFail("\(name): reader threw a non-InputError: \(error)")
            return
        }
        stats.accepted += 1
        for machine in machines {
            // A mutated register size (q2 → q28) would make the simulator
            // legitimately allocate gigabytes; keep the fuzz run small.
            guard Self.declaredQubitBound(machine) <= 16 else {
                stats.tooWide += 1
                continue
            }
            do {
                let report = try Verifier.verify(machine)
                XCTAssertEqual(report.name, machine.name, name)
                stats.verified += 1
            } catch is InputError {
                stats.verifyRejected += 1
            } catch {
                XCTFail("\(name): verifier threw a non-InputError: \(error)")
            }
        }
    }

    /// The largest `q<N>` index + 1 in the machine's context defaults, or
    /// the number of context fields (an upper bound on the register).
    static func declaredQubitBound(_ machine: Machine) -> Int {
        var bound = machine.context.count
        for field in machine.context {
            let text = (field.defaultValue ?? "") + " " + field.type
            var digits = ""
            for c in text + " " {
                if c.isASCII && c.isNumber { digits.append(c); continue }
                if let n = Int(digits.prefix(9)) { bound = max(bound, digits.count > 9 ? Int.max : n + 1) }
                digits = ""
            }
        }
        return bound
    }
}

/// Deterministic generator (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
