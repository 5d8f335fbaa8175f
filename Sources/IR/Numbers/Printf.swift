import CSupport

/// printf's rendering of one double ("%.6g", "%.3e", "%+.6f", …) through C's
/// snprintf. `String(format:)` gives the same text, but goes through
/// Foundation and Swift's variadic-argument machinery, whose first use costs
/// more than a small run's whole table.
public enum Printf {
    /// `format` must contain exactly one conversion, and it must take a double.
    public static func double(_ value: Double, _ format: String) -> String {
        format.withCString { spec in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { small in
                let needed = Int(polygramc_format_double(small.baseAddress!, small.count, spec, value))
                if needed < small.count { return String(cString: small.baseAddress!) }
                // Wider than 64 bytes (%f of a huge number): once more at the exact size.
                var large = [CChar](repeating: 0, count: needed + 1)
                _ = polygramc_format_double(&large, large.count, spec, value)
                return String(cString: large)
            }
        }
    }
}
