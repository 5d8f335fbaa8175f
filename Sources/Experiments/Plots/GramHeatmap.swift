import Simulate

/// A concept Gram as an N×N heatmap of |G|² in [0, 1] (viridis), rows and
/// columns labelled with the concepts, each cell printed with two decimals
/// when N ≤ 12. Canvas 660×560.
public struct GramHeatmap: Sendable {
    public static let width = 660
    public static let height = 560
    /// Largest N whose cells carry their value as text.
    public static let maxAnnotated = 12

    public var labels: [String]
    /// `matrix[i][j]` = |⟨i|j⟩|².
    public var matrix: [[Double]]
    public var title: String
    public var colormap: Colormap

    public init(labels: [String], matrix: [[Double]], title: String, colormap: Colormap = .viridis) {
        precondition(matrix.count == labels.count && matrix.allSatisfy { $0.count == labels.count },
                     "a Gram heatmap needs an N×N matrix for N labels")
        self.labels = labels
        self.matrix = matrix
        self.title = title
        self.colormap = colormap
    }

    /// |G[i][j]|² of a simulated Gram.
    public init(labels: [String], gram: GramMatrix, title: String) {
        self.init(labels: labels, matrix: Self.magnitudes(gram), title: title)
    }

    /// The N×N |G[i][j]|² of `gram`.
    public static func magnitudes(_ gram: GramMatrix) -> [[Double]] {
        (0..<gram.size).map { i in (0..<gram.size).map { j in gram.overlap(i, j) } }
    }

    static let colorLabel = "|G|²"

    /// The heatmap as an SVG document.
    public func svg() throws -> String {
        let canvas = try SVGCanvas(width: Self.width, height: Self.height, title: title)
        try canvas.definitions(colormap: colormap, hatch: false)
        try canvas.text(title, x: Double(Self.width) / 2, y: 30, size: 16, anchor: .middle, bold: true,
                        maxWidth: Double(Self.width) - 20)
        try drawPanel(canvas, left: 10, top: 60, subtitle: nil)
        try ColorBar(colormap: colormap, range: 0...1, label: Self.colorLabel)
            .draw(canvas, x: 10 + GramHeatmap.panelWidth + 20, top: 60, bottom: 60 + GramHeatmap.side)
        return try canvas.finish()
    }

    /// Row-label gutter, matrix side, and the panel's total width.
    static let gutter = 120.0
    static let side = 380.0
    static var panelWidth: Double { gutter + side }

    /// The matrix with its labels, the matrix's top-left at (`left + gutter`, `top`);
    /// column labels hang below it (about 90 px), the subtitle sits above it.
    func drawPanel(_ canvas: SVGCanvas, left: Double, top: Double, subtitle: String?) throws {
        let n = labels.count
        let x0 = left + Self.gutter
        if let subtitle {
            try canvas.text(subtitle, x: x0 + Self.side / 2, y: top - 10, size: 14, anchor: .middle, bold: true,
                            maxWidth: Self.side)
        }
        guard n > 0 else {
            try canvas.rect(x: x0, y: top, width: Self.side, height: Self.side, fill: "none", stroke: "#222222")
            return
        }
        let cell = Self.side / Double(n)
        let valueFont = min(14, cell * 0.3)
        let labelFont = min(12, max(6, cell * 0.8))
        try canvas.group([("shape-rendering", "crispEdges")]) {
            for i in 0..<n {
                for j in 0..<n {
                    let value = matrix[i][j]
                    try canvas.rect(x: x0 + Double(j) * cell, y: top + Double(i) * cell, width: cell, height: cell,
                                    fill: value.isFinite ? colormap.hex(value) : "#bfbfbf")
                }
            }
        }
        if n <= Self.maxAnnotated {
            for i in 0..<n {
                for j in 0..<n {
                    let value = matrix[i][j]
                    let dark = value.isFinite && colormap.prefersDarkText(value)
                    try canvas.text(PlotFormat.decimal(value), x: x0 + (Double(j) + 0.5) * cell, y: top + (Double(i) + 0.5) * cell,
                                    size: valueFont, anchor: .middle, fill: dark ? "#111111" : "#ffffff", centered: true,
                                    maxWidth: cell - 2)
                }
            }
        }
        try canvas.rect(x: x0, y: top, width: Self.side, height: Self.side, fill: "none", stroke: "#222222")
        for (i, label) in labels.enumerated() {
            let y = top + (Double(i) + 0.5) * cell
            try canvas.text(label, x: x0 - 6, y: y, size: labelFont, anchor: .end, centered: true, maxWidth: Self.gutter - 10)
            let x = x0 + (Double(i) + 0.5) * cell
            let bottom = top + Self.side + 8
            try canvas.text(label, x: x, y: bottom, size: labelFont, anchor: .end, rotate: -40, centered: true,
                            maxWidth: 120)
        }
    }
}
