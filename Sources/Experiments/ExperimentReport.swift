import Foundation
import Frontend
import IR

/// polygram's text artefacts of an experiment: `to_csv`, the `materialize`
/// summary and `write_summary`'s run results (polygram-core.md §4.7–4.8).
extension ExperimentResult {
    /// The sweep table; numbers as Python `repr`, assertions as 1/0.
    public var csv: String {
        let axes = experiment.sweep
        let grid = SweepGrid(axes: axes)
        var header = axes.map(\.key) + ["overlap", "tier_self", "tier_sibling", "tier_cross_cluster"]
        if tierSeparation != nil { header.append("tier_separation") }
        header += assertions.map(\.0.rawValue)
        // Written as bytes, each axis value's repr once: a 2-D sweep is thousands of cells.
        let axisCells = axes.map { $0.values.map { Array(PythonFloat.repr($0).utf8) } }
        var bytes = Array((header.joinedText(",") + "\n").utf8)
        bytes.reserveCapacity(bytes.count + grid.count * 24 * (header.count - assertions.count))
        func cell(_ x: Double) {
            bytes.append(contentsOf: PythonFloat.repr(x).utf8)
            bytes.append(UInt8(ascii: ","))
        }
        var indices = [Int](repeating: 0, count: axes.count)
        for k in 0..<grid.count {
            for (axis, index) in indices.enumerated() {
                bytes.append(contentsOf: axisCells[axis][index])
                bytes.append(UInt8(ascii: ","))
            }
            cell(overlaps[k])
            cell(tierSelf[k])
            cell(tierSibling[k])
            cell(tierCrossCluster[k])
            if let separation = tierSeparation { cell(separation[k]) }
            for (_, passes) in assertions {
                bytes.append(passes[k] ? UInt8(ascii: "1") : UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: ","))
            }
            bytes[bytes.count - 1] = UInt8(ascii: "\n")
            grid.advance(&indices)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `materialize`'s `<name>_summary.md` followed by `write_summary`'s block.
    public var summary: String {
        configurationSummary + "\n" + runResults
    }

    var configurationSummary: String {
        var lines = [
            "# \(experiment.name)", "",
            "- dictionary: `\(dictionaryName)` (\(featureCount) features, \(clusterCount) clusters)",
            "- target pair: `\(experiment.targetPair[0])` × `\(experiment.targetPair[1])`",
            "- backend: analytic",
            "- seed: \(experiment.seed)", "",
            "## Sweep axes", "",
            "| Axis | n_points | min | max |",
            "|------|----------|-----|-----|",
        ]
        for axis in experiment.sweep {
            let low = axis.values.min() ?? .nan, high = axis.values.max() ?? .nan
            lines.append("| `\(axis.key)` | \(axis.values.count) | \(fixed4(low)) | \(fixed4(high)) |")
        }
        lines += ["", "## Measures", "", experiment.measures.map { "`\($0.rawValue)`" }.joinedText(", "), "",
                  "## Assertions", "",
                  experiment.assertions.isEmpty ? "_(none)_" : experiment.assertions.map { "`\($0.rawValue)`" }.joinedText(", "),
                  ""]
        // polygram joins with "\n" and a final empty line: one trailing newline.
        return lines.joinedText("\n")
    }

    var runResults: String {
        var lines = ["## Run results", "", "### Tier rollup (mean over sweep)", "",
                     "| Tier | min | mean | max |", "|------|-----|------|-----|"]
        for (name, values) in [("self", tierSelf), ("sibling", tierSibling), ("cross_cluster", tierCrossCluster)] {
            let finite = values.filter { !$0.isNaN }
            if finite.isEmpty {
                lines.append("| \(name) | n/a | n/a | n/a |")
            } else {
                lines.append("| \(name) | \(fixed4(finite.min()!)) | \(fixed4(mean(finite))) | \(fixed4(finite.max()!)) |")
            }
        }
        lines += ["", "### Target overlap", "",
                  "- min: \(fixed4(overlaps.min() ?? .nan))",
                  "- mean: \(fixed4(mean(overlaps)))",
                  "- max: \(fixed4(overlaps.max() ?? .nan))"]
        if !assertions.isEmpty {
            lines += ["", "### Assertion pass-rate", "",
                      "| Assertion | passes | total | rate |", "|-----------|--------|-------|------|"]
            for (assertion, passes) in assertions {
                let count = passes.filter { $0 }.count
                let rate = FixedDecimal.format(Double(count) / Double(passes.count) * 100, places: 0) + "%"
                lines.append("| \(assertion.rawValue) | \(count) | \(passes.count) | \(rate) |")
            }
        }
        return lines.joinedText("\n") + "\n"
    }

    private func fixed4(_ x: Double) -> String { x.isNaN ? "nan" : FixedDecimal.format(x, places: 4) }

    /// numpy's pairwise summation, so means match `np.mean` to the last bits.
    private func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : NumpySum.pairwise(values[...]) / Double(values.count)
    }
}

/// numpy's float summation: blocks of 8 accumulators below 128 elements,
/// halving recursion above (numpy's `pairwise_sum`).
enum NumpySum {
    static func pairwise(_ a: ArraySlice<Double>) -> Double {
        let n = a.count
        let start = a.startIndex
        if n < 8 {
            var s = 0.0
            for x in a { s += x }
            return s
        } else if n <= 128 {
            var r = [Double](repeating: 0, count: 8)
            for i in 0..<8 { r[i] = a[start + i] }
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] += a[start + i + j] }
                i += 8
            }
            var s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n { s += a[start + i]; i += 1 }
            return s
        } else {
            var half = n / 2
            half -= half % 8
            return pairwise(a[start..<(start + half)]) + pairwise(a[(start + half)...])
        }
    }
}
