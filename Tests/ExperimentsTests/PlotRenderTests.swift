import XCTest
import Frontend
@testable import Experiments
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SVG plots of the animals_mps_rung1 reference case: byte-identical on
/// re-rendering, well-formed XML, the expected labels, and rasterizable by
/// rsvg-convert into a non-blank PNG (samples land in /tmp/polygramc-plots).
final class PlotRenderTests: XCTestCase {
    static let specPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference/cases/animals_mps_rung1/spec.yaml").standardized.path
    static let sampleDirectory = URL(fileURLWithPath: "/tmp/polygramc-plots")

    func results() throws -> (Spec, ExperimentResult, ExperimentResult) {
        let spec = try SpecReader.read(path: Self.specPath)
        let oneD = try XCTUnwrap(spec.experiments.first { $0.sweep.count == 1 })
        let twoD = try XCTUnwrap(spec.experiments.first { $0.sweep.count == 2 })
        return (spec, try ExperimentRunner.run(oneD, on: spec.dictionary), try ExperimentRunner.run(twoD, on: spec.dictionary))
    }

    /// A cancellation-style grid from the 2-D sweep: infeasible where the tier
    /// ordering breaks or the sibling tier is within 0.25 of the target overlap
    /// (a made-up margin that masks a band of the grid); the optimum is the
    /// feasible minimum.
    func cancellationSVG(_ result: ExperimentResult) -> String {
        let ordering = result.assertions.first { $0.0 == .hierarchicalOrderingPreserved }?.1
            ?? Array(repeating: true, count: result.overlaps.count)
        let feasible = result.overlaps.indices.map { ordering[$0] && result.tierSibling[$0] - result.overlaps[$0] >= 0.25 }
        let (x, y) = (result.experiment.sweep[0], result.experiment.sweep[1])
        let best = result.overlaps.indices.filter { feasible[$0] }.min { result.overlaps[$0] < result.overlaps[$1] }
        let optimum = best.map { (x: x.values[$0 / y.values.count], y: y.values[$0 % y.values.count]) }
        return ExperimentPlots.cancellationGrid(xKey: x.key, yKey: y.key, xValues: x.values, yValues: y.values,
                                                overlaps: result.overlaps, feasible: feasible, optimum: optimum,
                                                title: "AnimalsInterference — cancellation grid")
    }

    func gramSVG(_ spec: Spec, _ result: ExperimentResult) throws -> String {
        let before = GramHeatmap.magnitudes(try ExperimentRunner.gram(spec.dictionary))
        let after = GramHeatmap.magnitudes(try ExperimentRunner.gram(try ExperimentRunner.midpoint(result.experiment, on: spec.dictionary)))
        return ExperimentPlots.gramBeforeAfter(labels: spec.dictionary.features.map(\.name), before: before, after: after,
                                               title: "AnimalsInterference — concept Gram")
    }

    func testSweep1D() throws {
        let (_, result, _) = try results()
        let svg = ExperimentPlots.sweep1D(result)
        XCTAssertEqual(svg, ExperimentPlots.sweep1D(result), "same input, same bytes")
        let texts = try textsOf(svg)
        for label in ["AnimalsInterference — target overlap", "bird_hawk.phi", "|<dog_poodle|bird_hawk>|²",
                      "(dog_poodle, bird_hawk)", "sibling tier (mean)", "cross-cluster tier (mean)",
                      "0", "π/4", "π/2", "3π/4", "π", "0.00", "1.00"] {
            XCTAssertTrue(texts.contains(label), "missing text '\(label)' in \(texts)")
        }
        XCTAssertTrue(svg.contains("stroke-dasharray=\"7,4\""), "dashed sibling tier")
        XCTAssertTrue(svg.contains("stroke-dasharray=\"2,3\""), "dotted cross-cluster tier")
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, result.overlaps.count + 1, "markers + legend marker")
    }

    func testSweep2D() throws {
        let (_, _, result) = try results()
        let svg = ExperimentPlots.sweep2D(result)
        XCTAssertEqual(svg, ExperimentPlots.sweep2D(result))
        let texts = try textsOf(svg)
        for label in ["AnimalsInterference — target overlap", "dog_poodle.phi", "bird_hawk.phi",
                      "|<dog_poodle|bird_hawk>|²", "0", "π", "3π/2", "2π"] {
            XCTAssertTrue(texts.contains(label), "missing text '\(label)' in \(texts)")
        }
        XCTAssertTrue(svg.contains("url(#pg-viridis)"), "colour bar")
        let cells = try BlockImageTests.decodeWithPython(try BlockImageTests.embeddedPNG(svg))
        XCTAssertEqual(cells.width % 24, 0, "one block per point")
        XCTAssertEqual(cells.height, cells.width, "24 × 24 blocks")
        XCTAssertThrowsError(try ExperimentPlots.sweep(ExperimentResult(
            experiment: ExperimentSpec(name: "none", targetPair: ["a", "b"]), dictionaryName: "d", featureCount: 2,
            clusterCount: 1, overlaps: [1], tierSelf: [1], tierSibling: [1], tierCrossCluster: [1],
            tierSeparation: nil, assertions: [])))
    }

    func testCancellationGrid() throws {
        let (_, _, result) = try results()
        let svg = cancellationSVG(result)
        XCTAssertEqual(svg, cancellationSVG(result))
        let texts = try textsOf(svg)
        XCTAssertTrue(texts.contains("AnimalsInterference — cancellation grid"))
        XCTAssertTrue(texts.contains("|<A|B>|²"))
        XCTAssertTrue(texts.contains("infeasible"))
        XCTAssertTrue(texts.contains { $0.hasPrefix("optimum (") }, "\(texts)")
        XCTAssertTrue(svg.contains("url(#pg-hatch)"))
        XCTAssertTrue(svg.contains("<polygon"), "optimum star")
    }

    func testGramBeforeAfter() throws {
        let (spec, result, _) = try results()
        let svg = try gramSVG(spec, result)
        XCTAssertEqual(svg, try gramSVG(spec, result))
        let texts = try textsOf(svg)
        for label in ["AnimalsInterference — concept Gram", "before", "after", "dog_poodle", "bird_sparrow", "1.00", "|G|²"] {
            XCTAssertTrue(texts.contains(label), "missing text '\(label)'")
        }
        // 4×4 cells per panel, each annotated, plus the colour bar's ticks.
        XCTAssertGreaterThanOrEqual(texts.filter { $0.range(of: #"^\d\.\d\d$"#, options: .regularExpression) != nil }.count, 32)
        let single = try GramHeatmap(labels: ["a", "b"], matrix: [[1, 0.25], [0.25, 1]], title: "two").svg()
        XCTAssertTrue(try textsOf(single).contains("0.25"))
        let big = (0..<13).map { "c\($0)" }
        let unannotated = try GramHeatmap(labels: big, matrix: big.map { _ in big.map { _ in 0.5 } }, title: "13").svg()
        XCTAssertFalse(try textsOf(unannotated).contains("0.50"), "no cell text above 12 concepts")
    }

    /// One PNG per plot kind, each well above the size of a blank canvas, all different.
    func testRenderToPNG() throws {
        let rsvg = try XCTUnwrap(Self.executable("rsvg-convert"),
                                 "rsvg-convert not found: install librsvg2-bin (scripts/setup.sh does)")
        let (spec, oneD, twoD) = try results()
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("polygramc-plot-tests-\(getpid())")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        try fm.createDirectory(at: Self.sampleDirectory, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }

        let blank = ##"<svg xmlns="http://www.w3.org/2000/svg" width="840" height="480"><rect width="840" height="480" fill="#ffffff"/></svg>"##
        let plots = [("sweep1d", ExperimentPlots.sweep1D(oneD)), ("sweep2d", ExperimentPlots.sweep2D(twoD)),
                     ("cancellation", cancellationSVG(twoD)), ("gram", try gramSVG(spec, oneD)), ("blank", blank)]
        var pngs: [String: Data] = [:]
        for (name, svg) in plots {
            let svgURL = scratch.appendingPathComponent("\(name).svg"), pngURL = scratch.appendingPathComponent("\(name).png")
            try svg.write(to: svgURL, atomically: true, encoding: .utf8)
            let status = try Self.run(rsvg, ["-w", "400", svgURL.path, "-o", pngURL.path])
            XCTAssertEqual(status, 0, "rsvg-convert \(name)")
            let png = try Data(contentsOf: pngURL)
            XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(name) is a PNG")
            pngs[name] = png
            if name != "blank" {
                let sample = Self.sampleDirectory.appendingPathComponent("\(name).png")
                XCTAssertEqual(try Self.run(rsvg, [svgURL.path, "-o", sample.path]), 0)
                try svg.write(to: Self.sampleDirectory.appendingPathComponent("\(name).svg"), atomically: true, encoding: .utf8)
            }
        }
        let blankSize = try XCTUnwrap(pngs["blank"]).count
        for (name, png) in pngs where name != "blank" {
            XCTAssertGreaterThan(png.count, 8_000, "\(name) PNG is suspiciously small")
            XCTAssertGreaterThan(png.count, 4 * blankSize, "\(name) PNG is hardly bigger than a blank canvas")
        }
        XCTAssertEqual(Set(pngs.values).count, pngs.count, "every plot rasterizes differently")
    }

    // MARK: helpers

    /// Every text node of a well-formed document (fails on malformed XML).
    func textsOf(_ svg: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = TextCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "malformed SVG: \(String(describing: parser.parserError))", file: file, line: line)
        XCTAssertEqual(collector.root, "svg", file: file, line: line)
        return collector.texts
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

private final class TextCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var root: String?
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if root == nil { root = elementName }
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let text = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { texts.append(text) }
        current = ""
    }
}
