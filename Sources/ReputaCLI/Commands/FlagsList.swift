import ArgumentParser
import Foundation
import ReputaAnalysis
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaOutput
import ReputaStore

struct FlagsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List flagged reviews, most urgent first (the default of `reputa flags`).",
        discussion: """
        JSON is an array of objects with the keys id, review_id, source, portal, location, rating, \
        priority, level, status, overdue, due_at, assignee, categories, topics, reasons, channels, \
        created_at, title, text, url, resolution, response_minutes. Times are UTC; the table shows the \
        deadline in the config's time zone. Without --status only unresolved flags are listed (open or \
        acknowledged); --status all adds the resolved history. The filters combine (all must hold).
        Exit codes: 0 ok; 3 with --fail-on LEVEL when unresolved flags of that level or above exist; \
        1 store error; 64 usage or configuration error.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("""
        Which flags: unresolved (open or acked, the default), open, acked, resolved, overdue (unresolved past the \
        deadline) or all (the history too).
        """, valueName: "status"))
    var status: FlagStatusFilter = .unresolved

    @Option(help: ArgumentHelp("Only flags at this location (repeatable).", valueName: "id"))
    var location: [String] = []

    @Option(help: ArgumentHelp("Only flags of reviews from this portal (repeatable): google, trustpilot, appstore, …", valueName: "portal"))
    var portal: [String] = []

    @Option(help: ArgumentHelp("Only flags with this topic (price, staff, waiting_time, …).", valueName: "id"))
    var topic: String?

    @Option(help: ArgumentHelp("Only flags with this urgent category (food_safety, fraud, …).", valueName: "id"))
    var category: String?

    @Option(help: ArgumentHelp("Only flags assigned to this person; \"\" for flags assigned to nobody.", valueName: "name"))
    var assignee: String?

    @Flag(help: "Only flags assigned to me ($REPUTA_USER, else $USER).")
    var mine = false

    @Option(help: ArgumentHelp("Only flags whose review's title or text holds this text (any case).", valueName: "text"))
    var search: String?

    @Option(help: ArgumentHelp("Only flags of this level: urgent, high or normal.", valueName: "level"))
    var level: FlagLevel?

    @Option(help: ArgumentHelp("Exit 3 when unresolved (open or acked) flags of this level or above exist; for cron and CI.", valueName: "level"))
    var failOn: FlagLevel?

    @Flag(help: "Only flags whose alert went into a summary of older flags (flags.alert_max_age) instead of going out alone.")
    var summarized = false

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            for id in location { try ReadingFlags.checkLocation(id, config) }
            let store = try global.openStore(config)
            let now = Clock.now()
            if let config {
                // The same reaction as run and watch, without delivery: what it flags gets its alerts queued.
                let reaction = try Reaction.run(try global.context(config, store: store), now: now, deliver: false)
                Reaction.lines(reaction, config: config).forEach(Console.err)
            } else {
                let counts = try FlagPass.run(store: store, rules: FlagRules(), now: now)
                if counts.evaluated > 0 { Console.err(FlagPass.summary(counts)) }
            }
            var query = FlagQuery(level: level)
            query.summarized = summarized
            status.apply(to: &query, now: now)
            query.locations = location
            query.portals = portal
            query.topic = topic
            query.category = category
            query.assignee = mine ? try global.actor(nil) : assignee
            query.search = search
            let flags = try store.flags(query)
            let columns = format == .table ? FlagTable.tableColumns : FlagTable.columns
            Console.out(Renderer.render(FlagTable.make(flags, columns: columns, now: now, zone: config?.timezone ?? "UTC"),
                                        as: format))
            if let failOn {
                let unresolved = try store.unresolvedFlagCount(atLeast: failOn)
                if unresolved > 0 {
                    Console.err("reputa: \(unresolved) unresolved flag(s) at \(failOn.rawValue) or above")
                    return .flagsOpen
                }
            }
            return .ok
        }
    }
}
