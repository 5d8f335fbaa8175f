import Frontend

/// Ready-made plots of sweeps, cancellation grids and Grams, as SVG text
/// (polygram-core.md §4.7's `plot`, drawn without matplotlib).
public enum ExperimentPlots {
    /// A 1-D sweep: the target overlap (line with markers), the sibling-tier
    /// mean (dashed green) and the cross-cluster-tier mean (dotted grey).
    public static func sweep1D(_ result: ExperimentResult) -> String {
        precondition(result.experiment.sweep.count == 1, "sweep1D needs a one-axis sweep")
        let axis = result.experiment.sweep[0]
        let (a, b) = pair(result)
        let plot = LinePlot(
            x: axis.values,
            series: [
                .init(name: "(\(a), \(b))", y: result.overlaps, stroke: .solid, markers: true, color: "#1f77b4"),
                .init(name: "sibling tier (mean)", y: result.tierSibling, stroke: .dashed, color: "#2ca02c"),
                .init(name: "cross-cluster tier (mean)", y: result.tierCrossCluster, stroke: .dotted, color: "#7f7f7f"),
            ],
            title: "\(result.dictionaryName) — target overlap", xLabel: axis.key, yLabel: "|<\(a)|\(b)>|²", yRange: 0...1)
        return render(plot.svg)
    }

    /// A 2-D sweep: the target overlap over the grid, the first axis on x and
    /// the second on y, with a viridis colour bar.
    public static func sweep2D(_ result: ExperimentResult) -> String {
        precondition(result.experiment.sweep.count == 2, "sweep2D needs a two-axis sweep")
        let (xAxis, yAxis) = (result.experiment.sweep[0], result.experiment.sweep[1])
        let (a, b) = pair(result)
        let plot = HeatmapPlot(xValues: xAxis.values, yValues: yAxis.values,
                               values: grid(result.overlaps, xCount: xAxis.values.count, yCount: yAxis.values.count),
                               title: "\(result.dictionaryName) — target overlap",
                               xLabel: xAxis.key, yLabel: yAxis.key, colorLabel: "|<\(a)|\(b)>|²")
        return render(plot.svg)
    }

    /// `sweep1D` or `sweep2D` by the number of axes; other counts throw (as
    /// polygram's `plot` does for three or more).
    public static func sweep(_ result: ExperimentResult) throws -> String {
        switch result.experiment.sweep.count {
        case 1: return sweep1D(result)
        case 2: return sweep2D(result)
        case let n: throw PlotError("plotting a sweep with \(n) axes is not supported (only 1 or 2)")
        }
    }

    /// A cancellation search grid: `overlaps` (and `feasible`) flat in
    /// row-major order with the x axis slowest, i.e. the value at
    /// (`xValues[i]`, `yValues[j]`) is at `i * yValues.count + j`, as in a
    /// sweep. Infeasible points are hatched; `optimum` (data units) is a star.
    public static func cancellationGrid(xKey: String, yKey: String, xValues: [Double], yValues: [Double],
                                        overlaps: [Double], feasible: [Bool]? = nil,
                                        optimum: (x: Double, y: Double)? = nil, title: String,
                                        colorLabel: String = "|<A|B>|²") -> String {
        precondition(overlaps.count == xValues.count * yValues.count, "overlaps must have xValues.count × yValues.count entries")
        precondition(feasible.map { $0.count == overlaps.count } ?? true, "feasible must have one entry per overlap")
        let masked = feasible.map { grid($0.map { !$0 }, xCount: xValues.count, yCount: yValues.count) }
        let plot = HeatmapPlot(xValues: xValues, yValues: yValues,
                               values: grid(overlaps, xCount: xValues.count, yCount: yValues.count),
                               title: title, xLabel: xKey, yLabel: yKey, colorLabel: colorLabel,
                               masked: masked, optimum: optimum)
        return render(plot.svg)
    }

    public static let gramPairWidth = 1180
    public static let gramPairHeight = 560

    /// Two Gram heatmaps side by side ("before" and "after") sharing one
    /// colour bar over [0, 1]. Matrices are |G|², N×N for N labels.
    public static func gramBeforeAfter(labels: [String], before: [[Double]], after: [[Double]], title: String) -> String {
        let left = GramHeatmap(labels: labels, matrix: before, title: title)
        let right = GramHeatmap(labels: labels, matrix: after, title: title)
        return render {
            let canvas = try SVGCanvas(width: gramPairWidth, height: gramPairHeight, title: title)
            try canvas.definitions(colormap: .viridis, hatch: false)
            try canvas.text(title, x: Double(gramPairWidth) / 2, y: 28, size: 16, anchor: .middle, bold: true,
                            maxWidth: Double(gramPairWidth) - 20)
            let top = 70.0
            try left.drawPanel(canvas, left: 10, top: top, subtitle: "before")
            try right.drawPanel(canvas, left: 10 + GramHeatmap.panelWidth + 20, top: top, subtitle: "after")
            try ColorBar(colormap: .viridis, range: 0...1, label: GramHeatmap.colorLabel)
                .draw(canvas, x: 10 + 2 * (GramHeatmap.panelWidth + 20), top: top, bottom: top + GramHeatmap.side)
            return try canvas.finish()
        }
    }

    // MARK: helpers

    static func pair(_ result: ExperimentResult) -> (String, String) {
        let names = result.experiment.targetPair
        return (names.first ?? "A", names.count > 1 ? names[1] : "B")
    }

    /// Flat row-major (x slowest) → `[xIndex][yIndex]`.
    static func grid<T>(_ flat: [T], xCount: Int, yCount: Int) -> [[T]] {
        (0..<xCount).map { i in Array(flat[(i * yCount)..<((i + 1) * yCount)]) }
    }

    /// Runs a renderer whose only failure is libxml2 failing to write into
    /// memory, which the plots cannot recover from.
    static func render(_ body: () throws -> String) -> String {
        do {
            return try body()
        } catch {
            fatalError("SVG rendering failed: \(error)")
        }
    }
}

public struct PlotError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
