import Foundation
import IR
import XCTest
@testable import Analysis

/// `load_sae_safetensors` and `polygram sae-import` against
/// ../shared/reference/pipeline/outputs/{loader,sae-import}: the sae-import
/// JSON byte-for-byte, loader values exactly, loader error texts verbatim.
final class SAEImportReferenceTests: XCTestCase {
    static let pipeline = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference/pipeline").standardized

    static func input(_ name: String) -> String { pipeline.appendingPathComponent("inputs/\(name)").path }
    static func output(_ name: String) -> URL { pipeline.appendingPathComponent("outputs/\(name)") }

    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sae-import-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: outputs/sae-import (exit_codes.txt: full and sel8 went through --output, the rest to stdout)

    struct ImportCase {
        var output: String
        var input: String
        var ids: String?
        var names: String?
        var stdout: Bool
    }

    static let importCases: [ImportCase] = [
        ImportCase(output: "synth_full.json", input: "synth_sae_64x16.safetensors", stdout: false),
        ImportCase(output: "synth_sel8.json", input: "synth_sae_64x16.safetensors", ids: "1,5,20,27,2,8,16,23", stdout: false),
        ImportCase(output: "synth_names_a.json", input: "synth_sae_64x16.safetensors", ids: "1,5,2",
                   names: "names_id_to_name.json", stdout: true),
        ImportCase(output: "synth_pytorch_names_b.json", input: "synth_sae_64x16_pytorch.safetensors", ids: "1,5,2",
                   names: "names_name_to_id.json", stdout: true),
        ImportCase(output: "synth_bf16_sel3.json", input: "synth_sae_64x16_bf16.safetensors", ids: "1,5,2", stdout: true),
    ]

    func testEverySAEImportOutputByteForByte() throws {
        for c in Self.importCases {
            let ids = try c.ids.map(SAEImportWriter.parseFeatureIDs)
            let names = try c.names.flatMap { try SAEImportWriter.loadNames(path: Self.input($0)) }
            let records = try SAELoader.load(path: Self.input(c.input), names: names, featureIDs: ids)
            var text = SAEImportWriter.jsonText(records: records, sourcePath: Self.input(c.input))
            if c.stdout { text += "\n" }
            let expected = try String(contentsOf: Self.output("sae-import/\(c.output)"), encoding: .utf8)
            XCTAssertEqual(text, expected, c.output)
            // And the output loads back through the toy loader with the same records.
            let reloaded = try ToySAE.parse(text, file: c.output)
            XCTAssertEqual(reloaded.map(\.featureID), records.map(\.featureID))
            XCTAssertEqual(reloaded.map(\.projection), records.map(\.projection))
        }
    }

    // MARK: outputs/loader/load_sae_safetensors.json

    func testLoaderValuesForEveryDTypeAndLayout() throws {
        let data = try Data(contentsOf: Self.output("loader/load_sae_safetensors.json"))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        var checked = 0
        for (stem, value) in root where stem != "errors" {
            let entry = try XCTUnwrap(value as? [String: Any])
            let path = Self.input("\(stem).safetensors")
            let eager = try SAELoader.load(path: path)
            XCTAssertEqual(eager.count, entry["n_features"] as? Int, stem)
            XCTAssertEqual(eager.map(\.featureID), Array(0..<eager.count), stem)
            let order = try XCTUnwrap(entry["subset_order"] as? [Int])
            let subset = try SAELoader.load(path: path, featureIDs: order)
            XCTAssertEqual(subset.map(\.featureID), order, stem)
            // Foundation's JSONSerialization does not parse doubles correctly rounded on Linux: re-read the text.
            let row7 = try exactRow7(stem)
            let subsetRow7 = try XCTUnwrap(subset.first { $0.featureID == 7 }).projection
            XCTAssertEqual(eager[7].projection, row7, stem)      // exact: float32 values widened
            XCTAssertEqual(subsetRow7, row7, stem)
            XCTAssertEqual(entry["row7_eager_equals_subset"] as? Bool, true)
            for r in subset { XCTAssertEqual(r.projection, eager[r.featureID].projection, "\(stem) row \(r.featureID)") }
            XCTAssertTrue(eager.allSatisfy { $0.name == "feat_\($0.featureID)" && $0.label == nil && $0.activationMean == nil })
            checked += 1
        }
        XCTAssertEqual(checked, 7)
    }

    func testLoaderErrorTextsVerbatim() throws {
        let data = try Data(contentsOf: Self.output("loader/load_sae_safetensors.json"))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let errors = try XCTUnwrap(root["errors"] as? [String: String])
        let tmp = directory.path

        let nodec = try writeF32(named: "nodec.safetensors", key: "W_enc", shape: [2, 2], values: [1, 2, 3, 4])
        let cube = try writeF32(named: "cube.safetensors", key: "W_dec", shape: [2, 2, 2], values: Array(repeating: 1, count: 8))
        let synth = Self.input("synth_sae_64x16.safetensors")

        func message(_ body: () throws -> Any) -> String? {
            do { _ = try body(); return nil } catch let e as InputError { return "ValueError: " + e.message } catch { return "\(error)" }
        }
        XCTAssertEqual(message { try SAELoader.load(path: nodec) }?.replacingOccurrences(of: tmp, with: "<tmp>"),
                       errors["no_decoder_key"])
        XCTAssertEqual(message { try SAELoader.load(path: nodec, featureIDs: [0]) }, errors["no_decoder_key_subset"])
        XCTAssertEqual(message { try SAELoader.load(path: cube) }, errors["decoder_3d"])
        XCTAssertEqual(message { try SAELoader.load(path: cube, featureIDs: [0]) }, errors["decoder_3d_subset"])
        XCTAssertEqual(message { try SAELoader.load(path: synth, featureIDs: [64]) }, errors["fid_out_of_range"])
        let names = SAEFeatureNames([(id: -1, name: "x")])
        XCTAssertEqual(message { try SAELoader.load(path: synth, names: names) }, errors["names_out_of_range"])
        XCTAssertEqual(message { try SAELoader.load(path: synth, names: names, featureIDs: [1]) }, errors["names_out_of_range"])
        // Every loader error names the file.
        do {
            _ = try SAELoader.load(path: synth, featureIDs: [0, -1])
            XCTFail("accepted -1")
        } catch let e as InputError {
            XCTAssertEqual(e.file, synth)
            XCTAssertEqual(e.message, "load_sae_safetensors: feature_id -1 is outside the valid range [0, 64)")
        }
    }

    // MARK: Key precedence, orientation, subsets (checked against polygram 0.15.0 by running it)

    func testKeyPrecedenceAndTranspose() throws {
        // decoder.weight (3, 2) beats dec (2, 3) and is transposed: rows are its columns.
        let header = #"{"dec":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"#
            + #""decoder.weight":{"dtype":"F32","shape":[3,2],"data_offsets":[24,48]}}"#
        let both = try writeRaw(named: "both.safetensors", header: header,
                                data: f32Bytes([0, 1, 2, 3, 4, 5, 100, 101, 102, 103, 104, 105]))
        XCTAssertEqual(try SAELoader.load(path: both).map(\.projection), [[100, 102, 104], [101, 103, 105]])
        XCTAssertEqual(try SAELoader.load(path: both, featureIDs: [1]).map(\.projection), [[101, 103, 105]])
        // A square decoder.weight is never transposed.
        let square = try writeF32(named: "sq.safetensors", key: "decoder.weight", shape: [2, 2], values: [0, 1, 2, 3])
        XCTAssertEqual(try SAELoader.load(path: square).map(\.projection), [[0, 1], [2, 3]])
        XCTAssertEqual(try SAELoader.load(path: square, featureIDs: [0]).map(\.projection), [[0, 1]])
        // W_dec beats everything; `dec` alone works.
        let dec = try writeF32(named: "dec.safetensors", key: "dec", shape: [2, 3], values: [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(try SAELoader.load(path: dec, featureIDs: [1]).map(\.projection), [[3, 4, 5]])
        // Encoder orientation rule (§1.4): transposed iff 2-D, non-square and rows > cols.
        let enc = try writeF32(named: "enc.safetensors", key: "encoder.weight", shape: [3, 2], values: [1, 2, 3, 4, 5, 6])
        let (shape, values) = try SAELoader.canonicalTensor("W_enc", in: SafetensorsFile(path: enc))
        XCTAssertEqual(shape, [2, 3])
        XCTAssertEqual(values, [1, 3, 5, 2, 4, 6])
        let enc2 = try writeF32(named: "enc2.safetensors", key: "encoder.weight", shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(try SAELoader.canonicalTensor("W_enc", in: SafetensorsFile(path: enc2)).shape, [2, 3])
    }

    func testPytorchLayoutEqualsCanonical() throws {
        let canonical = try SAELoader.load(path: Self.input("synth_sae_64x16.safetensors"))
        let pytorch = try SAELoader.load(path: Self.input("synth_sae_64x16_pytorch.safetensors"))
        let deckey = try SAELoader.load(path: Self.input("synth_sae_64x16_deckey.safetensors"))
        XCTAssertEqual(canonical, pytorch)
        XCTAssertEqual(canonical, deckey)
        let ids = [63, 0, 17, 17, 5]
        let sub = try SAELoader.load(path: Self.input("synth_sae_64x16_pytorch.safetensors"), featureIDs: ids)
        XCTAssertEqual(sub.map(\.featureID), [63, 0, 17, 5])
        XCTAssertEqual(sub.map(\.projection), [63, 0, 17, 5].map { canonical[$0].projection })
    }

    func testSubsetReadsOnlyTheRequestedRows() throws {
        // Row 1 is NaN: the eager path refuses the file, the subset path never decodes that row.
        let path = try writeF32(named: "nanrow.safetensors", key: "W_dec", shape: [3, 2], values: [1, 2, .nan, 4, 5, 6])
        XCTAssertEqual(try SAELoader.load(path: path, featureIDs: [2, 0]).map(\.projection), [[5, 6], [1, 2]])
        XCTAssertThrowsError(try SAELoader.load(path: path)) { error in
            XCTAssertEqual((error as? InputError)?.message, "SAEFeatureRecord 'feat_1': projection contains non-finite values")
        }
        // F64 beyond float32 overflows to inf, as numpy's astype(float32) does, and is refused.
        let header = #"{"W_dec":{"dtype":"F64","shape":[1,1],"data_offsets":[0,8]}}"#
        let big = try writeRaw(named: "big.safetensors", header: header,
                               data: (0..<8).map { UInt8(truncatingIfNeeded: (1e300).bitPattern >> (8 * UInt64($0))) })
        XCTAssertThrowsError(try SAELoader.load(path: big, featureIDs: [0]))
    }

    func testZeroSizedDecoders() throws {
        let rows = try writeRaw(named: "r0.safetensors", header: #"{"W_dec":{"dtype":"F32","shape":[0,3],"data_offsets":[0,0]}}"#)
        XCTAssertEqual(try SAELoader.load(path: rows), [])
        XCTAssertEqual(SAEImportWriter.jsonText(records: [], sourcePath: rows),
                       "{\n  \"schema_version\": 1,\n  \"description\": \"Polygram sae-import \\u2014 r0.safetensors, 0 features\",\n  \"features\": []\n}")
        XCTAssertThrowsError(try SAELoader.load(path: rows, featureIDs: [0]))
        let cols = try writeRaw(named: "c0.safetensors", header: #"{"W_dec":{"dtype":"F32","shape":[2,0],"data_offsets":[0,0]}}"#)
        let records = try SAELoader.load(path: cols)
        XCTAssertEqual(records.map(\.projection), [[], []])
        XCTAssertTrue(SAEImportWriter.jsonText(records: records, sourcePath: cols).contains("\"projection\": []"))
    }

    // MARK: --features / --names

    func testFeatureIDParsingFollowsPythonInt() throws {
        XCTAssertEqual(try SAEImportWriter.parseFeatureIDs(" 3 , 4,"), [3, 4])
        XCTAssertEqual(try SAEImportWriter.parseFeatureIDs("+3,1_0,-1,5,5"), [3, 10, -1, 5, 5])
        for bad in ["1,x", "1.0", "1__0", "_1", "0x4"] {
            XCTAssertThrowsError(try SAEImportWriter.parseFeatureIDs(bad)) { error in
                XCTAssertTrue((error as? InputError)?.message.hasPrefix("--features expects comma-separated ints, got '") ?? false)
            }
        }
        for empty in ["", " , ", ","] {
            XCTAssertThrowsError(try SAEImportWriter.parseFeatureIDs(empty)) { error in
                XCTAssertEqual((error as? InputError)?.message, "--features must list at least one id")
            }
        }
    }

    func testNamesShapes() throws {
        func names(_ text: String) throws -> [(Int, String)]? {
            try SAEImportWriter.parseNames(text, file: "n.json")?.entries.map { ($0.id, $0.name) }
        }
        XCTAssertNil(try names("{}"))
        XCTAssertEqual(try names(#"{"1":"a"," 2 ":"b","\#u{0663}":"c"}"#)?.map(\.0), [1, 2, 3])
        XCTAssertEqual(try names(#"{"alpha":1,"beta":2,"gamma":1}"#)?.map { "\($0.0)=\($0.1)" }, ["1=gamma", "2=beta"])
        XCTAssertEqual(try names(#"{"1":""}"#)?.map(\.1), [""])
        func refused(_ text: String, _ fragment: String, line: UInt = #line) {
            XCTAssertThrowsError(try names(text), line: line) { error in
                let message = (error as? InputError)?.message ?? "\(error)"
                XCTAssertTrue(message.contains(fragment), message, line: line)
            }
        }
        refused(#"{"1":"a","2":3}"#, "mixes value types {int, str}")
        refused(#"{"a":1,"b":true}"#, "mixes value types {bool, int}")
        refused(#"{"1":[1]}"#, "value type list not supported")
        refused(#"{"a":1.0}"#, "value type float not supported")
        refused(#"{"a":true}"#, "value type bool not supported")
        refused(#"{"x":"a"}"#, "keys must parse as ints under the {id: name} shape: invalid literal for int() with base 10: 'x'")
        refused(#"{"1.0":"a"}"#, "invalid literal for int() with base 10: '1.0'")
        refused("[1,2]", "must contain a JSON object, got list")
        refused("nope", "failed to parse --names n.json")
        XCTAssertThrowsError(try SAEImportWriter.loadNames(path: directory.appendingPathComponent("none.json").path)) { error in
            XCTAssertTrue((error as? InputError)?.message.hasPrefix("--names file not found: ") ?? false)
        }
        // Names apply by id; out-of-range keys are refused even when not selected (polygram 0.15.0).
        let synth = Self.input("synth_sae_64x16.safetensors")
        let picked = try SAELoader.load(path: synth, names: SAEImportWriter.parseNames(#"{"a":1,"b":1}"#, file: "n"),
                                        featureIDs: [1, 2])
        XCTAssertEqual(picked.map(\.name), ["b", "feat_2"])
        XCTAssertThrowsError(try SAELoader.load(path: synth, names: SAEImportWriter.parseNames(#"{"a":70}"#, file: "n"),
                                                featureIDs: [1])) { error in
            XCTAssertEqual((error as? InputError)?.message, "load_sae_safetensors: names key 70 is outside the valid range [0, 64)")
        }
    }

    func testJSONTextEscapesAndOptionalKeys() {
        let record = SAEFeatureRecord(featureID: 3, name: "caf\u{E9} \"q\"\n\u{1F600}", projection: [1e-05, 0.1, 1e16, -0.0, 2],
                                      label: "a/b", activationMean: .nan, activationStd: 0.5)
        let text = SAEImportWriter.jsonText(records: [record], sourcePath: "/x/é.safetensors")
        XCTAssertEqual(text, """
            {
              "schema_version": 1,
              "description": "Polygram sae-import \\u2014 \\u00e9.safetensors, 1 features",
              "features": [
                {
                  "feature_id": 3,
                  "name": "caf\\u00e9 \\"q\\"\\n\\ud83d\\ude00",
                  "projection": [
                    1e-05,
                    0.1,
                    1e+16,
                    -0.0,
                    2.0
                  ],
                  "label": "a/b",
                  "activation_mean": NaN,
                  "activation_std": 0.5
                }
              ]
            }
            """)
    }

    // MARK: helpers

    func exactRow7(_ stem: String) throws -> [Double] {
        let text = try String(contentsOf: Self.output("loader/load_sae_safetensors.json"), encoding: .utf8)
        let root = try JSONText.parse(text, file: "load_sae_safetensors.json")
        guard case .array(let items)? = root[stem]?["row7"]?.value else { throw InputError("no row7 for \(stem)") }
        return items.compactMap { item -> Double? in
            if case .number(let t) = item.value { return Double(t) }
            return nil
        }
    }

    func f32Bytes(_ values: [Float]) -> [UInt8] {
        values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v.bitPattern >> (8 * UInt32($0))) } }
    }

    func writeRaw(named name: String, header: String, data: [UInt8] = []) throws -> String {
        let h = Array(header.utf8)
        let length = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(h.count) >> (8 * UInt64($0))) }
        let url = directory.appendingPathComponent(name)
        try Data(length + h + data).write(to: url)
        return url.path
    }

    func writeF32(named name: String, key: String, shape: [Int], values: [Float]) throws -> String {
        try writeRaw(named: name, header: "{\"\(key)\":{\"dtype\":\"F32\",\"shape\":\(shape),\"data_offsets\":[0,\(values.count * 4)]}}",
                     data: f32Bytes(values))
    }
}
