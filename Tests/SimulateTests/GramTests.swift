import XCTest
import IR
@testable import Simulate

final class GramTests: XCTestCase {
    func mpsState(_ a: Double, _ b: Double, _ c: Double, _ phi: Double) throws -> StateVector {
        try MPSStaircase.state(a, b, c, phi)
    }

    /// G[i][j] = Σ_k conj(ψ_i[k]) ψ_j[k], computed directly.
    func directInnerProduct(_ x: StateVector, _ y: StateVector) -> (Double, Double) {
        var re = 0.0, im = 0.0
        for k in 0..<x.dimension {
            let (xr, xi) = x[k], (yr, yi) = y[k]
            re += xr * yr + xi * yi
            im += xr * yi - xi * yr
        }
        return (re, im)
    }

    func testGramEqualsDirectInnerProductsIncludingPhases() throws {
        var rng = StateVectorTests.SplitMix(state: 7)
        let states = try (0..<9).map { _ in
            try mpsState(8 * rng.next() - 4, 8 * rng.next() - 4, 8 * rng.next() - 4, 8 * rng.next() - 4)
        }
        let gram = GramMatrix.of(states)
        for i in 0..<9 { for j in 0..<9 {
            let (re, im) = directInnerProduct(states[i], states[j])
            XCTAssertEqual(gram.real(i, j), re, accuracy: 1e-14)
            XCTAssertEqual(gram.imaginary(i, j), im, accuracy: 1e-14)
        } }
    }

    /// polygram-core.md §2.1: |⟨A|B⟩|² = M + V cos δ for the animals pair.
    func testAnimalsCrossClusterOverlapMatchesTheClosedForm() throws {
        let dog = try mpsState(0, -0.5, 0, 0), bird = try mpsState(0, 0.5, 0, 0)
        let gram = GramMatrix.of([dog, bird])
        XCTAssertEqual(gram.overlap(0, 1), 0.5931327983656769, accuracy: 1e-15)
        let shifted = GramMatrix.of([dog, try mpsState(0, 0.5, 0, .pi)])
        XCTAssertEqual(shifted.overlap(0, 1), 0.6816419756498733 - 0.08850917728419633 * cos(Double.pi), accuracy: 1e-15)
    }

    func testSchmidtRanks() throws {
        var bell = StateVector(qubitCount: 2)
        try bell.apply([ResolvedGate(kind: .H, targets: [0]), ResolvedGate(kind: .CNOT, targets: [1], controls: [0])])
        XCTAssertEqual(try Schmidt.rank(bell, cut: 1), 2)
        let coefficients = try Schmidt.coefficients(bell, cut: 1)
        XCTAssertEqual(coefficients[0], 1 / 2.0.squareRoot(), accuracy: 1e-15)

        var product = StateVector(qubitCount: 3)
        try product.apply([ResolvedGate(kind: .Ry, targets: [0], angle: 0.4), ResolvedGate(kind: .Ry, targets: [2], angle: 1.1)])
        XCTAssertEqual(try Schmidt.ranks(product), [1, 1])

        XCTAssertEqual(try Schmidt.ranks(try mpsState(0.3, -0.5, 0.2, 0.7)), [2, 2])

        var ghz4 = StateVector(qubitCount: 4)
        try ghz4.apply([ResolvedGate(kind: .H, targets: [0])] + (0..<3).map { ResolvedGate(kind: .CNOT, targets: [$0 + 1], controls: [$0]) })
        XCTAssertEqual(try Schmidt.ranks(ghz4), [2, 2, 2])
    }
}
