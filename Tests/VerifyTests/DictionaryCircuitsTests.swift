import XCTest
import Frontend
import IR
@testable import Verify

/// The direct route (dictionary → circuits) must give the machine route's Gram.
final class DictionaryCircuitsTests: XCTestCase {
    func testDirectCircuitsGiveTheMachineGramForEveryCase() throws {
        let extra = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/extra-cases")
        var specs: [URL] = []
        for root in [Fixtures.referenceCases, extra] {
            for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() where !name.hasSuffix(".json") {
                specs.append(root.appendingPathComponent("\(name)/spec.yaml"))
            }
        }
        XCTAssertGreaterThan(specs.count, 60)
        for url in specs {
            let dictionary = try SpecReader.read(path: url.path).dictionary
            let direct = try DictionaryCircuits.gram(dictionary)
            let machine = try XCTUnwrap(try Verifier.verify(try Lowering.machine(for: dictionary)).gram)
            XCTAssertEqual(direct.size, machine.size, url.path)
            for i in 0..<direct.size { for j in 0..<direct.size {
                XCTAssertEqual(direct.real(i, j), machine.real(i, j), accuracy: 1e-14, url.path)
                XCTAssertEqual(direct.imaginary(i, j), machine.imaginary(i, j), accuracy: 1e-14, url.path)
            } }
        }
    }
}
