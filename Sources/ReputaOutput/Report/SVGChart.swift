import Foundation

/// Inline SVG charts for the HTML report: drawn from numbers alone, every label escaped, no
/// script, no external reference, fixed sizes so the page prints to PDF as it shows.
enum SVGChart {
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]
    static let width = 720.0, height = 260.0, left = 48.0, right = 150.0, top = 16.0, bottom = 36.0

    /// One line per series over `xLabels`; a nil value breaks the line (no data that week). With
    /// `counts` (reviews behind each point, per series), a point resting on fewer than
    /// `sparse` reviews is drawn hollow and the lines to it dashed and faint, so a week of two
    /// reviews does not shout as loud as a week of forty; `sparseNote` explains it under the plot.
    static func lines(title: String, xLabels: [String], series: [(name: String, values: [Double?])],
                      yMin: Double, yMax: Double, yUnit: String = "", counts: [[Int]]? = nil, sparse: Int = 5,
                      sparseNote: String? = nil) -> String {
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
        var anySparse = false
        for (s, line) in series.enumerated() {
            let colour = palette[s % palette.count]
            func thin(_ i: Int) -> Bool {
                guard let n = counts?[s], i < n.count else { return false }
                return n[i] < sparse
            }
            var previous: Int?
            for (i, v) in line.values.enumerated() {
                guard let v else { previous = nil; continue }
                if let p = previous, let pv = line.values[p] {
                    let faint = thin(p) || thin(i)
                    out += "<line x1=\"\(f(x(p)))\" y1=\"\(f(y(pv)))\" x2=\"\(f(x(i)))\" y2=\"\(f(y(v)))\" stroke=\"\(colour)\" "
                        + (faint ? "stroke-width=\"1.5\" stroke-dasharray=\"4 3\" stroke-opacity=\"0.55\"/>" : "stroke-width=\"2\"/>")
                }
                if thin(i) {
                    anySparse = true
                    out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3\" fill=\"#fff\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
                } else {
                    out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"2.5\" fill=\"\(colour)\"/>"
                }
                previous = i
            }
            let ly = top + 14 + Double(s) * 16
            out += "<rect x=\"\(f(width - right + 12))\" y=\"\(f(ly - 9))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
            out += "<text x=\"\(f(width - right + 28))\" y=\"\(f(ly))\" font-size=\"12\">\(HTMLRenderer.escape(line.name))</text>"
        }
        if anySparse, let sparseNote {
            // Under the legend, one line per `: `-separated part (the legend column is narrow).
            for (k, part) in sparseNote.components(separatedBy: ": ").enumerated() {
                let ly = top + 14 + Double(series.count) * 16 + 10 + Double(k) * 13
                out += "<text x=\"\(f(width - right + 12))\" y=\"\(f(ly))\" font-size=\"10\" fill=\"#555\">\(HTMLRenderer.escape(part))</text>"
            }
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
