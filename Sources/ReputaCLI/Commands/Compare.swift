import ArgumentParser
import Foundation
import ReputaAnalysis
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaOutput
import ReputaStore

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The weekly comparison: portal ratings by location and portal, competitors, internal CSAT/NPS, benchmarks.",
        discussion: """
        For one ISO week (default: the last complete week in the config's timezone) and the trailing \
        window ending with it (default 12 weeks, `report.weeks`): average rating, star distribution, \
        0-100 mean, top-2-box, net stars, Bayesian average (prior: every review of the week, weight \
        `report.prior_weight`), volume, response rate and median response time per location x portal; \
        competitors beside us with our rank; survey and helpdesk metrics per location; the lagged \
        correlation of portal top-2-box with CSAT; published benchmarks of the same metric and scale. \
        Changes carry a marker: ▲/▼ significant at 95% (two-proportion z for shares, Welch t for means, \
        NPS variance for NPS and net stars), ≈ within noise, ? not testable. table and md print titled \
        sections; csv prints one row per figure (section, location, portal, competitor, metric, scale, \
        value, n, ci_low, ci_high, previous, change, verdict, test, detail); json prints the report \
        document (schema reputa.weekly-report/1).
        Exit codes: 0 ok, 1 store error, 64 usage or configuration error.
        """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var options: WeekOptions

    @Option(help: "Output format: table, json, csv or md.")
    var format: OutputFormat = .table

    func validate() throws {
        if format == .html { throw ValidationError("--format html: use `reputa report weekly --format html`") }
    }

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let language = try options.language(config: config)
            let request = try options.request(config: config, now: Timestamp(date: Date()))
            let store = try global.openStore(config)
            let inputs = try ComparisonLoader.inputs(store: store, config: config, request: request)
            guard let comparison = Comparer.compare(inputs, request) else { throw ValidationError("--week \(request.week)") }
            switch format {
            case .json:
                Console.out(try ReportDocument(comparison: comparison, notable: [], lang: language.code,
                                               generatedAt: Timestamp(date: Date())).json())
            case .csv:
                Console.out(Renderer.render(ComparisonTables.long(comparison), as: .csv))
            default:
                var out = "\(request.week) (\(comparison.windowWeeks.first!)…\(request.week))\n\n"
                if comparison.cells.isEmpty { out += language.t("No reviews in this window.") + "\n\n" }
                for (title, table) in ComparisonTables.sections(comparison, language) {
                    out += (format == .md ? "## " : "") + title + "\n\n" + Renderer.render(table, as: format) + "\n"
                    if let note = ComparisonTables.note(for: title, comparison, language) { out += note + "\n\n" }
                }
                Console.out(out)
            }
            return .ok
        }
    }
}

extension ReportLanguage {
    /// `--lang`, else the config's `report.lang`, else English.
    static func option(_ code: String?, config: Configuration?) throws -> ReportLanguage {
        let wanted = code ?? config?.report.lang ?? "en"
        guard let language = ReportLanguage.named(wanted) else {
            throw ValidationError("--lang \"\(wanted)\" is not a report language (en, it)")
        }
        return language
    }
}
