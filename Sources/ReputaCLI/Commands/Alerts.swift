import ArgumentParser
import Foundation
import ReputaCore
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
        batch (the digest an alert went or goes out in), note (why it is held: quiet hours, throttle).
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only alerts in this state: pending, sent or cancelled.", valueName: "status"))
    var status: String?

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    func validate() throws {
        if let status, !["pending", "sent", "cancelled"].contains(status) {
            throw ValidationError("--status must be pending, sent or cancelled")
        }
    }

    func run() throws {
        try guarded {
            let store = try global.openStore(try global.optionalConfig())
            let rows = try store.alerts(status: status)
            let table = DataTable(columns: ["id", "flag_id", "revision", "channel", "status", "attempts", "created_at",
                                            "next_attempt_at", "last_error", "sent_at", "batch", "note"],
                                  rows: rows.map { a in
                                      [.integer(Int(a.id)), .integer(Int(a.flagID)), .integer(a.revision), .text(a.channel),
                                       .text(a.status), .integer(a.attempts), .text(a.createdAt), .text(a.nextAttemptAt),
                                       a.lastError.map { .text($0) } ?? .null, a.sentAt.map { .text($0) } ?? .null,
                                       a.batch.map { .text($0) } ?? .null, a.note.map { .text($0) } ?? .null]
                                  })
            Console.out(Renderer.render(table, as: format))
            return .ok
        }
    }
}

struct AlertsSend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Flag what is new, then send the due alerts; --dry-run prints them instead.",
        discussion: "Exit codes: 0 all due alerts delivered; 4 some could not be (they stay queued for retry); 1 store error; 64 configuration error.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print each alert that would be sent (channel, body) and change nothing.")
    var dryRun = false

    func run() throws {
        try guarded {
            let config = try global.loadConfig()
            let store = try global.openStore(config)
            let now = Clock.now()
            let flagged = try FlagPass.run(store: store, rules: config.flags, now: now,
                                           deliverable: Set(config.notifications.channels.map(\.name)))
            if flagged.evaluated > 0 { Console.err(FlagPass.summary(flagged)) }
            let counts = try AlertDelivery.deliver(store: store, settings: config.notifications, zone: config.timezone,
                                                   now: now, dryRun: dryRun, caBundle: config.http.caBundle)
            Console.err(AlertDelivery.summary(counts))
            return counts.failed > 0 ? .undelivered : .ok
        }
    }
}
