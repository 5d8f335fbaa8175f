import IR

/// The HEA_Rung2 circuit of one `## theta` row (polygram-core.md §2.3): per
/// layer, each rotation kind on every qubit in order, then the entangler
/// CNOTs — chain (0,1)…(n−2,n−1), ring adds (n−1,0); none for n < 2.
enum HEACircuit {
    static func gates(_ tensor: [[[Double]]], encoding: EncodingTable, qubits n: Int,
                      at location: SourceLocation?) -> [ResolvedGate] {
        var gates: [ResolvedGate] = []
        for layer in 0..<encoding.depth {
            for (r, kind) in encoding.rotations.enumerated() {
                for q in 0..<n {
                    gates.append(ResolvedGate(kind: kind, targets: [q], angle: tensor[r][layer][q], location: location))
                }
            }
            if n >= 2 {
                for q in 0..<(n - 1) {
                    gates.append(ResolvedGate(kind: .CNOT, targets: [q + 1], controls: [q], location: location))
                }
                if encoding.entangler == "ring" {
                    gates.append(ResolvedGate(kind: .CNOT, targets: [0], controls: [n - 1], location: location))
                }
            }
        }
        return gates
    }
}
