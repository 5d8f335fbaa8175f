import IR

/// How far a gate's matrix is from unitary: max |(U†U − I)_{ij}|, with U
/// obtained by running the gate's own kernel on every basis state of the
/// qubits it touches. Catches non-finite angles, which make NaN matrices.
public enum GateUnitarity {
    public static func deviation(_ gate: ResolvedGate) -> Double {
        let qubits = gate.qubits
        let k = qubits.count
        guard k > 0, k <= 8 else { return 0 }
        var local = gate
        let position = Dictionary(uniqueKeysWithValues: qubits.enumerated().map { ($1, $0) })
        local.controls = gate.controls.map { position[$0]! }
        local.targets = gate.targets.map { position[$0]! }
        let dim = 1 << k
        var columns: [[Double]] = []
        for basis in 0..<dim {
            var amplitudes = [Double](repeating: 0, count: 2 * dim)
            amplitudes[2 * basis] = 1
            do { try GateKernels.apply(local, to: &amplitudes, qubitCount: k) } catch { return .infinity }
            columns.append(amplitudes)
        }
        var worst = 0.0
        for i in 0..<dim {
            for j in 0..<dim {
                var re = 0.0, im = 0.0
                for r in 0..<dim {
                    let (ar, ai) = (columns[i][2 * r], columns[i][2 * r + 1])
                    let (br, bi) = (columns[j][2 * r], columns[j][2 * r + 1])
                    re += ar * br + ai * bi
                    im += ar * bi - ai * br
                }
                let deviation = ((re - (i == j ? 1 : 0)) * (re - (i == j ? 1 : 0)) + im * im).squareRoot()
                if deviation.isNaN { return .nan }
                worst = max(worst, deviation)
            }
        }
        return worst
    }
}
