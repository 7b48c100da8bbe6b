import ArgumentParser
import Foundation
import ReputaAnalysis
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaNet
import ReputaOutput
import ReputaStore

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The main job: fetch every source, flag reviews that need an answer, summarize reviews per source and ISO week, show the latest week's internal metrics, and write the weekly report.",
        discussion: """
        The weekly report (HTML, the last complete ISO week, or --week) is written to report.out_dir \
        (default var/reports) and mailed when report.mail is configured.
        Flags are evaluated after the fetch, their alerts queued for every channel their routes name, \
        and the due alerts sent (notifications:). Flags routed to a channel notifications: does not \
        define are a warning (reputa alerts --status undeliverable lists them), not a failure.
        Exit codes as for fetch: 0 ok, 2 some sources failed, 1 all failed, 4 report written but not \
        mailed or an alert not delivered (kept for retry), 64 configuration error.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format for the summaries: table, json, csv, md or html.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("ISO week of the weekly report (default: the last complete week).", valueName: "week"))
    var week: String?

    func run() throws {
        try guarded {
            let config = try global.loadConfig()
            let context = try global.context(config, create: true)
            let store = context.store
            let outcomes = try SourceRunner.fetch(context, only: [])
            Console.out("Fetch\n" + Renderer.render(FetchTable.table(outcomes), as: format) + "\n")
            let weeks = try store.weeklySummary()
            let table = DataTable(columns: ["source", "week", "reviews", "mean_rating", "mean_0_100", "replied"],
                                  rows: weeks.map { w in
                                      [.text(w.source), .text(w.week), .integer(w.count),
                                       w.meanRating.map { .number(($0 * 100).rounded() / 100) } ?? .null,
                                       w.meanRating100.map { .number(($0 * 10).rounded() / 10) } ?? .null,
                                       .integer(w.replied)]
                                  })
            Console.out("Reviews per source and ISO week\n" + Renderer.render(table, as: format) + "\n")
            if let (week, rows) = try InternalMetrics.latestWeek(store: store, config: config) {
                Console.out("Internal metrics, \(week), by location (reputa metrics for more)\n"
                            + Renderer.render(MetricTable.make(rows), as: format) + "\n")
            }
            let now = Clock.now()
            let reaction = try Reaction.run(context, now: now, deliver: true)
            Reaction.lines(reaction, config: config, always: true).forEach(Console.err)
            let open = try store.flags(FlagQuery(status: .open))
            Console.out("Open flags (reputa flags for all, reputa flags show ID for one)\n"
                        + Renderer.render(FlagTable.make(open, columns: format == .table ? FlagTable.tableColumns : FlagTable.columns,
                                                         now: now, zone: config.timezone), as: format) + "\n")
            let request = try ComparisonLoader.request(week: week, weeks: nil, location: nil, config: config, now: now)
            let report = try WeeklyReport.build(store: store, config: config, request: request,
                                                language: try ReportLanguage.option(nil, config: config), now: now)
            let path = try report.keep(try report.render(.html), in: config.report.outDir ?? ReportSettings.defaultOutDir,
                                       format: .html, now: now)
            Console.out("store: \(TerminalText.visible(store.place))\nsnapshots: \(TerminalText.visible(config.snapshots))\n"
                        + "weekly report (\(request.week)): \(TerminalText.visible(path))\n")
            var undelivered = (reaction.delivery?.failed ?? 0) > 0
            let sent = WeeklyReport.mailAll(report, store: store, config: config, request: request, now: now,
                                                keepIn: config.report.outDir ?? ReportSettings.defaultOutDir, format: .html)
            sent.lines.forEach { Console.err("reputa: " + $0) }
            sent.failures.forEach { Console.err("reputa: \($0)") }
            if !sent.failures.isEmpty { undelivered = true }
            let status = SourceRunner.status(outcomes)
            return status == .ok && undelivered ? .undelivered : status
        }
    }
}
