import Foundation
import ReputaAnalysis
import ReputaCore

/// The weekly report as one self-contained HTML file: inline CSS, inline SVG charts, no
/// script, a Content-Security-Policy that forbids scripts, frames, fonts and any fetch, and a
/// print stylesheet. Every review quote and label is escaped (OWASP XSS rules #1/#2); a link
/// is written only for an http(s) URL, escaped as an attribute.
public enum HTMLReport {
    /// The page's Content-Security-Policy, with `images` as the only image sources (`data:` for
    /// the file's inline charts, `cid:` too for the mailed one, whose charts are message parts).
    static func policy(images: String) -> String {
        "default-src 'none'; style-src 'unsafe-inline'; img-src \(images); base-uri 'none'; form-action 'none'"
    }

    /// Where a chart goes: its title and SVG in, the HTML that shows it out. The file report
    /// keeps the SVG inline; the mailed one puts an `<img src="cid:…">` in its place.
    public typealias ChartPlacement = (_ title: String, _ svg: String) -> String

    public static func render(_ doc: ReportDocument, _ lang: ReportLanguage, images: String = "data:",
                              chart: ChartPlacement = { _, svg in svg }) -> String {
        let c = doc.comparison
        let title = lang.t("Weekly reputation report") + " " + c.week
        var out = """
        <!DOCTYPE html>
        <html lang="\(lang.code)"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(policy(images: images))">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLRenderer.escape(title))</title>
        <style>
        body{font:14px/1.45 system-ui,sans-serif;color:#222;margin:24px auto;max-width:1100px;padding:0 16px}
        h1{font-size:24px;margin-bottom:4px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}
        table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;vertical-align:top;text-align:left}
        td.n{text-align:right}th{background:#f4f4f4}.meta{color:#555}blockquote{border-left:4px solid #c0392b;margin:10px 0;padding:4px 12px;background:#fafafa}
        blockquote.helpful{border-color:#27ae60}.headline{font-size:16px;border-left:4px solid #2c3e50;padding:2px 14px;margin:14px 0}.headline p{margin:6px 0}.cards{display:flex;flex-wrap:wrap;gap:0 24px}
        .scroll{overflow-x:auto;max-width:100%}
        .warning{border:1px solid #e67e22;background:#fdf2e9;padding:4px 12px;margin:12px 0}.chart{display:block;margin:8px 0;max-width:100%;height:auto}
        @media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}table,svg,blockquote{break-inside:avoid}}
        </style>
        </head><body>
        <h1>\(HTMLRenderer.escape(title))</h1>
        <p class="meta">\(HTMLRenderer.escape("\(lang.t("Week")) \(c.week) (\(lang.weekSpan(c.week))) · \(lang.t("Window")) \(c.windowWeeks.first ?? "")…\(c.week) (\(c.windowWeeks.count) \(lang.t("weeks"))) · \(lang.t("Generated")) \(doc.generated(lang))"))</p>
        \(headline(doc, lang))<p class="meta">\(HTMLRenderer.escape(lang.t("How to read") + ": " + lang.t("▲/▼ significant at 95% (two-proportion z for shares, Welch t for means, NPS variance for NPS and net stars); ≈ within noise; ? too few data to test.")))</p>

        """
        if let warning = doc.quietWarning(lang) {
            out += "<div class=\"warning\"><p><strong>\(HTMLRenderer.escape(warning.title))</strong></p><ul>"
                + warning.lines.map { "<li>" + HTMLRenderer.escape($0) + "</li>" }.joined() + "</ul></div>\n"
        }
        let sections = ComparisonTables.sections(c, lang)
        func section(_ key: String) -> String {
            guard let s = sections.first(where: { $0.title == lang.t(key) }) else { return "" }
            return "<h2>\(HTMLRenderer.escape(s.title))</h2>\n" + scrolling(s.table)
                + (ComparisonTables.note(for: s.title, c, lang).map { "<p>" + HTMLRenderer.escape($0) + "</p>\n" } ?? "")
        }
        out += section("Portal ratings by location")
        if c.cells.isEmpty {
            out += "<p>\(HTMLRenderer.escape(lang.t("No reviews in this window.")))</p>\n"
        }
        out += charts(c, lang, chart)
        out += section("Competitors") + section("Rank")
        if !c.competitors.isEmpty { out += competitorChart(c, lang, chart) }
        out += section("Internal metrics (surveys and helpdesk)")
        out += responseChart(c, lang, chart)
        out += section("Does the portal lead CSAT?") + section("Published benchmarks") + section("Coverage")
        out += notable(doc.notableReviews, lang)
        return out + "</body></html>\n"
    }

    /// The opening: the headline's sentences, the scorecards, and the terms they use.
    static func headline(_ doc: ReportDocument, _ lang: ReportLanguage) -> String {
        guard let h = doc.headline else { return "" }
        var out = "<section class=\"headline\">" + HeadlineText.sentences(h, lang, topicNames: doc.topicNames)
            .map { "<p>" + HTMLRenderer.escape($0) + "</p>" }.joined() + "</section>\n<div class=\"cards\">"
        if !h.emptyWeek { out += scrolling(HeadlineText.scorecard(h, lang)) }
        if let c = h.complaints { out += scrolling(HeadlineText.complaintCard(c, lang)) }
        return out + "</div>\n<p class=\"meta\">" + HTMLRenderer.escape(HeadlineText.terms(lang)) + "</p>\n"
    }

    /// A table in a box that scrolls sideways on its own, so a wide table never widens the page
    /// on a phone.
    static func scrolling(_ table: DataTable) -> String {
        "<div class=\"scroll\">" + HTMLRenderer.fragment(table) + "</div>"
    }

    static func place(_ l: String, _ lang: ReportLanguage) -> String { ComparisonTables.place(l, lang) }


    /// Our trend series' locations, in the comparison's order, each once.
    static func ourLocations(_ c: Comparison) -> [String] {
        var seen = Set<String>()
        return c.trends.filter { $0.name == "us" && seen.insert($0.location).inserted }.map(\.location)
    }

    static func charts(_ c: Comparison, _ lang: ReportLanguage, _ chart: ChartPlacement) -> String {
        let ours = ourLocations(c)
        func point(_ l: String, _ w: String) -> TrendPoint? { c.trends.first { $0.name == "us" && $0.location == l && $0.week == w } }
        let series = ours.map { l in (name: place(l, lang), values: c.windowWeeks.map { point(l, $0)?.mean100 }) }
        let counts = ours.map { l in c.windowWeeks.map { point(l, $0)?.reviews ?? 0 } }
        let title = lang.t("Trend of the average (0-100), {n} weeks", n: c.windowWeeks.count)
        var out = "<h2>\(HTMLRenderer.escape(title))</h2>\n"
        out += chart(title, SVGChart.lines(title: title, xLabels: c.windowWeeks.map { String($0.suffix(3)) },
                                          series: series, yMin: 0, yMax: 100, counts: counts,
                                          sparseNote: lang.t("hollow, dashed: under 5 reviews"))) + "\n"
        let dist = c.cells.filter { $0.portal == Comparer.all && $0.week.distribution != nil }
            .map { (label: place($0.location, lang) + " (n \($0.week.rated))", counts: $0.week.distribution!) }
        if !dist.isEmpty {
            out += "<h2>\(HTMLRenderer.escape(lang.t("Star distribution")))</h2>\n"
            out += chart(lang.t("Star distribution"), SVGChart.distribution(title: lang.t("Star distribution"), items: dist)) + "\n"
        }
        return out
    }

    static func competitorChart(_ c: Comparison, _ lang: ReportLanguage, _ chart: ChartPlacement) -> String {
        // A location ranked on more than one set of portals says which bar is which.
        let groups = Dictionary(grouping: c.ranks, by: \.location).mapValues { Set($0.map(\.group)).count }
        let items = c.ranks.map { r in
            (label: place(r.location, lang) + " · " + (r.name == "us" ? lang.t("us") : r.name)
                + ((groups[r.location] ?? 1) > 1 ? " (" + r.portal + ")" : ""), value: r.bayesian,
             note: lang.number(r.bayesian, 1) + " (n \(r.reviews))")
        }
        let title = lang.t("Us versus competitors (Bayesian average, 0-100)")
        return "<h2>\(HTMLRenderer.escape(title))</h2>\n" + chart(title, SVGChart.bars(title: title, items: items, maxValue: 100)) + "\n"
    }

    static func responseChart(_ c: Comparison, _ lang: ReportLanguage, _ chart: ChartPlacement) -> String {
        let ours = ourLocations(c)
        let series = ours.map { l in
            (name: place(l, lang), values: c.windowWeeks.map { w in
                c.trends.first { $0.name == "us" && $0.location == l && $0.week == w }?.responseTimeMedian.map { $0 / 60 } })
        }
        let top = max(24, (series.flatMap { $0.values.compactMap { $0 } }.max() ?? 24).rounded(.up))
        let title = lang.t("Response time trend (median, hours)")
        return "<h2>\(HTMLRenderer.escape(title))</h2>\n"
            + chart(title, SVGChart.lines(title: title, xLabels: c.windowWeeks.map { String($0.suffix(3)) }, series: series, yMin: 0, yMax: top,
                                          yUnit: " h")) + "\n"
    }

    static func notable(_ reviews: [NotableReview], _ lang: ReportLanguage) -> String {
        guard !reviews.isEmpty else { return "" }
        var out = "<h2>\(HTMLRenderer.escape(lang.t("Notable reviews of the week")))</h2>\n"
        for kind in ["most_negative", "most_helpful"] {
            let group = reviews.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            out += "<h3>\(HTMLRenderer.escape((kind == "most_negative" ? lang.t("Most negative") : lang.t("Most helpful"))))</h3>\n"
            for r in group {
                let stars = r.rating.map { lang.number($0, 0) + "/" + (r.scale.split(separator: "-").last.map(String.init) ?? "") } ?? "–"
                var meta = "\(stars) · \(r.portal) · \(place(r.location, lang)) · \(r.author) · \(r.createdAt ?? "")"
                if let v = r.helpfulVotes, v > 0 { meta += " · \(v) \(lang.t("helpful votes"))" }
                out += "<blockquote class=\"\(kind == "most_negative" ? "negative" : "helpful")\" lang=\"\(HTMLRenderer.escape(r.language))\">"
                if !r.title.isEmpty { out += "<strong>\(HTMLRenderer.escape(r.title))</strong><br>" }
                out += HTMLRenderer.escape(r.text) + "<br><small>" + HTMLRenderer.escape(meta)
                if let href = safeLink(r.url) { out += " · <a href=\"\(HTMLRenderer.escape(href))\" rel=\"noopener noreferrer\">\(HTMLRenderer.escape(lang.t("link")))</a>" }
                out += "</small></blockquote>\n"
            }
        }
        return out
    }

    /// The URL when it is an absolute http(s) URL without spaces or controls, else nil
    /// (`javascript:`, `data:` and relative links are never written).
    static func safeLink(_ url: String) -> String? {
        guard let c = URLComponents(string: url), let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              c.host?.isEmpty == false, !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        return url
    }
}
