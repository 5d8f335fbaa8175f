/// Schmidt decomposition of a pure state across a cut after the first
/// `cut` qubits (qubits 0..<cut versus the rest), through LAPACK's SVD.
public enum Schmidt {
    /// Schmidt coefficients (singular values of the 2^cut × 2^(n−cut) reshape).
    public static func coefficients(_ state: StateVector, cut: Int) throws -> [Double] {
        precondition(cut > 0 && cut < state.qubitCount, "Schmidt cut must split the register")
        let rows = 1 << cut, columns = 1 << (state.qubitCount - cut)
        return try OpenBLAS.singularValues(state.amplitudes, rows: rows, columns: columns)
    }

    /// Number of Schmidt coefficients above `tolerance` (polygram uses 1e-9).
    public static func rank(_ state: StateVector, cut: Int, tolerance: Double = 1e-9) throws -> Int {
        try coefficients(state, cut: cut).filter { $0 > tolerance }.count
    }

    /// Schmidt rank at every cut 1..<n, in cut order.
    public static func ranks(_ state: StateVector, tolerance: Double = 1e-9) throws -> [Int] {
        guard state.qubitCount > 1 else { return [] }
        return try (1..<state.qubitCount).map { try rank(state, cut: $0, tolerance: tolerance) }
    }
}
