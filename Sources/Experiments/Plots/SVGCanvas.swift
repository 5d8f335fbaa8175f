import Emit
import Foundation

/// A thin SVG vocabulary over `XMLWriter` (the project's only libxml2
/// wrapper). Coordinates are written with at most two decimals and nothing
/// depends on time or randomness, so equal plots are equal bytes.
final class SVGCanvas {
    static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    let width: Double
    let height: Double
    private let xml: XMLWriter

    init(width: Int, height: Int, title: String) throws {
        self.width = Double(width)
        self.height = Double(height)
        xml = try XMLWriter()
        try xml.startElement("svg")
        try xml.attribute("xmlns", "http://www.w3.org/2000/svg")
        try xml.attribute("version", "1.1")
        try xml.attribute("width", "\(width)")
        try xml.attribute("height", "\(height)")
        try xml.attribute("viewBox", "0 0 \(width) \(height)")
        try xml.attribute("font-family", Self.fontFamily)
        try xml.element("title", text: title)
        try rect(x: 0, y: 0, width: self.width, height: self.height, fill: "#ffffff")
    }

    func finish() throws -> String { try xml.finish() }

    private func c(_ v: Double) -> String { PlotFormat.coordinate(v) }

    // MARK: grouping and definitions

    func group(_ attributes: [(String, String)] = [], _ body: () throws -> Void) throws {
        try xml.startElement("g")
        for (k, v) in attributes { try xml.attribute(k, v) }
        try body()
        try xml.endElement()
    }

    func translated(_ x: Double, _ y: Double, _ body: () throws -> Void) throws {
        try group([("transform", "translate(\(c(x)),\(c(y)))")], body)
    }

    /// `<defs>` with the colormap as a vertical gradient (id `pg-<name>`, 0 at
    /// the bottom) and, when asked, the hatch pattern `pg-hatch` for masked cells.
    func definitions(colormap: Colormap?, hatch: Bool) throws {
        guard colormap != nil || hatch else { return }
        try xml.startElement("defs")
        if let colormap {
            try xml.startElement("linearGradient")
            try xml.attribute("id", "pg-\(colormap.name)")
            try xml.attribute("x1", "0"); try xml.attribute("y1", "1")
            try xml.attribute("x2", "0"); try xml.attribute("y2", "0")
            for (i, _) in colormap.stops.enumerated() {
                let t = Double(i) / Double(colormap.stops.count - 1)
                try xml.element("stop", attributes: [("offset", c(t)), ("stop-color", colormap.hex(t))])
            }
            try xml.endElement()
        }
        if hatch {
            try xml.startElement("pattern")
            try xml.attribute("id", "pg-hatch")
            try xml.attribute("patternUnits", "userSpaceOnUse")
            try xml.attribute("width", "6"); try xml.attribute("height", "6")
            try xml.attribute("patternTransform", "rotate(45)")
            try xml.element("rect", attributes: [("width", "6"), ("height", "6"), ("fill", "#d9d9d9")])
            try xml.element("line", attributes: [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"),
                                                 ("stroke", "#7f7f7f"), ("stroke-width", "2")])
            try xml.endElement()
        }
        try xml.endElement()
    }

    // MARK: shapes

    /// A grid of rects, column-major: cell (i, j) spans column i and row j
    /// and is filled with `fill(i, j)`. The same bytes as a `rect` per cell,
    /// but each column's and row's coordinates are formatted once (heatmaps
    /// have thousands of cells).
    func cells(columns: [(x: Double, width: Double)], rows: [(y: Double, height: Double)],
               fill: (Int, Int) -> String) throws {
        let xs = columns.map { c($0.x) }, widths = columns.map { c($0.width) }
        let ys = rows.map { c($0.y) }, heights = rows.map { c($0.height) }
        for i in columns.indices {
            for j in rows.indices {
                try xml.startElement("rect")
                try xml.attribute("x", xs[i])
                try xml.attribute("y", ys[j])
                try xml.attribute("width", widths[i])
                try xml.attribute("height", heights[j])
                try xml.attribute("fill", fill(i, j))
                try xml.endElement()
            }
        }
    }

    /// A block image stretched over (x, y, width, height), each cell drawn
    /// as a block of about its displayed size (see `PNGImage`).
    func image(_ png: PNGImage, x: Double, y: Double, width: Double, height: Double) throws {
        let cellPixels = max(width / Double(png.columns), height / Double(png.rows))
        let widest = (BlockDeflate.maxRowBytes - 1) / (3 * png.columns)
        let scale = max(1, min(Int(cellPixels.rounded(.up)), 64, widest))
        try xml.startElement("image")
        for (name, value) in [("x", c(x)), ("y", c(y)), ("width", c(width)), ("height", c(height)),
                              ("preserveAspectRatio", "none")] {
            try xml.attribute(name, value)
        }
        try xml.plainAttribute("href", png.dataURI(scale: scale))  // base64: nothing to escape
        try xml.endElement()
    }

    /// One `<path>` of axis-aligned rectangles (x, y, width, height), all with
    /// the same fill: e.g. every masked cell of a heatmap in one element.
    func rectangles(_ boxes: [(x: Double, y: Double, width: Double, height: Double)], fill: String) throws {
        guard !boxes.isEmpty else { return }
        let d = boxes.map { "M\(c($0.x)),\(c($0.y))h\(c($0.width))v\(c($0.height))h\(c(-$0.width))z" }.joinedText()
        try xml.element("path", attributes: [("d", d), ("fill", fill)])
    }

    func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
              stroke: String? = nil, strokeWidth: Double = 1, extra: [(String, String)] = []) throws {
        var attributes = [("x", c(x)), ("y", c(y)), ("width", c(width)), ("height", c(height)), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", c(strokeWidth))] }
        try xml.element("rect", attributes: attributes + extra)
    }

    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
              width: Double = 1, dash: String? = nil, extra: [(String, String)] = []) throws {
        var attributes = [("x1", c(x1)), ("y1", c(y1)), ("x2", c(x2)), ("y2", c(y2)),
                          ("stroke", stroke), ("stroke-width", c(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        try xml.element("line", attributes: attributes + extra)
    }

    func polyline(_ points: [(Double, Double)], stroke: String, width: Double, dash: String?) throws {
        var attributes = [("points", points.map { "\(c($0.0)),\(c($0.1))" }.joinedText(" ")),
                          ("fill", "none"), ("stroke", stroke), ("stroke-width", c(width)),
                          ("stroke-linejoin", "round"), ("stroke-linecap", dash == nil ? "round" : "butt")]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        try xml.element("polyline", attributes: attributes)
    }

    func circle(_ x: Double, _ y: Double, radius: Double, fill: String, stroke: String? = nil, strokeWidth: Double = 1) throws {
        var attributes = [("cx", c(x)), ("cy", c(y)), ("r", c(radius)), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", c(strokeWidth))] }
        try xml.element("circle", attributes: attributes)
    }

    func polygon(_ points: [(Double, Double)], fill: String, stroke: String? = nil, strokeWidth: Double = 1) throws {
        var attributes = [("points", points.map { "\(c($0.0)),\(c($0.1))" }.joinedText(" ")), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", c(strokeWidth)), ("stroke-linejoin", "round")] }
        try xml.element("polygon", attributes: attributes)
    }

    /// A five-pointed star centred on (x, y), the optimum marker.
    func star(_ x: Double, _ y: Double, radius: Double, fill: String, stroke: String) throws {
        var points: [(Double, Double)] = []
        for k in 0..<10 {
            let r = k.isMultiple(of: 2) ? radius : radius * 0.45
            let angle = -Double.pi / 2 + Double(k) * Double.pi / 5
            points.append((x + r * cos(angle), y + r * sin(angle)))
        }
        try polygon(points, fill: fill, stroke: stroke, strokeWidth: 1.2)
    }

    // MARK: text

    enum Anchor: String { case start, middle, end }

    /// Text at (x, y) (the baseline, or the vertical middle with `centered`).
    /// When `maxWidth` is given and the text would be wider, its font shrinks
    /// (to 60 % at most) and then it is cut with "…", so it never runs into its
    /// neighbours (rsvg ignores `textLength`).
    func text(_ string: String, x: Double, y: Double, size: Double, anchor: Anchor = .start,
              bold: Bool = false, fill: String = "#222222", rotate: Double? = nil,
              centered: Bool = false, maxWidth: Double? = nil) throws {
        var string = string, size = size
        if let maxWidth {
            let widen = bold ? 1.08 : 1.0
            let width = PlotFormat.estimatedWidth(string, size: size) * widen
            if width > maxWidth {
                size *= max(0.6, maxWidth / width)
                while string.count > 1, PlotFormat.estimatedWidth(string, size: size) * widen > maxWidth {
                    string = String(string.dropLast(string.hasSuffix("…") ? 2 : 1)) + "…"
                }
            }
        }
        // Centred by shifting the baseline (renderers disagree on dominant-baseline);
        // a rotation still turns about (x, y).
        let baseline = centered ? y + 0.35 * size : y
        var attributes = [("x", c(x)), ("y", c(baseline)), ("font-size", c(size)), ("fill", fill)]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if bold { attributes.append(("font-weight", "bold")) }
        if let rotate { attributes.append(("transform", "rotate(\(c(rotate)) \(c(x)) \(c(y)))")) }
        try xml.element("text", attributes: attributes, text: string)
    }
}
