import ArgumentParser
import Foundation
import ReputaAnalysis
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaOutput
import ReputaStore

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Internal customer metrics from surveys, helpdesk and customer counts, per period and segment.",
        discussion: """
        Rows carry metric, period, segment, value, n, ci_low, ci_high, scale and detail. Metrics: \
        csat_pct (top-2-box share, Wilson 95% interval), csat_mean (labelled mean, t interval), \
        csat_low_count (scores at or below the midpoint), css_pct, nps (promoters 9-10 minus \
        detractors 0-6, its own interval), ces_mean, ces_agree_pct (5-7 on 1-7), churn_pct \
        ((S-E)/S), retention_pct ((E-N)/S), conversion_pct (sales/visits), first_response_time, \
        first_assign_time, resolution_time (minutes; mean with _median and _p90 companions; \
        calendar and, where the export has it, business minutes as separate scales; unresolved \
        tickets are not averaged), fcr_pct (solved, no reopen, at most one agent reply), \
        health_score (0-100, the health: model; the detail gives band counts and each component). \
        A metric with no data in a period is absent or has n = 0, never a division by zero. \
        Answers on different scales are separate rows. Periods are ISO weeks, months or quarters \
        in the config's timezone; --since and --until are dates in that zone (inclusive).
        Exit codes: 0 ok, 1 store error, 64 usage.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Period: week (ISO), month or quarter.")
    var period: PeriodOption = .week

    @Option(help: ArgumentHelp("Group by this segment (location, channel, agent, group…).", valueName: "segment"))
    var by: String?

    @Option(help: ArgumentHelp("First day included (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Last day included (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only these metrics (repeatable), e.g. --metric nps.", valueName: "name"))
    var metric: [String] = []

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Headers, scales, details and numbers of table, md and html: en or it (default: report.lang); json and csv keep ids and English details.",
                               valueName: "lang"))
    var lang: String?

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let zone = TimeZone(identifier: config?.timezone ?? "Europe/Rome") ?? .gmt
            func day(_ text: String?, _ option: String) throws -> Day? {
                guard let text else { return nil }
                guard let d = Day(text) else { throw ValidationError("\(option) \"\(text)\" is not a YYYY-MM-DD date") }
                return d
            }
            let request = MetricsRequest(period: period.value, by: by, since: try day(since, "--since"),
                                         until: try day(until, "--until"), zone: ZoneOffsets.of(zone),
                                         health: config?.health ?? .standard)
            let store = try global.openStore(config)
            var rows = try InternalMetrics.rows(store: store, request: request)
            if !metric.isEmpty { rows = rows.filter { metric.contains($0.metric) } }
            let language = try ReportLanguage.option(lang, config: config)
            Console.out(Renderer.render(MetricTable.make(rows, lang: [.json, .csv].contains(format) ? nil : language), as: format))
            return .ok
        }
    }
}

enum PeriodOption: String, ExpressibleByArgument, CaseIterable {
    case week, month, quarter
    var value: Period { Period(rawValue: rawValue)! }
}

/// Metric rows as a data table: numbers rounded for reading (2 decimals), n as an integer,
/// absent values as null.
enum MetricTable {
    static let columns = ["metric", "period", "segment", "value", "n", "ci_low", "ci_high", "scale", "detail"]

    /// The rows as data (`lang` nil: ids, bare numbers, English details) or for reading in `lang`
    /// (headers, scales and details in the language, numbers in its format).
    static func make(_ rows: [MetricRow], lang: ReportLanguage? = nil) -> DataTable {
        func number(_ v: Double?) -> DataTable.Cell {
            guard let v else { return .null }
            guard let lang, lang.code != "en" else { return .number((v * 100).rounded() / 100) }
            return .text(lang.decimal(v, upTo: 2))
        }
        return DataTable(columns: lang.map { l in columns.map { l.t($0) } } ?? columns, rows: rows.map { r in
            [.text(r.metric), .text(r.period), .text(r.segment), number(r.figure.value), .integer(r.figure.n),
             number(r.figure.ciLow), number(r.figure.ciHigh), .text(lang.map { MetricWords.scale(r.scale, $0) } ?? r.scale),
             .text(lang.map { MetricWords.detail(r.detail, $0) } ?? r.detail)]
        })
    }
}
