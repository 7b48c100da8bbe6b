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
        reviews); failing when its last fetch failed; empty when it holds nothing. Every source \
        the store holds is listed: those of the config first (defined_by config), then those \
        brought by `reputa import --source` or since removed from the config (defined_by import, \
        read as their latest import was; store when no import says). Runs without a config \
        given --store. \
        Exit codes: 0 ok, 1 store error, 64 configuration error.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let store = try global.openStore(config)
            let held = try store.holdings()
            let states = Dictionary(uniqueKeysWithValues: try store.sourceStates().map { ($0.source, $0) })
            let now = Clock.now()
            // Configured sources first, in config order; then every other source the store holds
            // (`reputa import --source`, or one since removed from the config), by name, read as
            // its latest import was.
            let configured = config?.sources ?? []
            let names = Set(configured.map(\.descriptor.name))
            let imported = try store.latestImportDescriptors()
            let others = Set(held.keys).union(imported.keys).union(states.keys).subtracting(names).sorted()
            var entries: [(descriptor: SourceDescriptor?, name: String, staleAfter: Int?, cap: Int?)] =
                configured.map { ($0.descriptor, $0.descriptor.name, $0.staleAfter, $0.routeCap) }
            entries += others.map { (imported[$0], $0, nil, nil) }
            let rows: [[DataTable.Cell]] = entries.map { entry in
                let h = held[entry.name]
                let s = states[entry.name]
                let count = h?.reviews ?? 0
                let partial = Self.isPartial(held: count, portalTotal: s?.portalTotal, routeCap: entry.cap)
                let fresh = SourceFreshness.assess(entry.name, staleAfter: entry.staleAfter, held: h, state: s, now: now)
                func days(_ seconds: Int64?) -> DataTable.Cell { seconds.map { .number((Double($0) / 8640).rounded() / 10) } ?? .null }
                let d = entry.descriptor
                return [.text(entry.name), .text(fresh.status.rawValue), .text(d?.kind ?? ""), .text(d?.portal ?? ""),
                        .text(d?.location ?? ""), .integer(count),
                        h?.earliest.map { .text($0) } ?? .null, h?.latest.map { .text($0) } ?? .null,
                        s?.portalTotal.map { .integer($0) } ?? .null, entry.cap.map { .integer($0) } ?? .null,
                        s?.portalTotal.flatMap { $0 > 0 ? .number((Double(count) / Double($0) * 1000).rounded() / 10) : nil } ?? .null,
                        .text(partial ? "yes" : "no"),
                        days(fresh.newestAge), days(fresh.staleAfter),
                        s?.lastSuccessAt.map { .text($0) } ?? .null, s?.lastError.map { .text($0) } ?? .null,
                        .text(names.contains(entry.name) ? "config" : d == nil ? "store" : "import")]
            }
            let table = DataTable(columns: ["source", "status", "kind", "portal", "location", "held", "earliest", "latest",
                                            "portal_total", "route_cap", "coverage_pct", "partial", "newest_age_days", "stale_after_days",
                                            "last_success", "last_error", "defined_by"],
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
