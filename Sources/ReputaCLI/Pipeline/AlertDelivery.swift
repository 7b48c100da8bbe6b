import Foundation
import ReputaCore
import ReputaOutput
import ReputaStore

/// Sends the outbox's due alerts, one attempt each: delivered ones are marked sent, failed ones
/// wait for their next attempt (backoff from one minute, doubling, up to `max_retry_delay`),
/// and alerts whose flag was resolved before they went out are cancelled.
///
/// An alert is marked sent after the receiver's 2xx: a crash between the two sends it again
/// on the next run, with the same `X-Reputa-Delivery` id, so a receiver that keeps ids sees
/// each alert once. Nothing is marked sent that was not answered 2xx.
enum AlertDelivery {
    struct Counts: Equatable {
        var sent = 0
        var failed = 0
        var cancelled = 0
        var wouldSend = 0
    }

    static func deliver(store: SQLiteStore, settings: NotificationSettings, zone: String, now: Timestamp,
                        dryRun: Bool = false, caBundle: String? = nil) throws -> Counts {
        var counts = Counts()
        let poster = WebhookPoster(timeout: settings.timeout, caBundle: caBundle)
        for alert in try store.dueAlerts(now: now, limit: 10_000) {
            guard let flag = try store.flag(id: alert.flagID) else { continue }
            if flag.status == .resolved {
                if !dryRun { try store.cancelAlert(id: alert.id, reason: "the flag was resolved before delivery") }
                counts.cancelled += 1
                continue
            }
            guard let channel = settings.channel(named: alert.channel) else {
                if !dryRun {
                    try store.markAlertFailed(id: alert.id, error: "no channel \"\(alert.channel)\" in notifications",
                                              retryAt: Timestamp(epochSeconds: now.epochSeconds + Int64(settings.maxRetryDelay)))
                }
                counts.failed += 1
                continue
            }
            let due = FlagTable.local(flag.dueAt, zone: zone) + " " + zone
            let body: Data
            switch channel.kind {
            case .slack: body = AlertPayload.slack(flag, due: due)
            case .teams: body = AlertPayload.teams(flag, due: due)
            case .webhook: body = AlertPayload.webhook(flag, deliveryID: alert.deliveryID, now: now)
            }
            var headers = [("X-Reputa-Delivery", alert.deliveryID)]
            if let secret = channel.secret {
                let stamp = String(now.epochSeconds)
                headers += [("X-Reputa-Timestamp", stamp),
                            ("X-Reputa-Signature", WebhookPoster.signature(secret: secret.value, timestamp: stamp, body: body))]
            }
            if dryRun {
                Console.out("would send alert \(alert.id) (flag \(flag.id), revision \(alert.revision)) to \(channel.name) "
                            + "[\(channel.kind.rawValue) \(WebhookPoster.redacted(channel.url.value))]:\n"
                            + String(decoding: body, as: UTF8.self) + "\n")
                counts.wouldSend += 1
                continue
            }
            do {
                let status = try poster.post(body, to: channel.url.value, headers: headers)
                if (200..<300).contains(status) {
                    try store.markAlertSent(id: alert.id, at: now)
                    counts.sent += 1
                    continue
                }
                try retry(alert, "\(channel.name): \(WebhookPoster.redacted(channel.url.value)) answered HTTP \(status)")
            } catch let error as DeliveryError {
                try retry(alert, "\(channel.name): \(error.server): \(error.message)")
            }
        }
        return counts

        func retry(_ alert: OutboxAlert, _ reason: String) throws {
            let wait = settings.retryDelay(afterAttempts: alert.attempts + 1)
            try store.markAlertFailed(id: alert.id, error: reason, retryAt: Timestamp(epochSeconds: now.epochSeconds + Int64(wait)))
            Console.err("reputa: deliver webhook: \(reason); attempt \(alert.attempts + 1), next in \(wait / 60) min")
            counts.failed += 1
        }
    }

    static func summary(_ c: Counts) -> String {
        "alerts: \(c.sent) sent, \(c.failed) failed (kept for retry), \(c.cancelled) cancelled"
            + (c.wouldSend > 0 ? ", \(c.wouldSend) would be sent (dry run)" : "")
    }
}
