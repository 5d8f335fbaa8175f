/// A 2-D grid of values as coloured cells with a colour bar. Canvas 720×600
/// (the reference's 6×5 in at 120 dpi). Cell (i, j) is centred on
/// (`xValues[i]`, `yValues[j]`) and reaches halfway to its neighbours; the
/// first y value is at the bottom (matplotlib's `origin="lower"`).
public struct HeatmapPlot: Sendable {
    public static let width = 720
    public static let height = 600

    public var xValues: [Double]
    public var yValues: [Double]
    /// `values[i][j]` is the value at (`xValues[i]`, `yValues[j]`).
    public var values: [[Double]]
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var colorLabel: String
    public var colormap: Colormap
    /// The colour bar's extent; nil spans the unmasked finite values.
    public var colorRange: ClosedRange<Double>?
    /// `masked[i][j] == true` draws that cell hatched grey (an infeasible point).
    public var masked: [[Bool]]?
    /// A star at this (x, y), in data units, labelled in the key below the plot.
    public var optimum: (x: Double, y: Double)?
    public var xScale: AxisScale
    public var yScale: AxisScale

    public init(xValues: [Double], yValues: [Double], values: [[Double]], title: String,
                xLabel: String, yLabel: String, colorLabel: String, colormap: Colormap = .viridis,
                colorRange: ClosedRange<Double>? = nil, masked: [[Bool]]? = nil,
                optimum: (x: Double, y: Double)? = nil, xScale: AxisScale = .auto, yScale: AxisScale = .auto) {
        precondition(values.count == xValues.count && values.allSatisfy { $0.count == yValues.count },
                     "values must be xValues.count × yValues.count")
        precondition(masked.map { $0.count == xValues.count && $0.allSatisfy { $0.count == yValues.count } } ?? true,
                     "masked must have the shape of values")
        self.xValues = xValues
        self.yValues = yValues
        self.values = values
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colorLabel = colorLabel
        self.colormap = colormap
        self.colorRange = colorRange
        self.masked = masked
        self.optimum = optimum
        self.xScale = xScale
        self.yScale = yScale
    }

    /// Cell boundaries: midpoints between neighbours, half a step beyond the ends.
    static func edges(_ values: [Double]) -> [Double] {
        guard let first = values.first, let last = values.last else { return [] }
        if values.count == 1 {
            let half = first == 0 ? 0.5 : abs(first) / 2
            return [first - half, first + half]
        }
        var edges = [first - (values[1] - first) / 2]
        for k in 0..<(values.count - 1) { edges.append((values[k] + values[k + 1]) / 2) }
        edges.append(last + (last - values[values.count - 2]) / 2)
        return edges
    }

    func isMasked(_ i: Int, _ j: Int) -> Bool { masked?[i][j] ?? false }

    /// The colour bar's extent.
    var resolvedColorRange: ClosedRange<Double> {
        if let colorRange, colorRange.upperBound > colorRange.lowerBound { return colorRange }
        var lo = Double.infinity, hi = -Double.infinity
        for i in values.indices {
            for j in values[i].indices where !isMasked(i, j) && values[i][j].isFinite {
                lo = min(lo, values[i][j])
                hi = max(hi, values[i][j])
            }
        }
        if !lo.isFinite { return 0...1 }
        if hi - lo <= 1e-12 { return AxisMap.padded(lo, hi, by: 0) }
        return lo...hi
    }

    /// The plot as an SVG document.
    public func svg() throws -> String {
        let canvas = try SVGCanvas(width: Self.width, height: Self.height, title: title)
        let anyMasked = masked?.contains { $0.contains(true) } ?? false
        let anyNaN = values.contains { $0.contains { !$0.isFinite } }
        try canvas.definitions(colormap: colormap, hatch: anyMasked)
        let area = PlotArea(left: 96, top: 50, right: 560, bottom: 500)
        let xEdges = Self.edges(xValues), yEdges = Self.edges(yValues)
        let xDomain = (xEdges.min() ?? 0)...(xEdges.max() ?? 1)
        let yDomain = (yEdges.min() ?? 0)...(yEdges.max() ?? 1)
        let axes = AxesDrawing(area: area,
                               xMap: AxisMap(domain: xDomain, pixels: (area.left, area.right)),
                               yMap: AxisMap(domain: yDomain, pixels: (area.bottom, area.top)),
                               xTicks: AxisTicks(range: xDomain, scale: xScale, data: xValues),
                               yTicks: AxisTicks(range: yDomain, scale: yScale, data: yValues),
                               xLabel: xLabel, yLabel: yLabel, grid: false)
        try canvas.text(title, x: Double(Self.width) / 2, y: 30, size: 16, anchor: .middle, bold: true,
                        maxWidth: Double(Self.width) - 20)
        let range = resolvedColorRange
        let columns = xValues.indices.map { i in
            let x0 = axes.xMap(xEdges[i]), x1 = axes.xMap(xEdges[i + 1])
            return (x: min(x0, x1), width: abs(x1 - x0))
        }
        let rows = yValues.indices.map { j in
            let y0 = axes.yMap(yEdges[j]), y1 = axes.yMap(yEdges[j + 1])
            return (y: min(y0, y1), height: abs(y1 - y0))
        }
        try canvas.group([("shape-rendering", "crispEdges")]) {
            if let columnOrder = Self.uniformOrder(columns.map { ($0.x, $0.width) }),
               let rowOrder = Self.uniformOrder(rows.map { ($0.y, $0.height) }) {
                try drawRaster(canvas, columns: columns, rows: rows, columnOrder: columnOrder, rowOrder: rowOrder, range: range)
            } else {
                try canvas.cells(columns: columns, rows: rows) { i, j in
                    let value = values[i][j]
                    if isMasked(i, j) { return "url(#pg-hatch)" }
                    if !value.isFinite { return "#bfbfbf" }
                    return colormap.hex((value - range.lowerBound) / (range.upperBound - range.lowerBound))
                }
            }
        }
        if let optimum, xDomain.contains(optimum.x), yDomain.contains(optimum.y) {
            try canvas.star(axes.xMap(optimum.x), axes.yMap(optimum.y), radius: 10, fill: "#ff3b30", stroke: "#ffffff")
        }
        try axes.drawFrame(canvas)
        try ColorBar(colormap: colormap, range: range, label: colorLabel)
            .draw(canvas, x: area.right + 24, top: area.top, bottom: area.bottom)
        try drawKey(canvas, axes: axes, masked: anyMasked, missing: anyNaN, left: area.left, y: area.bottom + 78)
        return try canvas.finish()
    }

    /// The cell indices from left to right (or top to bottom) when the cells
    /// tile their axis in equal, contiguous steps, as every linspace sweep and
    /// grid search does; nil for uneven axes, which are drawn one rect per cell.
    static func uniformOrder(_ cells: [(start: Double, size: Double)]) -> [Int]? {
        guard let first = cells.first, first.size > 0 else { return nil }
        let order = cells.indices.sorted { cells[$0].start < cells[$1].start }
        let tolerance = 1e-6 * first.size
        for (k, index) in order.enumerated() {
            guard abs(cells[index].size - first.size) <= tolerance else { return nil }
            if k > 0 {
                let previous = cells[order[k - 1]]
                guard abs(previous.start + previous.size - cells[index].start) <= tolerance else { return nil }
            }
        }
        return order
    }

    /// The cells as one embedded PNG (a block per cell), masked cells in the
    /// hatch's grey with the hatch drawn over them as one path.
    private func drawRaster(_ canvas: SVGCanvas, columns: [(x: Double, width: Double)], rows: [(y: Double, height: Double)],
                            columnOrder: [Int], rowOrder: [Int], range: ClosedRange<Double>) throws {
        var png = PNGImage(columns: columns.count, rows: rows.count)
        var hatched: [(x: Double, y: Double, width: Double, height: Double)] = []
        for (px, i) in columnOrder.enumerated() {
            var run: (top: Double, bottom: Double)?
            for (py, j) in rowOrder.enumerated() {
                let value = values[i][j]
                if isMasked(i, j) {
                    png.set(x: px, y: py, (0xD9, 0xD9, 0xD9))
                    run = (run?.top ?? rows[j].y, rows[j].y + rows[j].height)
                    continue
                }
                if let open = run {
                    hatched.append((columns[i].x, open.top, columns[i].width, open.bottom - open.top))
                    run = nil
                }
                png.set(x: px, y: py, value.isFinite
                        ? colormap.rgb((value - range.lowerBound) / (range.upperBound - range.lowerBound))
                        : (0xBF, 0xBF, 0xBF))
            }
            if let open = run { hatched.append((columns[i].x, open.top, columns[i].width, open.bottom - open.top)) }
        }
        let left = columns[columnOrder[0]].x, top = rows[rowOrder[0]].y
        let right = columns[columnOrder[columnOrder.count - 1]], bottom = rows[rowOrder[rowOrder.count - 1]]
        try canvas.image(png, x: left, y: top, width: right.x + right.width - left, height: bottom.y + bottom.height - top)
        try canvas.rectangles(hatched, fill: "url(#pg-hatch)")
    }

    /// One row under the x label naming the optimum and the masked cells.
    private func drawKey(_ canvas: SVGCanvas, axes: AxesDrawing, masked: Bool, missing: Bool, left: Double, y: Double) throws {
        var x = left
        if let optimum {
            try canvas.star(x + 8, y, radius: 8, fill: "#ff3b30", stroke: "#ffffff")
            func label(_ v: Double, _ radians: Bool) -> String { radians ? PlotFormat.angleLabel(v) : PlotFormat.decimal(v) }
            let text = "optimum (\(label(optimum.x, axes.xTicks.isRadians)), \(label(optimum.y, axes.yTicks.isRadians)))"
            try canvas.text(text, x: x + 22, y: y, size: 12, centered: true, maxWidth: 230)
            x += 22 + min(230, PlotFormat.estimatedWidth(text, size: 12)) + 24
        }
        if masked {
            try canvas.rect(x: x, y: y - 7, width: 22, height: 14, fill: "url(#pg-hatch)", stroke: "#7f7f7f", strokeWidth: 0.8)
            try canvas.text("infeasible", x: x + 28, y: y, size: 12, centered: true)
            x += 28 + PlotFormat.estimatedWidth("infeasible", size: 12) + 24
        }
        if missing {
            try canvas.rect(x: x, y: y - 7, width: 22, height: 14, fill: "#bfbfbf", stroke: "#7f7f7f", strokeWidth: 0.8)
            try canvas.text("no value", x: x + 28, y: y, size: 12, centered: true)
        }
    }
}
