import CSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cores and memory of this machine, from the kernel directly: Foundation's
/// ProcessInfo gives the same numbers but its first use costs more than a
/// small workload (it builds its whole environment and host tables).
public enum MachineResources {
    /// Cores this process may use: its CPU affinity, capped by a cgroup CPU
    /// quota (v2 `cpu.max`, v1 `cpu.cfs_quota_us`) as containers set it.
    public static let processors: Int = max(1, min(affinityCount(), quotaCores() ?? Int.max))

    /// Physical memory in bytes.
    public static var physicalMemory: Double {
        Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static func affinityCount() -> Int {
        let count = Int(polygramc_affinity_cpu_count())
        return count > 0 ? count : max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// ⌈quota / period⌉ when a cgroup limits this process's CPU time.
    private static func quotaCores() -> Int? {
        func cores(quota: Double, period: Double) -> Int? {
            quota > 0 && period > 0 ? Int((quota / period).rounded(.up)) : nil
        }
        func numbers(_ path: String) -> [Substring]? {
            RegularFile.bytes(atPath: path).map { String(decoding: $0, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }) }
        }
        if let fields = numbers("/sys/fs/cgroup/cpu.max"), fields.count == 2 {
            return fields[0] == "max" ? nil : cores(quota: Double(fields[0]) ?? 0, period: Double(fields[1]) ?? 0)
        }
        if let quota = numbers("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")?.first,
           let period = numbers("/sys/fs/cgroup/cpu/cpu.cfs_period_us")?.first {
            return cores(quota: Double(quota) ?? 0, period: Double(period) ?? 0)
        }
        return nil
    }
}
