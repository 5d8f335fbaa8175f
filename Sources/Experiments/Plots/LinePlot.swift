/// A line chart: one x axis shared by several named series, with a legend.
/// Canvas 840×480 (the reference's 7×4 in at 120 dpi). NaN y values break a
/// series' line.
public struct LinePlot: Sendable {
    public enum Stroke: Sendable, Hashable { case solid, dashed, dotted }

    public struct Series: Sendable {
        public var name: String
        public var y: [Double]
        public var stroke: Stroke
        public var markers: Bool
        /// `#rrggbb`; nil takes the next colour of `LinePlot.palette`.
        public var color: String?

        public init(name: String, y: [Double], stroke: Stroke = .solid, markers: Bool = false, color: String? = nil) {
            self.name = name
            self.y = y
            self.stroke = stroke
            self.markers = markers
            self.color = color
        }
    }

    public static let width = 840
    public static let height = 480
    /// matplotlib's tab10 cycle.
    public static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                 "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    public var x: [Double]
    public var series: [Series]
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xScale: AxisScale
    public var yScale: AxisScale
    /// The y extent before padding; nil fits the data.
    public var yRange: ClosedRange<Double>?

    public init(x: [Double], series: [Series], title: String, xLabel: String, yLabel: String,
                xScale: AxisScale = .auto, yScale: AxisScale = .linear, yRange: ClosedRange<Double>? = nil) {
        precondition(series.allSatisfy { $0.y.count == x.count }, "every series needs one y per x")
        self.x = x
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.yRange = yRange
    }

    static let legendWidth = 240.0

    /// The plot as an SVG document.
    public func svg() throws -> String {
        let canvas = try SVGCanvas(width: Self.width, height: Self.height, title: title)
        let area = PlotArea(left: 92, top: 48, right: Double(Self.width) - Self.legendWidth, bottom: Double(Self.height) - 64)
        let xs = x.filter(\.isFinite)
        let ys = series.flatMap(\.y).filter(\.isFinite)
        let xDomain = AxisMap.padded(xs.min() ?? 0, xs.max() ?? 1, by: 0.03)
        let yDomain = AxisMap.padded(yRange?.lowerBound ?? ys.min() ?? 0, yRange?.upperBound ?? ys.max() ?? 1, by: 0.04)
        let axes = AxesDrawing(area: area,
                               xMap: AxisMap(domain: xDomain, pixels: (area.left, area.right)),
                               yMap: AxisMap(domain: yDomain, pixels: (area.bottom, area.top)),
                               xTicks: AxisTicks(range: xDomain, scale: xScale, data: xs),
                               yTicks: AxisTicks(range: yDomain, scale: yScale, data: ys, maxTicks: 8),
                               xLabel: xLabel, yLabel: yLabel, grid: true)
        try canvas.text(title, x: Double(Self.width) / 2, y: 28, size: 16, anchor: .middle, bold: true,
                        maxWidth: Double(Self.width) - 20)
        try axes.drawGrid(canvas)
        let colors = series.enumerated().map { $0.element.color ?? Self.palette[$0.offset % Self.palette.count] }
        for (s, color) in zip(series, colors) {
            try canvas.group([("fill", "none")]) {
                var run: [(Double, Double)] = []
                func flush() throws {
                    if run.count > 1 { try canvas.polyline(run, stroke: color, width: 2, dash: Self.dash(s.stroke)) }
                    run = []
                }
                for (xv, yv) in zip(x, s.y) {
                    if xv.isFinite && yv.isFinite { run.append((axes.xMap(xv), axes.yMap(yv))) } else { try flush() }
                }
                try flush()
                if s.markers {
                    for (xv, yv) in zip(x, s.y) where xv.isFinite && yv.isFinite {
                        try canvas.circle(axes.xMap(xv), axes.yMap(yv), radius: 3, fill: color)
                    }
                }
            }
        }
        try axes.drawFrame(canvas)
        try drawLegend(canvas, colors: colors, left: area.right + 18, top: area.top)
        return try canvas.finish()
    }

    static func dash(_ stroke: Stroke) -> String? {
        switch stroke {
        case .solid: return nil
        case .dashed: return "7,4"
        case .dotted: return "2,3"
        }
    }

    private func drawLegend(_ canvas: SVGCanvas, colors: [String], left: Double, top: Double) throws {
        guard !series.isEmpty else { return }
        let rowHeight = 22.0
        let boxWidth = Double(Self.width) - left - 10
        try canvas.rect(x: left, y: top, width: boxWidth, height: Double(series.count) * rowHeight + 10,
                        fill: "#ffffff", stroke: "#cccccc")
        for (i, (s, color)) in zip(series, colors).enumerated() {
            let y = top + 5 + rowHeight * (Double(i) + 0.5)
            try canvas.line(left + 8, y, left + 36, y, stroke: color, width: 2, dash: Self.dash(s.stroke))
            if s.markers { try canvas.circle(left + 22, y, radius: 3, fill: color) }
            try canvas.text(s.name, x: left + 44, y: y, size: 12, centered: true, maxWidth: boxWidth - 50)
        }
    }
}
