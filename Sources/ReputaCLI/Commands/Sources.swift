import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaIngest
import ReputaOutput
import ReputaStore

struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Show each source's coverage: reviews held, date span, the portal's own total, the route's cap, last success and error.",
        discussion: """
        coverage is held ÷ portal_total when the portal states its total. partial is "yes" when \
        the store cannot hold the portal's full history: the route is capped (App Store feed \
        500 per storefront, Yelp API 3, Tripadvisor API 5) or fewer reviews are held than the \
        portal says it has. status: ok; stale when the newest review is older than stale_after_days \
        (the source's `stale_after`, else the larger of 7 days and 3 times the mean gap between its \
        reviews); failing when its last fetch failed; empty when it holds nothing. \
        Exit codes: 0 ok, 1 store error, 64 configuration error.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    func run() throws {
        try guarded {
            let config = try global.loadConfig()
            let store = try global.openStore(config)
            let held = try store.holdings()
            let states = Dictionary(uniqueKeysWithValues: try store.sourceStates().map { ($0.source, $0) })
            let freshness = Dictionary(uniqueKeysWithValues: SourceFreshness.assess(config, holdings: held, states: states, now: Clock.now())
                .map { ($0.source, $0) })
            let rows: [[DataTable.Cell]] = config.sources.map { entry in
                let d = entry.descriptor
                let h = held[d.name]
                let s = states[d.name]
                let count = h?.reviews ?? 0
                let cap = entry.routeCap
                let partial = Self.isPartial(held: count, portalTotal: s?.portalTotal, routeCap: cap)
                let fresh = freshness[d.name]
                func days(_ seconds: Int64?) -> DataTable.Cell { seconds.map { .number((Double($0) / 8640).rounded() / 10) } ?? .null }
                return [.text(d.name), .text(fresh?.status.rawValue ?? "ok"), .text(d.kind), .text(d.portal), .text(d.location), .integer(count),
                        h?.earliest.map { .text($0) } ?? .null, h?.latest.map { .text($0) } ?? .null,
                        s?.portalTotal.map { .integer($0) } ?? .null, cap.map { .integer($0) } ?? .null,
                        s?.portalTotal.flatMap { $0 > 0 ? .number((Double(count) / Double($0) * 1000).rounded() / 10) : nil } ?? .null,
                        .text(partial ? "yes" : "no"),
                        days(fresh?.newestAge), days(fresh?.staleAfter),
                        s?.lastSuccessAt.map { .text($0) } ?? .null, s?.lastError.map { .text($0) } ?? .null]
            }
            let table = DataTable(columns: ["source", "status", "kind", "portal", "location", "held", "earliest", "latest",
                                            "portal_total", "route_cap", "coverage_pct", "partial", "newest_age_days", "stale_after_days",
                                            "last_success", "last_error"],
                                  rows: rows)
            Console.out(Renderer.render(table, as: format))
            return .ok
        }
    }

    /// The store holds less than the portal's whole history.
    static func isPartial(held: Int, portalTotal: Int?, routeCap: Int?) -> Bool {
        if let total = portalTotal { return held < total }
        return routeCap != nil
    }
}
