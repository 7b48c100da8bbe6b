import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaOutput
import ReputaStore

/// `reputa alerts`: the alert outbox, and sending what is due.
struct Alerts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The alert outbox: list queued, sent and cancelled alerts, or send what is due.",
        discussion: """
        An alert is queued once per review revision and channel when a flag is new, edited or reopened \
        and a route sends it to a channel of `notifications:`. `reputa run` (and `reputa alerts send`) \
        delivers due alerts; a failed one is retried with backoff until delivered. A channel's quiet \
        hours hold all but urgent alerts; its throttle turns a burst into one digest.
        """,
        subcommands: [AlertsList.self, AlertsSend.self],
        defaultSubcommand: AlertsList.self)
}

struct AlertsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the outbox (the default of `reputa alerts`).",
        discussion: """
        JSON keys: id, flag_id, revision, channel, status, attempts, created_at, next_attempt_at, last_error, sent_at, \
        batch (the digest or summary an alert went or goes out in), note (why it is held: quiet hours, throttle). \
        Rows with status undeliverable are open flags whose routes name a channel that notifications: does not \
        define: nothing is queued for them, and id is null.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only alerts in this state: pending, sent, cancelled, or undeliverable (an open flag routed to a channel notifications: does not define).", valueName: "status"))
    var status: String?

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    func validate() throws {
        if let status, !["pending", "sent", "cancelled", "undeliverable"].contains(status) {
            throw ValidationError("--status must be pending, sent, cancelled or undeliverable")
        }
    }

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let store = try global.openStore(config)
            let rows = status == "undeliverable" ? [] : try store.alerts(status: status)
            var cells: [[DataTable.Cell]] = rows.map { a in
                [.integer(Int(a.id)), .integer(Int(a.flagID)), .integer(a.revision), .text(a.channel),
                 .text(a.status), .integer(a.attempts), .text(a.createdAt), .text(a.nextAttemptAt),
                 a.lastError.map { .text($0) } ?? .null, a.sentAt.map { .text($0) } ?? .null,
                 a.batch.map { .text($0) } ?? .null, a.note.map { .text($0) } ?? .null]
            }
            // Owed but never queued: open flags whose routes name a channel that is not configured.
            if status == "undeliverable", config == nil {
                throw ValidationError("--status undeliverable needs the configuration (--config): it says which channels exist")
            }
            if let config, status == nil || status == "undeliverable" {
                let configured = Set(config.notifications.channels.map(\.name))
                cells += try store.undeliverableAlerts(configured: configured).map { u in
                    [.null, .integer(Int(u.flagID)), .integer(u.revision), .text(u.channel), .text("undeliverable"), .integer(0),
                     .null, .null, .text("no channel \"\(u.channel)\" in notifications: (\(u.level.rawValue) flag; add the channel, or change flags.routes)"),
                     .null, .null, .null]
                }
            }
            let table = DataTable(columns: ["id", "flag_id", "revision", "channel", "status", "attempts", "created_at",
                                            "next_attempt_at", "last_error", "sent_at", "batch", "note"], rows: cells)
            Console.out(Renderer.render(table, as: format))
            return .ok
        }
    }
}

struct AlertsSend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Flag what is new, queue what each open flag is owed, then send the due alerts; --dry-run prints them instead.",
        discussion: """
        --dry-run does everything inside a transaction that is rolled back: it prints each message that \
        would go, and the store is left exactly as it was.
        Exit codes: 0 all due alerts delivered; 4 some could not be (they stay queued for retry), or \
        unresolved flags are routed to a channel notifications: does not define (reputa alerts --status \
        undeliverable lists them); 1 store error; 64 configuration error.
        """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print each message that would be sent (channel, body) and change nothing in the store.")
    var dryRun = false

    func run() throws {
        try guarded {
            let context = try global.context(try global.loadConfig())
            let reaction = try Reaction.run(context, now: context.clock(), deliver: true, dryRun: dryRun)
            reaction.delivery?.previews.forEach(Console.out)
            Reaction.lines(reaction, config: context.config).forEach(Console.err)
            if reaction.delivery == AlertDelivery.Counts() { Console.err(AlertDelivery.summary(AlertDelivery.Counts())) }
            return (reaction.delivery?.failed ?? 0) > 0 || !reaction.unrouted.isEmpty ? .undelivered : .ok
        }
    }
}
