import ReputaConfig
import ReputaCore
import ReputaStore

/// What one delivery pass does with a channel's due alerts: send each alone, send several as
/// one digest, or hold them. Decided from the alerts, the channel's quiet hours and throttle,
/// and the messages the channel already had in the throttle's window; nothing is sent here.
///
/// - A digest planned earlier (its members share a batch) is sent again whole, as it was.
/// - A backfill summary (flags already old when queued, `flags.alert_max_age`) is one message:
///   never throttled, but held in quiet hours like any alert that is not urgent.
/// - Urgent alerts always go at once, each alone: quiet hours and the throttle never hold them.
/// - In quiet hours the other alerts wait until the quiet hours end.
/// - With a throttle of `max` messages per window, when more alerts are due than the budget
///   left, they go out as one digest; with no budget left they wait until the oldest message
///   of the window leaves it.
struct AlertPlan {
    struct Item {
        var alert: OutboxAlert
        var flag: FlaggedReview
    }

    enum Step {
        case single(Item)
        /// The digest's delivery id, and its members, most urgent first.
        case digest(String, [Item])
        /// The summary's delivery id, and the flags it counts, most urgent first.
        case summary(String, [Item])
        case hold([Item], until: Timestamp, note: String)
    }

    static func make(_ items: [Item], channel: NotificationSettings.Channel, now: Timestamp,
                     recent: (count: Int, oldest: Timestamp?)) -> [Step] {
        var steps: [Step] = []
        var batches: [String: [Item]] = [:]
        var batchOrder: [String] = []
        var fresh: [Item] = []
        for item in items {
            if let batch = item.alert.batch {
                if batches[batch] == nil { batchOrder.append(batch) }
                batches[batch, default: []].append(item)
            } else {
                fresh.append(item)
            }
        }
        let summaries = batchOrder.filter { batches[$0]![0].alert.isSummary }
        steps += batchOrder.filter { !batches[$0]![0].alert.isSummary }.map { .digest($0, batches[$0]!) }
        let urgent = fresh.filter { $0.flag.decision.level == .urgent }
        steps += urgent.map { .single($0) }
        let rest = fresh.filter { $0.flag.decision.level != .urgent }.sorted(by: mostUrgentFirst)
        guard !rest.isEmpty || !summaries.isEmpty else { return steps }
        if let quiet = channel.quietHours, quiet.contains(now) {
            let end = quiet.end(after: now)
            return steps + [.hold(summaries.flatMap { batches[$0]! } + rest, until: end,
                                  note: "quiet hours (\(quiet.text)) until \(end.utcISO)")]
        }
        steps += summaries.map { .summary($0, batches[$0]!.sorted(by: mostUrgentFirst)) }
        guard !rest.isEmpty else { return steps }
        guard let throttle = channel.throttle else { return steps + rest.map { .single($0) } }
        let budget = throttle.max - recent.count - steps.count
        if rest.count <= budget { return steps + rest.map { .single($0) } }
        if budget >= 1 { return steps + [.digest(OutboxAlert.digestID(rest.map(\.alert.id)), rest)] }
        let free = Timestamp(epochSeconds: (recent.oldest ?? now).epochSeconds + Int64(throttle.per))
        let until = free.epochSeconds > now.epochSeconds ? free : Timestamp(epochSeconds: now.epochSeconds + 60)
        return steps + [.hold(rest, until: until,
                              note: "throttled: \(throttle.max) messages per \(throttle.per / 60) min reached; until \(until.utcISO)")]
    }

    static func mostUrgentFirst(_ a: Item, _ b: Item) -> Bool {
        (a.flag.decision.priority, -a.alert.id) > (b.flag.decision.priority, -b.alert.id)
    }
}
