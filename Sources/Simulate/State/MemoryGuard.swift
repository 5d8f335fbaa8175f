import Foundation
import IR

/// Refuses, before allocating, simulations whose state vectors would not fit.
public enum MemoryGuard {
    /// Bytes the simulator may use: `POLYGRAMC_MEMORY_LIMIT` (bytes) when set,
    /// else 3/4 of physical memory.
    public static let limitBytes: Double = {
        // getenv, not ProcessInfo.environment, which copies the whole environment.
        if let text = getenv("POLYGRAMC_MEMORY_LIMIT").map({ String(cString: $0) }),
           let value = Double(text), value > 0 {
            return value
        }
        return MachineResources.physicalMemory * 0.75
    }()

    /// Bytes for `states` complex128 vectors of `qubitCount` qubits.
    public static func bytes(qubitCount: Int, states: Int) -> Double {
        Double(states) * 16 * pow(2, Double(qubitCount))
    }

    public static func check(qubitCount: Int, states: Int) throws {
        let needed = bytes(qubitCount: qubitCount, states: max(states, 1))
        let limit = limitBytes
        if qubitCount >= 40 || needed > limit {
            throw SimulationError.tooLarge(qubitCount: qubitCount, states: states, bytes: needed, limit: limit)
        }
    }
}
