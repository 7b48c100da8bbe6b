import ReputaAnalysis
import ReputaCore

/// The report's opening in words: a few sentences a director reads in thirty seconds, and the
/// scorecard beneath them. Significance is carried by the words: a change the test tells from
/// noise is "up/down …, beyond noise"; one it cannot is "no change beyond noise (±…)".
public enum HeadlineText {
    /// The opening sentences, in `lang`.
    public static func sentences(_ h: ReportHeadline, _ lang: ReportLanguage, topicNames: [String: String] = [:]) -> [String] {
        var out: [String] = []
        let span = lang.weekSpan(h.week) + " (" + h.week + ")"
        if h.emptyWeek {
            out.append(span + ": " + lang.t("No reviews in this week.")
                       + (h.latestWeekWithReviews.map { " " + lang.t("The latest week with reviews is") + " " + $0 + " (" + lang.weekSpan($0) + ")." } ?? ""))
        } else {
            out.append(span + ": " + lang.t("average") + " " + figure(h, lang) + ".")
            var versus = lang.t("Against the previous week") + ": " + change(h.averageVsPrevious, h.scale, lang)
            if hasBaseline(h) {
                versus += "; " + lang.t("against the previous {n} weeks", n: h.baselineWeeks.count) + ": "
                    + change(h.averageVsBaseline, h.scale, lang)
            }
            out.append(versus + ".")
            var volume = lang.t("Volume") + ": " + lang.integer(h.reviews) + " " + lang.t("against") + " "
                + lang.integer(h.previousReviews) + " " + lang.t("the previous week") + " (" + volumeWords(h.volumeVsPrevious, lang) + ")"
            if hasBaseline(h), let perWeek = h.baselineReviewsPerWeek {
                volume += " " + lang.t("and") + " " + lang.number(perWeek, 1) + " "
                    + lang.t("a week in the previous {n} weeks", n: h.baselineWeeks.count) + " (" + volumeWords(h.volumeVsBaseline, lang) + ")"
            }
            if !h.cappedSources.isEmpty {
                volume += "; " + lang.t("capped sources (only their latest reviews can be fetched), whose earlier weeks may be short") + ": "
                    + h.cappedSources.joined(separator: ", ")
            }
            out.append(volume + ".")
            if let standing = standings(h, lang) { out.append(standing) }
        }
        if let c = h.complaints { out.append(complaints(c, lang, topicNames: topicNames)) }
        return out
    }

    /// The scorecard: our average and volume this week, the previous week and the baseline weeks.
    public static func scorecard(_ h: ReportHeadline, _ lang: ReportLanguage) -> DataTable {
        let unit = h.scale == "0-100" ? " (0-100)" : h.scale == "1-5" ? " (★, 1-5)" : " (" + h.scale + ")"
        let average: [DataTable.Cell] = [.text(lang.t("Average") + unit), .text(lang.number(h.average.value, 2)),
                                         .text(lang.number(h.previousAverage.value, 2))]
        let volume: [DataTable.Cell] = [.text(lang.t("Reviews")), .text(lang.integer(h.reviews)), .text(lang.integer(h.previousReviews))]
        guard hasBaseline(h) else {
            return DataTable(columns: ["", lang.t("This week"), lang.t("Previous week")], rows: [average, volume])
        }
        return DataTable(columns: ["", lang.t("This week"), lang.t("Previous week"),
                                   lang.t("Previous {n} weeks, a week", n: h.baselineWeeks.count)],
                         rows: [average + [.text(lang.number(h.baselineAverage.value, 2))],
                                volume + [.text(lang.number(h.baselineReviewsPerWeek, 1))]])
    }

    /// The complaints' scorecard: flagged, urgent, overdue, answered in time, median response.
    public static func complaintCard(_ c: ComplaintSummary, _ lang: ReportLanguage) -> DataTable {
        DataTable(columns: [lang.t("Complaints"), lang.t("This week")], rows: [
            [.text(lang.t("Flagged for an answer")), .text(lang.integer(c.flagged))],
            [.text(lang.t("of which urgent")), .text(lang.integer(c.urgent))],
            [.text(lang.t("Overdue now (any week)")), .text(lang.integer(c.overdue))],
            [.text(lang.t("Answered within the deadline")),
             .text(c.answeredInTime.n == 0 ? "–" : lang.percent(c.answeredInTime.value) + " (n " + lang.integer(c.answeredInTime.n) + ")")],
            [.text(lang.t("Response time (median)")), .text(lang.duration(minutes: c.responseMedian.value))],
        ])
    }

    /// The terms the opening uses, each explained once.
    public static func terms(_ lang: ReportLanguage) -> String {
        lang.t("Beyond noise: a change the test (Welch t for averages, a Poisson-rate test for volume) tells from chance at 95%; within noise: one it cannot. Rank: by Bayesian average (explained under the ratings table).")
    }

    /// The week's figure: `3.74★ on 72 reviews` (the headline's and the mail subject's).
    static func figure(_ h: ReportHeadline, _ lang: ReportLanguage) -> String {
        average(h.average.value, h.scale, lang) + " " + lang.t("on") + " " + lang.integer(h.reviews) + " "
            + lang.t(h.reviews == 1 ? "review" : "reviews")
    }

    /// `3.74★` on 1–5 stars, `8.50 (1-10)` on another scale, `68.4/100` pooled.
    static func average(_ value: Double?, _ scale: String, _ lang: ReportLanguage) -> String {
        scale == "0-100" ? lang.number(value, 1) + "/100" : lang.number(value, 2) + unit(scale)
    }

    /// What follows an average or a change on `scale`: `★` for stars, else the scale.
    static func unit(_ scale: String) -> String { scale == "1-5" ? "★" : " (" + scale + ")" }

    /// A baseline of two weeks or more (one week would be the previous week again).
    static func hasBaseline(_ h: ReportHeadline) -> Bool { h.baselineWeeks.count >= 2 }

    /// `up 0.30★, beyond noise`, `no change beyond noise (−0.17★)`, `−0.17★, too few reviews to tell`.
    static func change(_ d: Difference, _ scale: String, _ lang: ReportLanguage) -> String {
        guard let delta = d.delta else { return lang.t("nothing to compare with") }
        let size = lang.number(abs(delta), scale == "0-100" ? 1 : 2) + (scale == "0-100" ? " " + lang.t("points") : unit(scale))
        let signed = (delta > 0 ? "+" : delta < 0 ? "−" : "±") + size
        switch d.verdict {
        case .higher: return lang.t("up") + " " + size + ", " + lang.t("beyond noise")
        case .lower: return lang.t("down") + " " + size + ", " + lang.t("beyond noise")
        case .withinNoise: return lang.t("no change beyond noise") + " (" + signed + ")"
        case .untestable: return signed + ", " + lang.t("too few reviews to tell")
        }
    }

    static func volumeWords(_ d: Difference, _ lang: ReportLanguage) -> String {
        switch d.verdict {
        case .higher: lang.t("more, beyond noise")
        case .lower: lang.t("fewer, beyond noise")
        case .withinNoise: lang.t("no change beyond noise")
        case .untestable: lang.t("too few reviews to tell")
        }
    }

    /// `Rank among competitors (tripadvisor; cross-portal: ours on google+trustpilot): milano 1st
    /// of 2; roma 1st of 2, tied with …`: the portals said once when every location shares them,
    /// else beside each location; a cross-portal comparison always said to be one.
    static func standings(_ h: ReportHeadline, _ lang: ReportLanguage) -> String? {
        guard let first = h.standings.first else { return nil }
        func basis(_ s: ReportHeadline.Standing) -> String {
            s.competitorPortal + (s.crossPortal ? "; " + lang.t("cross-portal: ours on") + " " + s.ourPortal : "")
        }
        let shared = h.standings.allSatisfy { basis($0) == basis(first) }
        let parts = h.standings.map { s -> String in
            var part = s.location + " "
            if let rank = s.rank {
                part += lang.ordinal(rank) + " " + lang.t("of") + " " + lang.integer(s.of)
                if !s.tiedWith.isEmpty { part += ", " + lang.t("tied with") + " " + s.tiedWith.joined(separator: ", ") }
            } else {
                part += lang.t("not ranked (no reviews of ours this week)")
            }
            return shared ? part : part + " (" + basis(s) + ")"
        }
        return lang.t("Rank among competitors") + (shared ? " (" + basis(first) + ")" : "") + ": " + parts.joined(separator: "; ") + "."
    }

    static func complaints(_ c: ComplaintSummary, _ lang: ReportLanguage, topicNames: [String: String]) -> String {
        var parts = [lang.t("flagged for an answer") + " " + lang.integer(c.flagged) + " (" + lang.t("urgent") + " " + lang.integer(c.urgent) + ")",
                     lang.t("overdue now") + " " + lang.integer(c.overdue)]
        if c.answeredInTime.n > 0 {
            parts.append(lang.t("answered within the deadline") + " " + lang.percent(c.answeredInTime.value) + " ("
                         + lang.t("of") + " " + lang.integer(c.answeredInTime.n) + ")")
        }
        if c.responseMedian.value != nil {
            parts.append(lang.t("median response") + " " + lang.duration(minutes: c.responseMedian.value))
        }
        if !c.topTopics.isEmpty {
            parts.append(lang.t("top topics") + ": " + c.topTopics.map {
                (topicNames[$0.topic] ?? $0.topic) + " (" + lang.integer($0.flags) + ")"
            }.joined(separator: ", "))
        }
        return lang.t("Complaints") + ": " + parts.joined(separator: "; ") + "."
    }
}
