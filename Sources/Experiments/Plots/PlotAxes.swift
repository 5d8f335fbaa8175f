/// The rectangle data is drawn in, in canvas pixels.
struct PlotArea {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    var width: Double { right - left }
    var height: Double { bottom - top }
}

/// Frame, ticks, tick labels, optional grid lines and axis labels around an area.
struct AxesDrawing {
    var area: PlotArea
    var xMap: AxisMap
    var yMap: AxisMap
    var xTicks: AxisTicks
    var yTicks: AxisTicks
    var xLabel: String
    var yLabel: String
    var grid: Bool

    static let tickFont = 11.0
    static let labelFont = 13.0

    /// Grid lines go under the data; call before drawing it.
    func drawGrid(_ canvas: SVGCanvas) throws {
        guard grid else { return }
        try canvas.group([("stroke-opacity", "0.3")]) {
            for x in xTicks.values { try canvas.line(xMap(x), area.top, xMap(x), area.bottom, stroke: "#808080", width: 0.8) }
            for y in yTicks.values { try canvas.line(area.left, yMap(y), area.right, yMap(y), stroke: "#808080", width: 0.8) }
        }
    }

    /// Frame, ticks and labels go over the data; call after drawing it.
    func drawFrame(_ canvas: SVGCanvas) throws {
        try canvas.rect(x: area.left, y: area.top, width: area.width, height: area.height, fill: "none",
                        stroke: "#222222", strokeWidth: 1)
        let xSpacing = xTicks.values.count > 1 ? abs(xMap(xTicks.values[1]) - xMap(xTicks.values[0])) : area.width
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            let x = xMap(value)
            try canvas.line(x, area.bottom, x, area.bottom + 5, stroke: "#222222")
            try canvas.text(label, x: x, y: area.bottom + 19, size: Self.tickFont, anchor: .middle, maxWidth: xSpacing - 4)
        }
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            let y = yMap(value)
            try canvas.line(area.left - 5, y, area.left, y, stroke: "#222222")
            try canvas.text(label, x: area.left - 8, y: y, size: Self.tickFont, anchor: .end, centered: true, maxWidth: 56)
        }
        try canvas.text(xLabel, x: (area.left + area.right) / 2, y: area.bottom + 42, size: Self.labelFont,
                        anchor: .middle, maxWidth: area.width)
        let yLabelX = area.left - 66
        try canvas.text(yLabel, x: yLabelX, y: (area.top + area.bottom) / 2, size: Self.labelFont, anchor: .middle,
                        rotate: -90, centered: true, maxWidth: area.height)
    }
}

/// A vertical colour bar for `colormap` over `range`, with ticks and a rotated label.
struct ColorBar {
    var colormap: Colormap
    var range: ClosedRange<Double>
    var label: String

    /// Draws the bar in `x ..< x + width`, `top ... bottom`; labels take about 90 px to its right.
    func draw(_ canvas: SVGCanvas, x: Double, top: Double, bottom: Double, width: Double = 18) throws {
        try canvas.rect(x: x, y: top, width: width, height: bottom - top, fill: "url(#pg-\(colormap.name))",
                        stroke: "#222222", strokeWidth: 0.8)
        let map = AxisMap(domain: range, pixels: (bottom, top))
        let ticks = AxisTicks(range: range, scale: .linear, data: [], maxTicks: 8)
        for (value, text) in zip(ticks.values, ticks.labels) {
            try canvas.line(x + width, map(value), x + width + 4, map(value), stroke: "#222222")
            try canvas.text(text, x: x + width + 7, y: map(value), size: AxesDrawing.tickFont, centered: true, maxWidth: 48)
        }
        try canvas.text(label, x: x + width + 70, y: (top + bottom) / 2, size: AxesDrawing.labelFont, anchor: .middle,
                        rotate: -90, centered: true, maxWidth: bottom - top)
    }
}
