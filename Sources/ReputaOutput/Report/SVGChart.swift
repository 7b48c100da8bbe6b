import Foundation

/// Inline SVG charts for the HTML report: drawn from numbers alone, every label escaped, no
/// script, no external reference, fixed sizes so the page prints to PDF as it shows.
enum SVGChart {
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]
    static let width = 720.0, height = 260.0, left = 48.0, right = 150.0, top = 16.0, bottom = 36.0

    /// One line per series over `xLabels`; a nil value breaks the line (no data that week).
    static func lines(title: String, xLabels: [String], series: [(name: String, values: [Double?])],
                      yMin: Double, yMax: Double, yUnit: String = "") -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ i: Int) -> Double { left + (xLabels.count > 1 ? Double(i) / Double(xLabels.count - 1) * plotW : plotW / 2) }
        func y(_ v: Double) -> Double { top + plotH - (min(max(v, yMin), yMax) - yMin) / max(yMax - yMin, 1e-9) * plotH }
        var out = open(title: title, kind: "trend")
        for k in 0...4 {
            let v = yMin + (yMax - yMin) * Double(k) / 4
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(v)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(v)))\" stroke=\"#ddd\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" font-size=\"11\">\(HTMLRenderer.escape(short(v) + yUnit))</text>"
        }
        for (i, label) in xLabels.enumerated() where i % max(1, xLabels.count / 6) == 0 || i == xLabels.count - 1 {
            out += "<text x=\"\(f(x(i)))\" y=\"\(f(height - 12))\" text-anchor=\"middle\" font-size=\"11\">\(HTMLRenderer.escape(label))</text>"
        }
        for (s, line) in series.enumerated() {
            let colour = palette[s % palette.count]
            var segment: [String] = []
            func flush() {
                if segment.count > 1 { out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(segment.joined(separator: " "))\"/>" }
                segment = []
            }
            for (i, v) in line.values.enumerated() {
                guard let v else { flush(); continue }
                segment.append("\(f(x(i))),\(f(y(v)))")
                out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"2.5\" fill=\"\(colour)\"/>"
            }
            flush()
            let ly = top + 14 + Double(s) * 16
            out += "<rect x=\"\(f(width - right + 12))\" y=\"\(f(ly - 9))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
            out += "<text x=\"\(f(width - right + 28))\" y=\"\(f(ly))\" font-size=\"12\">\(HTMLRenderer.escape(line.name))</text>"
        }
        return out + "</svg>"
    }

    /// Horizontal bars, one per item, with its value and n written beside it.
    static func bars(title: String, items: [(label: String, value: Double?, note: String)], maxValue: Double) -> String {
        let rowH = 22.0, labelW = 190.0, barW = width - labelW - 120
        let h = top + Double(items.count) * rowH + 8
        var out = open(title: title, kind: "bars", height: h)
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * rowH
            out += "<text x=\"\(f(labelW - 8))\" y=\"\(f(y + 14))\" text-anchor=\"end\" font-size=\"12\">\(HTMLRenderer.escape(item.label))</text>"
            let w = item.value.map { max(0, min($0, maxValue)) / max(maxValue, 1e-9) * barW } ?? 0
            out += "<rect x=\"\(f(labelW))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowH - 8))\" fill=\"\(palette[i % palette.count])\"/>"
            out += "<text x=\"\(f(labelW + w + 6))\" y=\"\(f(y + 14))\" font-size=\"12\">\(HTMLRenderer.escape(item.note))</text>"
        }
        return out + "</svg>"
    }

    /// One stacked bar per item: the share of each star (1★ red … 5★ green), counts in the legend.
    static func distribution(title: String, items: [(label: String, counts: [Int])]) -> String {
        let rowH = 24.0, labelW = 190.0, barW = width - labelW - 40
        let colours = ["#c0392b", "#e67e22", "#f1c40f", "#9acd32", "#27ae60"]
        let h = top + Double(items.count) * rowH + 30
        var out = open(title: title, kind: "distribution", height: h)
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * rowH, total = Double(item.counts.reduce(0, +))
            out += "<text x=\"\(f(labelW - 8))\" y=\"\(f(y + 15))\" text-anchor=\"end\" font-size=\"12\">\(HTMLRenderer.escape(item.label))</text>"
            var x = labelW
            for (k, c) in item.counts.enumerated() where c > 0 && total > 0 {
                let w = Double(c) / total * barW
                let colour = colours[min(colours.count - 1, k * colours.count / max(1, item.counts.count))]
                out += "<rect x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowH - 8))\" fill=\"\(colour)\"><title>\(k + 1)★: \(c)</title></rect>"
                if w > 18 { out += "<text x=\"\(f(x + w / 2))\" y=\"\(f(y + 15))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#fff\">\(c)</text>" }
                x += w
            }
        }
        let ly = top + Double(items.count) * rowH + 16
        for (k, colour) in colours.enumerated() {
            out += "<rect x=\"\(f(labelW + Double(k) * 60))\" y=\"\(f(ly - 9))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
            out += "<text x=\"\(f(labelW + Double(k) * 60 + 14))\" y=\"\(f(ly))\" font-size=\"11\">\(k + 1)★</text>"
        }
        return out + "</svg>"
    }

    static func open(title: String, kind: String, height h: Double = height) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart \(kind)\" role=\"img\" width=\"\(f(width))\" height=\"\(f(h))\" viewBox=\"0 0 \(f(width)) \(f(h))\"><title>\(HTMLRenderer.escape(title))</title>"
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }
    static func short(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
}
