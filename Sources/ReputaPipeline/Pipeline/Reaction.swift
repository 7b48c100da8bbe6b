import Foundation
import ReputaConfig
import ReputaCore
import ReputaStore

/// The one way a flag reaches people: evaluate what is new (`FlagPass`), queue what every
/// unresolved flag is owed on the channels its routes name (`SQLStore.queueAlerts`), then,
/// when asked, deliver what is due (`AlertDelivery`). `run`, `watch`, `flags` and `alerts send`
/// all come through here, so whatever evaluates flags also queues their alerts, and a channel
/// configured after the flags were recorded still hears of each open one, once.
package enum Reaction {
    package struct Outcome {
        var flags = FlagPassCounts()
        var queued = QueueCounts()
        /// Unresolved flags per channel their routes name that `notifications:` does not define.
        package var unrouted: [String: Int] { queued.unrouted }
        /// Nil when delivery was not asked for.
        package var delivery: AlertDelivery.Counts?
        /// What telling the quiet sources did (`QuietSourceAlerts`).
        package var quiet: [String] = []
    }

    /// `dryRun`: everything is done and printed inside a rehearsal that is rolled back, and no
    /// message leaves; the store is left exactly as it was.
    package static func run(_ context: RunContext, now: Timestamp, deliver: Bool, dryRun: Bool = false,
                    stop: () -> Bool = { false }) throws -> Outcome {
        if dryRun {
            return try context.store.rehearse { scratch in
                try react(context.with(store: scratch), now: now, deliver: deliver, dryRun: true, stop: stop)
            }
        }
        return try react(context, now: now, deliver: deliver, dryRun: false, stop: stop)
    }

    private static func react(_ context: RunContext, now: Timestamp, deliver: Bool, dryRun: Bool,
                              stop: () -> Bool) throws -> Outcome {
        let (store, config) = (context.store, context.config)
        var outcome = Outcome()
        outcome.flags = try FlagPass.run(store: store, rules: config.flags, now: now)
        let channels = config.notifications.channels.map(\.name)
        outcome.queued = try store.queueAlerts(channels: channels, maxAge: config.flags.alertMaxAge, now: now)
        if deliver, !stop() {
            outcome.delivery = try AlertDelivery.deliver(context, now: now, dryRun: dryRun, stop: stop)
            if !dryRun { outcome.quiet = try QuietSourceAlerts.run(context, now: now) }
        }
        return outcome
    }

    /// The log lines of one reaction: what the flag pass did (when it saw anything), one line
    /// per channel whose older flags went into a summary, one warning for flags nobody hears
    /// of, and what delivery did.
    /// `always`: the flag pass's line even when it saw nothing (`run`).
    package static func lines(_ o: Outcome, config: Configuration, always: Bool = false) -> [String] {
        var out: [String] = []
        if always || o.flags.evaluated > 0 || o.flags.leftToAnotherWorker || o.queued.queued > 0 {
            out.append(FlagPass.summary(o.flags) + (o.queued.queued > 0 ? ", \(o.queued.queued) alerts queued" : ""))
        }
        let age = config.flags.alertMaxAge.map(ConfigLoader.durationText) ?? "?"
        for (channel, n) in o.queued.summarized.sorted(by: { $0.key < $1.key }) {
            out.append("alerts: \(channel): \(n) flag\(n == 1 ? "" : "s") on reviews older than \(age) go in one summary "
                       + "instead of an alert each (flags.alert_max_age); see them with reputa flags --summarized")
        }
        if let warning = unroutedWarning(o.unrouted) { out.append(warning) }
        if let d = o.delivery, d != AlertDelivery.Counts() { out.append(AlertDelivery.summary(d)) }
        out += o.quiet
        return out
    }

    /// `reputa: warning: 3 unresolved flags are routed to channels notifications: does not define (oncall 2, app-team 1) …`.
    static func unroutedWarning(_ unrouted: [String: Int]) -> String? {
        guard !unrouted.isEmpty else { return nil }
        let flags = unrouted.values.max() ?? 0
        let list = unrouted.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "reputa: warning: unresolved flags are routed to channels that notifications: does not define (\(list)), "
            + "so nobody hears of \(flags == 1 ? "it" : "them") there; reputa alerts --status undeliverable lists them"
    }
}
