import ReputaCore
import ReputaStore

/// What one delivery pass does with a channel's due alerts: send each alone, send several as
/// one digest, or hold them. Decided from the alerts, the channel's quiet hours and throttle,
/// and the messages the channel already had in the throttle's window; nothing is sent here.
///
/// - A digest planned earlier (its members share a batch) is sent again whole, as it was.
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
        steps += batchOrder.map { .digest($0, batches[$0]!) }
        let urgent = fresh.filter { $0.flag.decision.level == .urgent }
        steps += urgent.map { .single($0) }
        let rest = fresh.filter { $0.flag.decision.level != .urgent }
            .sorted { ($0.flag.decision.priority, -$0.alert.id) > ($1.flag.decision.priority, -$1.alert.id) }
        guard !rest.isEmpty else { return steps }
        if let quiet = channel.quietHours, quiet.contains(now) {
            let end = quiet.end(after: now)
            return steps + [.hold(rest, until: end, note: "quiet hours (\(quiet.text)) until \(end.utcISO)")]
        }
        guard let throttle = channel.throttle else { return steps + rest.map { .single($0) } }
        let budget = throttle.max - recent.count - steps.count
        if rest.count <= budget { return steps + rest.map { .single($0) } }
        if budget >= 1 { return steps + [.digest(OutboxAlert.digestID(rest.map(\.alert.id)), rest)] }
        let free = Timestamp(epochSeconds: (recent.oldest ?? now).epochSeconds + Int64(throttle.per))
        let until = free.epochSeconds > now.epochSeconds ? free : Timestamp(epochSeconds: now.epochSeconds + 60)
        return steps + [.hold(rest, until: until,
                              note: "throttled: \(throttle.max) messages per \(throttle.per / 60) min reached; until \(until.utcISO)")]
    }
}
