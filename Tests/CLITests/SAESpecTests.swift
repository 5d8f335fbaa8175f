import XCTest

/// A spec may take its features from an SAE checkpoint (`dictionary: {sae: …}`).
final class SAESpecTests: CLITestCase {
    let fixture = Paths.root.appendingPathComponent("Tests/Fixtures/sae-spec")

    /// Lines equal, except numbers, which must agree to 1e-12.
    func assertSameMachine(_ ours: String, _ reference: String, file: StaticString = #filePath, line: UInt = #line) {
        let a = ours.split(separator: "\n", omittingEmptySubsequences: false)
        let b = reference.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        let number = try! NSRegularExpression(pattern: #"-?\d+\.\d+(e[-+]\d+)?"#)
        for (x, y) in zip(a, b) where x != y {
            let sx = String(x), sy = String(y)
            let nx = number.matches(in: sx, range: NSRange(sx.startIndex..., in: sx)).map { Double(sx[Range($0.range, in: sx)!])! }
            let ny = number.matches(in: sy, range: NSRange(sy.startIndex..., in: sy)).map { Double(sy[Range($0.range, in: sy)!])! }
            XCTAssertEqual(number.stringByReplacingMatches(in: sx, range: NSRange(sx.startIndex..., in: sx), withTemplate: "#"),
                           number.stringByReplacingMatches(in: sy, range: NSRange(sy.startIndex..., in: sy), withTemplate: "#"),
                           file: file, line: line)
            XCTAssertEqual(nx.count, ny.count, file: file, line: line)
            for (u, v) in zip(nx, ny) { XCTAssertEqual(u, v, accuracy: 1e-12, "\(sx)", file: file, line: line) }
        }
    }

    func testCompileFromACheckpointMatchesTheReferenceImport() throws {
        let out = try temporaryDirectory()
        let result = run(["compile", fixture.appendingPathComponent("synth.yaml").path, "-o", out.path, "--no-provenance"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let ours = try String(contentsOf: out.appendingPathComponent("SynthSAE.q.orca.md"), encoding: .utf8)
        let reference = try String(contentsOf: fixture.appendingPathComponent("SynthSAE.reference.q.orca.md"), encoding: .utf8)
        assertSameMachine(ours, reference)

        let verify = run(["verify", "--spec", fixture.appendingPathComponent("synth.yaml").path, out.path])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
    }

    func testSAEDictionaryWithAFeaturesListIsRefused() throws {
        let spec = try temporaryDirectory().appendingPathComponent("bad.yaml")
        try """
        dictionary:
          name: Bad
          sae: {checkpoint: missing.safetensors, features: [0]}
          features: [{name: a, cluster: c, beta: 0}]
        """.write(to: spec, atomically: true, encoding: .utf8)
        let result = run(["compile", spec.path, "-o", try temporaryDirectory().path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("bad.yaml:4:13: error:") && result.stderr.contains("remove `features:`"), result.stderr)
    }

    func testMissingCheckpointIsUnusableInput() throws {
        let spec = try temporaryDirectory().appendingPathComponent("missing.yaml")
        try "dictionary:\n  name: M\n  sae: {checkpoint: nowhere.safetensors, features: [0, 1]}\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let result = run(["compile", spec.path, "-o", try temporaryDirectory().path])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("nowhere.safetensors"), result.stderr)
    }
}
