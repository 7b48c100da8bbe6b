import ReputaAnalysis
import ReputaCore

/// The weekly report as mail: its subject with the headline figure, and its HTML with each chart
/// an `<img src="cid:…">` whose SVG the sender draws as PNG (`ChartRaster`) and attaches.
public enum MailReport {
    public struct Chart: Sendable {
        public var contentID: String
        public var title: String
        public var svg: String
    }

    /// `Weekly reputation report 2026-W47 (16–22 Nov 2026): 3.74★ on 72 reviews`, or `: no
    /// reviews` for an empty week.
    public static func subject(_ doc: ReportDocument, _ lang: ReportLanguage) -> String {
        var subject = doc.title(lang)
        if let h = doc.headline { subject += ": " + (h.emptyWeek ? lang.t("no reviews") : HeadlineText.figure(h, lang)) }
        return subject
    }

    /// The HTML report with its charts as `cid:` images named `chartN.<token>@reputa`, and the
    /// charts in the order they appear.
    public static func html(_ doc: ReportDocument, _ lang: ReportLanguage, token: String) -> (html: String, charts: [Chart]) {
        var charts: [Chart] = []
        let html = HTMLReport.render(doc, lang, images: "data: cid:") { title, svg in
            let cid = "chart\(charts.count + 1).\(token)@reputa"
            charts.append(Chart(contentID: cid, title: title, svg: svg))
            return "<img class=\"chart\" src=\"cid:\(cid)\" alt=\"\(HTMLRenderer.escape(title))\" width=\"720\" style=\"max-width:100%;height:auto\">"
        }
        return (html, charts)
    }
}
