import ReputaAnalysis
import ReputaCore

/// The weekly report as Markdown for email and chat: the same sections as the HTML report,
/// without charts; review quotes escaped like every other Markdown cell, links only for http(s).
public enum MarkdownReport {
    public static func render(_ doc: ReportDocument, _ lang: ReportLanguage) -> String {
        let c = doc.comparison
        var out = "# " + MarkdownRenderer.escape(doc.title(lang)) + "\n\n"
        out += MarkdownRenderer.escape("\(lang.t("Window")) \(c.windowWeeks.first ?? "")…\(c.week) · \(lang.t("Generated")) \(doc.generated(lang))") + "\n\n"
        if let h = doc.headline {
            out += HeadlineText.sentences(h, lang, topicNames: doc.topicNames).map { MarkdownRenderer.escape($0) + "\n" }.joined() + "\n"
            if !h.emptyWeek { out += MarkdownRenderer.render(HeadlineText.scorecard(h, lang)) + "\n" }
            if let c = h.complaints { out += MarkdownRenderer.render(HeadlineText.complaintCard(c, lang)) + "\n" }
            out += MarkdownRenderer.escape(HeadlineText.terms(lang)) + "\n\n"
        }
        out += MarkdownRenderer.escape(lang.t("How to read") + ": " + lang.t("▲/▼ significant at 95% (two-proportion z for shares, Welch t for means, NPS variance for NPS and net stars); ≈ within noise; ? too few data to test.")) + "\n\n"
        if let warning = doc.quietWarning(lang) {
            out += "**" + MarkdownRenderer.escape(warning.title) + "**\n\n" + warning.lines.map { "- " + MarkdownRenderer.escape($0) + "\n" }.joined() + "\n"
        }
        for (title, table) in ComparisonTables.sections(c, lang) {
            out += "## " + MarkdownRenderer.escape(title) + "\n\n" + MarkdownRenderer.render(table) + "\n"
            if let note = ComparisonTables.note(for: title, c, lang) { out += MarkdownRenderer.escape(note) + "\n\n" }
        }
        if !doc.notableReviews.isEmpty {
            out += "## " + MarkdownRenderer.escape(lang.t("Notable reviews of the week")) + "\n\n"
            for r in doc.notableReviews {
                let head = (r.kind == "most_negative" ? lang.t("Most negative") : lang.t("Most helpful"))
                let stars = r.rating.map { lang.number($0, 0) } ?? "–"
                out += "> **\(MarkdownRenderer.escape(head))** · \(stars)★ · \(MarkdownRenderer.escape(r.portal)) · \(MarkdownRenderer.escape(ComparisonTables.place(r.location, lang)))\n"
                out += "> " + MarkdownRenderer.escape((r.title.isEmpty ? "" : r.title + " — ") + r.text) + "\n"
                if let link = HTMLReport.safeLink(r.url) { out += "> <\(link.replacingOccurrences(of: ">", with: "%3E"))>\n" }
                out += "\n"
            }
        }
        return out
    }
}
