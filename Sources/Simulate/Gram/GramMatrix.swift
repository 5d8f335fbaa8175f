/// A complex Gram matrix G[i][j] = ⟨c_i|c_j⟩ (conjugate on the left), stored
/// row-major as interleaved (re, im) doubles.
public struct GramMatrix: Hashable, Sendable {
    public let size: Int
    public internal(set) var entries: [Double]

    public init(size: Int, entries: [Double]) {
        precondition(entries.count == 2 * size * size)
        self.size = size
        self.entries = entries
    }

    public func real(_ i: Int, _ j: Int) -> Double { entries[2 * (i * size + j)] }
    public func imaginary(_ i: Int, _ j: Int) -> Double { entries[2 * (i * size + j) + 1] }

    /// |G[i][j]|², polygram's "overlap".
    public func overlap(_ i: Int, _ j: Int) -> Double {
        let re = real(i, j), im = imaginary(i, j)
        return re * re + im * im
    }

    /// Numerical rank: eigenvalues above `relativeTolerance` × the largest
    /// (G is Hermitian positive semidefinite).
    public func numericalRank(relativeTolerance: Double = 1e-10) throws -> Int {
        let eigenvalues = try OpenBLAS.hermitianEigenvalues(entries, size: size)
        guard let largest = eigenvalues.last, largest > 0 else { return 0 }
        return eigenvalues.filter { $0 > relativeTolerance * largest }.count
    }

    /// Builds G from states with one BLAS call (zherk over the stacked states).
    public static func of(_ states: [StateVector]) -> GramMatrix {
        guard let first = states.first else { return GramMatrix(size: 0, entries: []) }
        precondition(states.allSatisfy { $0.qubitCount == first.qubitCount })
        var stacked: [Double] = []
        stacked.reserveCapacity(states.count * first.amplitudes.count)
        for state in states { stacked.append(contentsOf: state.amplitudes) }
        return of(stacked: stacked, count: states.count, dimension: first.dimension)
    }

    /// G for `count` states of `dimension` amplitudes stored back to back.
    public static func of(stacked: [Double], count: Int, dimension: Int) -> GramMatrix {
        // zherk gives C = S·Sᴴ, i.e. C[i][j] = ⟨c_j|c_i⟩ = conj(G[i][j]).
        var c = OpenBLAS.hermitianProduct(stacked, rows: count, columns: dimension)
        for k in stride(from: 1, to: c.count, by: 2) { c[k] = -c[k] }
        return GramMatrix(size: count, entries: c)
    }
}
