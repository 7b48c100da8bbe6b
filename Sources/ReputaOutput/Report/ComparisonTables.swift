import ReputaAnalysis
import ReputaCore

/// The comparison as data tables: titled sections for reading (table, md, html), and one long
/// table for CSV and spreadsheets, where every value is its own number cell.
public enum ComparisonTables {
    public static func sections(_ c: Comparison, _ lang: ReportLanguage) -> [(title: String, table: DataTable)] {
        var out: [(String, DataTable)] = [(lang.t("Portal ratings by location"), grid(c.cells, lang))]
        if !c.competitors.isEmpty {
            out.append((lang.t("Competitors"), competitors(c, lang)))
            out.append((lang.t("Rank"), ranks(c, lang)))
        }
        if !c.internalCells.isEmpty { out.append((lang.t("Internal metrics (surveys and helpdesk)"), internalTable(c, lang))) }
        if !c.correlations.isEmpty { out.append((lang.t("Does the portal lead CSAT?"), correlations(c, lang))) }
        if !c.benchmarks.isEmpty { out.append((lang.t("Published benchmarks"), benchmarks(c, lang))) }
        if !c.coverage.isEmpty { out.append((lang.t("Coverage"), coverage(c, lang))) }
        return out
    }

    static func place(_ location: String, _ lang: ReportLanguage) -> String {
        location == Comparer.all ? lang.t("all") : location.isEmpty ? "(—)" : location
    }

    static func grid(_ cells: [PortalCell], _ lang: ReportLanguage) -> DataTable {
        DataTable(columns: [lang.t("Location"), lang.t("Portal"), lang.t("Reviews"), lang.t("Average"), lang.t("Top-2-box"),
                            lang.t("Net stars"), lang.t("Bayesian (0-100)"), lang.t("Replied"), lang.t("Response time (median)"),
                            lang.t("Change vs previous week")],
                  rows: cells.map { c in
                      let w = c.week
                      let portal = (c.portal == Comparer.all ? lang.t("all portals") : c.portal)
                          + (c.cappedSources.isEmpty ? "" : " (\(lang.t("capped source")))")
                      return [.text(place(c.location, lang)), .text(portal), .integer(w.reviews),
                              .text(w.reviews == 0 ? lang.t("no data this week") : average(w, lang)),
                              .text(lang.percent(w.topTwo.value)), .text(lang.number(w.netStars.value, 0)),
                              .text(lang.number(w.bayesian, 1)), .text(lang.percent(w.responseRate.value)),
                              .text(lang.duration(minutes: w.responseTimeMedian.value)),
                              .text(weekChange(c, lang))]
                  })
    }

    /// The week's change in the average (stars on one scale, else 0–100 points) and in the
    /// top-2-box share (percentage points), each with its test's marker: `−0.17★ ≈ · top-2 −6.5 pts ≈`.
    static func weekChange(_ c: PortalCell, _ lang: ReportLanguage) -> String {
        let average: String
        if let scale = c.week.scale, scale == c.previous.scale, scale != "0-100" {
            average = lang.change(Formulas.difference(c.week.mean, c.previous.mean, test: .welch), decimals: 2, unit: "★")
        } else {
            average = lang.change(c.weekOverWeek.first { $0.metric == "mean_0_100" }?.difference, unit: " " + lang.t("pts") + " (0-100)")
        }
        return average + " · top-2 " + lang.change(c.weekOverWeek.first { $0.metric == "top2_pct" }?.difference, unit: " " + lang.t("pts"))
    }

    /// `4.21 (1-5, n 31)` or, for pooled scales, the 0–100 mean.
    static func average(_ f: PortalFigures, _ lang: ReportLanguage) -> String {
        if let v = f.mean.value, let s = f.scale { return lang.number(v, 2) + " (\(s), n \(f.rated))" }
        return lang.number(f.mean100.value, 1) + " (0-100, n \(f.rated))"
    }

    static func competitors(_ c: Comparison, _ lang: ReportLanguage) -> DataTable {
        DataTable(columns: [lang.t("Competitor"), lang.t("Location"), lang.t("Portal"), lang.t("Reviews"), lang.t("Average"),
                            lang.t("Top-2-box"), lang.t("Bayesian (0-100)"), lang.t("Replied"),
                            "top-2 " + lang.t("versus us"), "0-100 " + lang.t("versus us")],
                  rows: c.competitors.map { x in
                      [.text(x.competitor), .text(place(x.location, lang)), .text(portalBasis(x.portal, ours: x.ourPortal, cross: x.crossPortal, lang)),
                       .integer(x.week.reviews),
                       .text(x.week.reviews == 0 ? lang.t("no data this week") : average(x.week, lang)),
                       .text(lang.percent(x.week.topTwo.value)), .text(lang.number(x.week.bayesian, 1)),
                       .text(lang.percent(x.week.responseRate.value)),
                       .text(lang.change(x.versusUs.first { $0.metric == "top2_pct" }?.difference)),
                       .text(lang.change(x.versusUs.first { $0.metric == "mean_0_100" }?.difference))]
                  })
    }

    static func ranks(_ c: Comparison, _ lang: ReportLanguage) -> DataTable {
        DataTable(columns: [lang.t("Location"), lang.t("Rank"), lang.t("Competitor"), lang.t("Portal"), lang.t("Bayesian (0-100)"),
                            lang.t("Reviews")],
                  rows: c.ranks.map { r in
                      [.text(place(r.location, lang)), r.rank.map { .integer($0) } ?? .null, .text(r.name == "us" ? lang.t("us") : r.name),
                       .text(r.portal + (r.crossPortal && r.name == "us" ? " (" + lang.t("cross-portal") + ")" : "")),
                       .text(lang.number(r.bayesian, 1)), .integer(r.reviews)]
                  })
    }

    /// A competitor's portal, and ours it is compared with when they differ: `tripadvisor
    /// (cross-portal: ours on google+trustpilot)`.
    static func portalBasis(_ portal: String, ours: String?, cross: Bool?, _ lang: ReportLanguage) -> String {
        guard cross == true, let ours else { return portal }
        return portal + " (" + lang.t("cross-portal: ours on") + " " + ours + ")"
    }

    static func internalTable(_ c: Comparison, _ lang: ReportLanguage) -> DataTable {
        DataTable(columns: [lang.t("Location"), lang.t("Metric"), lang.t("Scale"), lang.t("This week"), "n", lang.t("95% CI"),
                            lang.t("Previous week"), lang.t("Change vs previous week"), lang.t("Detail")],
                  rows: c.internalCells.map { i in
                      let time = i.metric.hasSuffix("_time")
                      func show(_ f: Figure) -> String {
                          guard f.n > 0 else { return lang.t("no data this week") }
                          return time ? lang.duration(minutes: f.value) : lang.number(f.value, i.metric.hasSuffix("_mean") ? 2 : 1)
                      }
                      let ci = i.week.ciLow.map { lo in
                          time ? lang.duration(minutes: lo) + "–" + lang.duration(minutes: i.week.ciHigh)
                              : lang.number(lo, 1) + "–" + lang.number(i.week.ciHigh, 1)
                      } ?? "–"
                      let change = time ? lang.durationChange(i.weekOverWeek) : lang.change(i.weekOverWeek)
                      return [.text(place(i.location, lang)), .text(MetricWords.name(i.metric, lang)), .text(MetricWords.scale(i.scale, lang)),
                              .text(show(i.week)), .integer(i.week.n), .text(ci), .text(show(i.previous)),
                              .text(change), .text(MetricWords.detail(i.detail, lang))]
                  })
    }

    static func correlations(_ c: Comparison, _ lang: ReportLanguage) -> DataTable {
        DataTable(columns: [lang.t("Location"), "CSAT " + lang.t("Scale"), lang.t("Lag (weeks)"), "r", "n", lang.t("95% CI"),
                            lang.t("p (Holm)")],
                  rows: c.correlations.map { k in
                      [.text(place(k.location, lang)), .text(k.csatScale), .integer(k.lag), .text(lang.number(k.r.value, 2)),
                       .integer(k.r.n), .text(k.r.ciLow.map { lang.number($0, 2) + "–" + lang.number(k.r.ciHigh, 2) } ?? "–"),
                       .text(k.adjustedP.map { lang.number($0, 3) } ?? lang.t("too few weeks"))]
                  })
    }

    /// The sentence under a section's table, where it has one: the lead/lag verdict.
    public static func note(for title: String, _ c: Comparison, _ lang: ReportLanguage) -> String? {
        if title == lang.t("Portal ratings by location") {
            return lang.t("Top-2-box: the share of reviews in the scale's two highest points (4–5★). Net stars: that share minus the share in the two lowest (1–2★). Bayesian: the 0–100 average pulled towards the mean of every review of the week as if {n} more reviews had that mean, so a handful of reviews cannot look best or worst. Replied: the share of the week's reviews with the business's public reply.",
                          n: Int(c.priorWeight.rounded()))
        }
        return title == lang.t("Does the portal lead CSAT?") ? leadVerdict(c, lang) : nil
    }

    /// What the lag correlations say, after Holm's correction for testing them together.
    static func leadVerdict(_ c: Comparison, _ lang: ReportLanguage) -> String? {
        guard !c.correlations.isEmpty else { return nil }
        let tested = c.correlations.filter { $0.adjustedP != nil }
        guard !tested.isEmpty else {
            return lang.t("Too few weeks with both portal reviews and CSAT answers (at least {n} pairs) to say whether one leads the other.",
                          n: LagCorrelation.minimumWeeks)
        }
        let found = tested.filter { $0.adjustedP! < 0.05 }
        guard !found.isEmpty else {
            return lang.t("No lead or lag beyond noise: none of the {n} correlations tested stays significant once corrected for testing them together (Holm); read r as a description only.",
                          n: tested.count)
        }
        return found.map { k -> String in
            let one = abs(k.lag) == 1
            let how = k.lag > 0 ? (one ? lang.t("CSAT follows the portal's top-2-box by one week")
                                       : lang.t("CSAT follows the portal's top-2-box by {n} weeks", n: k.lag))
                : k.lag < 0 ? (one ? lang.t("the portal's top-2-box follows CSAT by one week")
                                   : lang.t("the portal's top-2-box follows CSAT by {n} weeks", n: -k.lag))
                : lang.t("the portal's top-2-box and CSAT move together in the same week")
            return place(k.location, lang) + ": " + how + " (r " + lang.number(k.r.value, 2) + ", " + lang.t("p (Holm)") + " "
                + lang.number(k.adjustedP, 3) + ")"
        }.joined(separator: "; ") + "."
    }

    static func benchmarks(_ c: Comparison, _ lang: ReportLanguage) -> DataTable {
        DataTable(columns: [lang.t("Metric"), lang.t("Scale"), lang.t("Subject"), lang.t("Value"), lang.t("Ours"),
                            lang.t("Verdict"), lang.t("Source"), lang.t("Year"), lang.t("Method")],
                  rows: c.benchmarks.map { b in
                      let m = b.benchmark
                      let ours = b.ours.map { f in lang.number(f.value, 1) + (f.ciLow.map { " (" + lang.number($0, 1) + "–" + lang.number(f.ciHigh, 1) + ")" } ?? "") } ?? "–"
                      return [.text(MetricWords.name(m.metric, lang) + (m.portal.isEmpty ? "" : " (\(m.portal))")), .text(m.scale), .text(m.subject),
                              .text(lang.number(m.value, 1)), .text(ours), .text(b.refusal.map { MetricWords.detail($0, lang) } ?? b.verdict.map(lang.t) ?? ""),
                              .text(m.source), .integer(m.year), .text(m.method)]
                  })
    }

    static func coverage(_ c: Comparison, _ lang: ReportLanguage) -> DataTable {
        DataTable(columns: [lang.t("Source"), lang.t("Stored"), lang.t("Portal total"), "%", lang.t("Cap per fetch"), lang.t("Earliest")],
                  rows: c.coverage.map { s in
                      [.text(s.source), .integer(s.stored), s.portalTotal.map { .integer($0) } ?? .null,
                       .text(lang.percent(s.percent)), s.routeCap.map { .integer($0) } ?? .null, .text(s.earliest ?? "")]
                  })
    }

    /// One row per figure: section, location, portal, competitor, metric, scale, value, n, 95 %
    /// interval, previous week's value, the change and its verdict and test. Numbers stay numbers.
    public static func long(_ c: Comparison) -> DataTable {
        var rows: [[DataTable.Cell]] = []
        func num(_ v: Double?) -> DataTable.Cell { v.map { .number(($0 * 100).rounded() / 100) } ?? .null }
        func add(_ section: String, _ location: String, _ portal: String, _ competitor: String, _ metric: String, _ scale: String,
                 _ f: Figure, _ previous: Figure?, _ d: Difference?, _ detail: String = "") {
            rows.append([.text(section), .text(location), .text(portal), .text(competitor), .text(metric), .text(scale),
                         num(f.value), .integer(f.n), num(f.ciLow), num(f.ciHigh), num(previous?.value), num(d?.delta),
                         .text(d?.verdict.rawValue ?? ""), .text(d?.test.rawValue ?? ""), .text(detail)])
        }
        for cell in c.cells + c.competitors {
            let section = cell.competitor.isEmpty ? "portal" : "competitor"
            let diffs = cell.competitor.isEmpty ? cell.weekOverWeek : cell.versusUs
            func d(_ m: String) -> Difference? { diffs.first { $0.metric == m }?.difference }
            let w = cell.week, p = cell.previous
            let note = cell.competitor.isEmpty ? "change: week over week" : "change: competitor minus us"
            add(section, cell.location, cell.portal, cell.competitor, "reviews", "count", Figure(value: Double(w.reviews), n: w.reviews),
                Figure(value: Double(p.reviews), n: p.reviews), nil)
            add(section, cell.location, cell.portal, cell.competitor, "mean_rating", w.scale ?? "", w.mean, p.mean, nil)
            add(section, cell.location, cell.portal, cell.competitor, "mean_0_100", "0-100", w.mean100, p.mean100, d("mean_0_100"), note)
            add(section, cell.location, cell.portal, cell.competitor, "top2_pct", "percent", w.topTwo, p.topTwo, d("top2_pct"), note)
            add(section, cell.location, cell.portal, cell.competitor, "net_stars", "-100..100", w.netStars, p.netStars, d("net_stars"), note)
            add(section, cell.location, cell.portal, cell.competitor, "bayesian_0_100", "0-100",
                Figure(value: w.bayesian, n: w.rated), nil, nil, "prior weight \(Renderer.plain(c.priorWeight))")
            add(section, cell.location, cell.portal, cell.competitor, "response_rate_pct", "percent", w.responseRate, p.responseRate,
                d("response_rate_pct"), note)
            add(section, cell.location, cell.portal, cell.competitor, "response_time", "minutes", w.responseTime, p.responseTime, nil)
            add(section, cell.location, cell.portal, cell.competitor, "response_time_median", "minutes", w.responseTimeMedian,
                p.responseTimeMedian, nil)
            if let dist = w.distribution {
                add(section, cell.location, cell.portal, cell.competitor, "star_distribution", w.scale ?? "",
                    Figure(value: nil, n: w.rated), nil, nil, dist.map(String.init).joined(separator: " "))
            }
        }
        for i in c.internalCells {
            add("internal", i.location, "", "", i.metric, i.scale, i.week, i.previous, i.weekOverWeek, i.detail)
        }
        for k in c.correlations {
            add("correlation", k.location, "", "", "pearson_r_lag_\(k.lag)", "csat " + k.csatScale, k.r, nil, nil)
        }
        for b in c.benchmarks {
            add("benchmark", "all", b.benchmark.portal, b.benchmark.subject, b.benchmark.metric, b.benchmark.scale,
                b.ours ?? .empty, Figure(value: b.benchmark.value, n: 0), nil,
                (b.refusal ?? b.verdict ?? "") + "; \(b.benchmark.source) \(b.benchmark.year), \(b.benchmark.method)")
        }
        return DataTable(columns: ["section", "location", "portal", "competitor", "metric", "scale", "value", "n", "ci_low",
                                   "ci_high", "previous", "change", "verdict", "test", "detail"], rows: rows)
    }
}
