import Foundation
import ReputaConfig
import ReputaCore
import ReputaNet
import ReputaOutput
import ReputaStore

/// Sends the outbox's due alerts, one attempt each, channel by channel as `AlertPlan` decides:
/// delivered ones are marked sent, failed ones wait for their next attempt (backoff from one
/// minute, doubling, up to `max_retry_delay`), held ones wait for the end of quiet hours or
/// of the throttle's window, and alerts whose flag was resolved first are cancelled.
///
/// An alert is marked sent after the receiver's 2xx (or the mail server's acceptance): a crash
/// between the two sends it again on the next run with the same delivery id
/// (`X-Reputa-Delivery`, the mail's Message-ID), so a receiver that keeps ids sees each alert
/// once. A digest's members are tied together before it is sent, so it is resent whole.
package enum AlertDelivery {
    package struct Counts: Equatable {
        /// Alerts delivered (a digest counts each of its alerts) and digests among the messages.
        var sent = 0
        var digests = 0
        var summaries = 0
        package var failed = 0
        var cancelled = 0
        var held = 0
        var wouldSend = 0
        /// A dry run's messages, as they would go: channel, destination, body.
        package var previews: [String] = []
        /// Nothing was tried here: another process holds the alert-delivery lease.
        var leftToAnotherWorker = false

        package init() {}
    }

    /// `stop` is asked before each message: when it says yes, the pass ends there, after the
    /// message in flight was answered and recorded (a stopping `reputa watch`).
    ///
    /// One process delivers at a time across every worker on the store (the alert-delivery
    /// lease, renewed before each message): throttles and digests are planned over all due
    /// alerts of a channel, and no alert goes out from two workers. `dryRun` prints each message
    /// instead of sending it; the caller runs it in a rehearsal, so what it records is undone.
    static func deliver(_ context: RunContext, now: Timestamp, dryRun: Bool = false,
                        stop: () -> Bool = { false }) throws -> Counts {
        let sender = Sender(config: context.config, now: now)
        let leased = try WorkLease.run(WorkLease.alertDelivery, store: context.store) { keep in
            // A lost lease stops the pass like a stop request: the new holder sends the rest.
            try send(store: context.store, sender: sender, log: context.log, dryRun: dryRun,
                     stop: { stop() || !((try? keep()) ?? false) })
        }
        guard let leased else {
            var counts = Counts()
            counts.leftToAnotherWorker = true
            return counts
        }
        return leased
    }

    static func send(store: any SQLStore, sender: Sender, log: any PipelineLog, dryRun: Bool,
                     stop: () -> Bool) throws -> Counts {
        let settings = sender.settings, now = sender.now
        var counts = Counts()
        var channels: [String] = []
        var due: [String: [AlertPlan.Item]] = [:]
        for alert in try store.dueAlerts(now: now, limit: 10_000) {
            guard let flag = try store.flag(id: alert.flagID) else { continue }
            if flag.status == .resolved {
                try store.cancelAlert(id: alert.id, reason: "the flag was resolved before delivery")
                counts.cancelled += 1
                continue
            }
            if due[alert.channel] == nil { channels.append(alert.channel) }
            due[alert.channel, default: []].append(AlertPlan.Item(alert: alert, flag: flag))
        }
        for name in channels {
            let items = due[name]!
            guard let channel = settings.channel(named: name) else {
                // Queued while the channel existed, and since taken out of `notifications:`.
                try store.markAlertsFailed(ids: items.map(\.alert.id), error: "no channel \"\(name)\" in notifications",
                                           retryAt: Timestamp(epochSeconds: now.epochSeconds + Int64(settings.maxRetryDelay)))
                counts.failed += items.count
                continue
            }
            let recent = try channel.throttle.map {
                try store.messagesSent(channel: name, since: Timestamp(epochSeconds: now.epochSeconds - Int64($0.per)))
            } ?? (0, nil)
            for step in AlertPlan.make(items, channel: channel, now: now, recent: recent) {
                if stop() { return counts }
                let members: [AlertPlan.Item], content: AlertContent, deliveryID: String
                switch step {
                case .hold(let held, let until, let note):
                    try store.holdAlerts(ids: held.map(\.alert.id), until: until, note: note)
                    log.note("reputa: \(name): \(held.count) alert\(held.count == 1 ? "" : "s") held: \(note)")
                    counts.held += held.count
                    continue
                case .single(let item):
                    (members, content, deliveryID) = ([item], .single(item.flag), item.alert.deliveryID)
                case .digest(let id, let items):
                    (members, content, deliveryID) = (items, .digest(items.map(\.flag)), id)
                case .summary(let id, let items):
                    (members, content, deliveryID) = (items, .summary(items.map(\.flag), maxAge: sender.maxAge), id)
                }
                let ids = members.map(\.alert.id)
                if case .digest = step, members.contains(where: { $0.alert.batch == nil }) { try store.makeDigest(ids: ids) }
                if dryRun {
                    let what: String
                    switch step {
                    case .single(let item): what = "alert \(item.alert.id) (flag \(item.flag.id), revision \(item.alert.revision))"
                    case .summary: what = "summary \(deliveryID) of \(ids.count) older flag\(ids.count == 1 ? "" : "s")"
                    default: what = "digest \(deliveryID) of \(ids.count) alerts"
                    }
                    counts.previews.append("would send \(what) to \(channel.name) [\(channel.kind.rawValue) \(channel.destination)]:\n"
                                           + sender.preview(content, channel: channel, deliveryID: deliveryID) + "\n")
                    try store.markAlertsSent(ids: ids, at: now) // undone with the rehearsal; a later step sees it sent
                    counts.wouldSend += ids.count
                    continue
                }
                if let failure = sender.send(content, channel: channel, deliveryID: deliveryID) {
                    let attempts = members.map(\.alert.attempts).max() ?? 0
                    let wait = settings.retryDelay(afterAttempts: attempts + 1)
                    try store.markAlertsFailed(ids: ids, error: failure,
                                               retryAt: Timestamp(epochSeconds: now.epochSeconds + Int64(wait)))
                    log.note("reputa: deliver \(channel.kind == .email ? "mail" : "webhook"): \(failure); attempt \(attempts + 1), next in \(wait / 60) min")
                    counts.failed += ids.count
                } else {
                    try store.markAlertsSent(ids: ids, at: now)
                    counts.sent += ids.count
                    if case .digest = step { counts.digests += 1 }
                    if case .summary = step { counts.summaries += 1 }
                }
            }
        }
        return counts
    }

    /// Words each message in its channel's format (`ChannelKind.format`) and makes the one attempt.
    struct Sender {
        var settings: NotificationSettings
        var zone: String
        var now: Timestamp
        var caBundle: String?
        /// `http.allow_private_network`, which a channel may override.
        var allowPrivateNetwork: Bool
        /// `flags.alert_max_age`, said in a summary.
        var maxAge: Int?
        /// `serve.base_url`: alerts link each flag's page in the inbox.
        var inboxURL: String?

        init(config: Configuration, now: Timestamp) {
            settings = config.notifications
            zone = config.timezone
            self.now = now
            caBundle = config.http.caBundle
            allowPrivateNetwork = config.http.allowPrivateNetwork
            maxAge = config.flags.alertMaxAge
            inboxURL = config.serve.baseURL
        }

        func message(_ content: AlertContent, channel: NotificationSettings.Channel, deliveryID: String) -> AlertMessage {
            let context = AlertContext(deliveryID: deliveryID, now: now, zone: zone, from: settings.mail?.from ?? "",
                                       to: channel.recipients, inboxURL: inboxURL, lang: ReportLanguage.named(channel.lang) ?? .english)
            return channel.kind.format.message(content, context)
        }

        /// What a dry run prints: the JSON body, or the mail's headers and plain text.
        func preview(_ content: AlertContent, channel: NotificationSettings.Channel, deliveryID: String) -> String {
            switch message(content, channel: channel, deliveryID: deliveryID) {
            case let .json(body): return String(decoding: body, as: UTF8.self)
            case let .mail(m): return "Subject: \(m.subject)\nMessage-ID: \(m.messageID)\n\n\(m.text)"
            }
        }

        /// Nil when delivered; the reason (no secret in it) when not.
        func send(_ content: AlertContent, channel: NotificationSettings.Channel, deliveryID: String) -> String? {
            do {
                switch message(content, channel: channel, deliveryID: deliveryID) {
                case let .mail(mail):
                    guard let server = settings.mail else { return "\(channel.name): no SMTP server (notifications.mail)" }
                    try server.mailer(timeout: min(server.timeout, settings.timeout * 3), caBundle: caBundle).send(mail)
                    return nil
                case let .json(payload):
                    var headers = [("X-Reputa-Delivery", deliveryID)]
                    if let secret = channel.secret {
                        let stamp = String(now.epochSeconds)
                        headers += [("X-Reputa-Timestamp", stamp),
                                    ("X-Reputa-Signature", WebhookPoster.signature(secret: secret.value, timestamp: stamp, body: payload))]
                    }
                    let poster = WebhookPoster(timeout: settings.timeout, caBundle: caBundle,
                                               allowPrivateNetwork: channel.allowPrivateNetwork ?? allowPrivateNetwork)
                    let status = try poster.post(payload, to: channel.url.value, headers: headers)
                    return (200..<300).contains(status) ? nil : "\(channel.name): \(channel.destination) answered HTTP \(status)"
                }
            } catch let error as DeliveryError {
                return "\(channel.name): \(error.server): \(error.message)"
            } catch {
                return "\(channel.name): \(error)"
            }
        }
    }

    package static func summary(_ c: Counts) -> String {
        if c.leftToAnotherWorker { return "alerts: another worker is delivering (it holds the alert-delivery lease)" }
        return "alerts: \(c.sent) sent" + (c.digests > 0 ? " (\(c.digests) digest\(c.digests == 1 ? "" : "s"))" : "")
            + (c.summaries > 0 ? " (\(c.summaries) summar\(c.summaries == 1 ? "y" : "ies") of older flags)" : "")
            + ", \(c.failed) failed (kept for retry), \(c.cancelled) cancelled"
            + (c.held > 0 ? ", \(c.held) held (quiet hours or throttle)" : "")
            + (c.wouldSend > 0 ? ", \(c.wouldSend) would be sent (dry run)" : "")
    }
}
