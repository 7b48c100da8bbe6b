import Foundation
import ReputaCore
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
enum AlertDelivery {
    struct Counts: Equatable {
        /// Alerts delivered (a digest counts each of its alerts) and digests among the messages.
        var sent = 0
        var digests = 0
        var failed = 0
        var cancelled = 0
        var held = 0
        var wouldSend = 0
        /// Nothing was tried here: another process holds the alert-delivery lease.
        var leftToAnotherWorker = false
    }

    /// `stop` is asked before each message: when it says yes, the pass ends there, after the
    /// message in flight was answered and recorded (a stopping `reputa watch`).
    ///
    /// One process delivers at a time across every worker on the store (the alert-delivery
    /// lease, renewed before each message): throttles and digests are planned over all due
    /// alerts of a channel, and no alert goes out from two workers. A dry run takes no lease.
    static func deliver(store: any SQLStore, settings: NotificationSettings, zone: String, now: Timestamp,
                        dryRun: Bool = false, caBundle: String? = nil, stop: () -> Bool = { false }) throws -> Counts {
        if dryRun {
            return try send(store: store, settings: settings, zone: zone, now: now, dryRun: true, caBundle: caBundle, stop: stop)
        }
        let leased = try WorkLease.run(WorkLease.alertDelivery, store: store) { keep in
            // A lost lease stops the pass like a stop request: the new holder sends the rest.
            try send(store: store, settings: settings, zone: zone, now: now, dryRun: false, caBundle: caBundle,
                     stop: { stop() || !((try? keep()) ?? false) })
        }
        guard let leased else {
            var counts = Counts()
            counts.leftToAnotherWorker = true
            return counts
        }
        return leased
    }

    static func send(store: any SQLStore, settings: NotificationSettings, zone: String, now: Timestamp,
                     dryRun: Bool, caBundle: String?, stop: () -> Bool) throws -> Counts {
        var counts = Counts()
        var channels: [String] = []
        var due: [String: [AlertPlan.Item]] = [:]
        for alert in try store.dueAlerts(now: now, limit: 10_000) {
            guard let flag = try store.flag(id: alert.flagID) else { continue }
            if flag.status == .resolved {
                if !dryRun { try store.cancelAlert(id: alert.id, reason: "the flag was resolved before delivery") }
                counts.cancelled += 1
                continue
            }
            if due[alert.channel] == nil { channels.append(alert.channel) }
            due[alert.channel, default: []].append(AlertPlan.Item(alert: alert, flag: flag))
        }
        let sender = Sender(settings: settings, zone: zone, now: now, caBundle: caBundle)
        for name in channels {
            let items = due[name]!
            guard let channel = settings.channel(named: name) else {
                if !dryRun {
                    try store.markAlertsFailed(ids: items.map(\.alert.id), error: "no channel \"\(name)\" in notifications",
                                               retryAt: Timestamp(epochSeconds: now.epochSeconds + Int64(settings.maxRetryDelay)))
                }
                counts.failed += items.count
                continue
            }
            let recent = try channel.throttle.map {
                try store.messagesSent(channel: name, since: Timestamp(epochSeconds: now.epochSeconds - Int64($0.per)))
            } ?? (0, nil)
            for step in AlertPlan.make(items, channel: channel, now: now, recent: recent) {
                if stop() { return counts }
                let members: [AlertPlan.Item], digest: String?
                switch step {
                case .hold(let held, let until, let note):
                    if !dryRun { try store.holdAlerts(ids: held.map(\.alert.id), until: until, note: note) }
                    Console.err("reputa: \(name): \(held.count) alert\(held.count == 1 ? "" : "s") held: \(note)")
                    counts.held += held.count
                    continue
                case .single(let item): (members, digest) = ([item], nil)
                case .digest(let id, let items): (members, digest) = (items, id)
                }
                let ids = members.map(\.alert.id)
                let deliveryID = digest ?? members[0].alert.deliveryID
                if dryRun {
                    Console.out("would send \(digest == nil ? "alert \(ids[0]) (flag \(members[0].flag.id), revision \(members[0].alert.revision))" : "digest \(deliveryID) of \(ids.count) alerts") "
                                + "to \(channel.name) [\(channel.kind.rawValue) \(channel.destination)]:\n"
                                + sender.preview(members.map(\.flag), channel: channel, deliveryID: deliveryID, digest: digest != nil) + "\n")
                    counts.wouldSend += ids.count
                    continue
                }
                if digest != nil, members.contains(where: { $0.alert.batch == nil }) { try store.makeDigest(ids: ids) }
                if let failure = sender.send(members.map(\.flag), channel: channel, deliveryID: deliveryID, digest: digest != nil) {
                    let attempts = members.map(\.alert.attempts).max() ?? 0
                    let wait = settings.retryDelay(afterAttempts: attempts + 1)
                    try store.markAlertsFailed(ids: ids, error: failure,
                                               retryAt: Timestamp(epochSeconds: now.epochSeconds + Int64(wait)))
                    Console.err("reputa: deliver \(channel.kind == .email ? "mail" : "webhook"): \(failure); attempt \(attempts + 1), next in \(wait / 60) min")
                    counts.failed += ids.count
                } else {
                    try store.markAlertsSent(ids: ids, at: now)
                    counts.sent += ids.count
                    if digest != nil { counts.digests += 1 }
                }
            }
        }
        return counts
    }

    /// Builds each kind's message and makes the one attempt.
    struct Sender {
        var settings: NotificationSettings
        var zone: String
        var now: Timestamp
        var caBundle: String?

        func due(_ f: FlaggedReview) -> String { FlagTable.local(f.dueAt, zone: zone) + " " + zone }

        /// The JSON body of a webhook channel.
        func body(_ flags: [FlaggedReview], channel: NotificationSettings.Channel, deliveryID: String, digest: Bool) -> Data {
            switch (channel.kind, digest) {
            case (.slack, false): return AlertPayload.slack(flags[0], due: due(flags[0]))
            case (.slack, true): return AlertPayload.slackDigest(flags, due: due)
            case (.teams, false): return AlertPayload.teams(flags[0], due: due(flags[0]))
            case (.teams, true): return AlertPayload.teamsDigest(flags, due: due)
            case (_, false): return AlertPayload.webhook(flags[0], deliveryID: deliveryID, now: now)
            case (_, true): return AlertPayload.webhookDigest(flags, deliveryID: deliveryID, now: now)
            }
        }

        func mail(_ flags: [FlaggedReview], channel: NotificationSettings.Channel, deliveryID: String, digest: Bool,
                  server: MailSettings) -> MailMessage {
            let date = Date(timeIntervalSince1970: TimeInterval(now.epochSeconds))
            return digest
                ? AlertMail.digest(flags, due: due, from: server.from, to: channel.recipients, deliveryID: deliveryID, date: date)
                : AlertMail.single(flags[0], due: due(flags[0]), from: server.from, to: channel.recipients,
                                   deliveryID: deliveryID, date: date)
        }

        /// What a dry run prints: the JSON body, or the mail's headers and plain text.
        func preview(_ flags: [FlaggedReview], channel: NotificationSettings.Channel, deliveryID: String, digest: Bool) -> String {
            guard channel.kind == .email, let server = settings.mail else {
                return String(decoding: body(flags, channel: channel, deliveryID: deliveryID, digest: digest), as: UTF8.self)
            }
            let m = mail(flags, channel: channel, deliveryID: deliveryID, digest: digest, server: server)
            return "Subject: \(m.subject)\nMessage-ID: \(m.messageID)\n\n\(m.text)"
        }

        /// Nil when delivered; the reason (no secret in it) when not.
        func send(_ flags: [FlaggedReview], channel: NotificationSettings.Channel, deliveryID: String, digest: Bool) -> String? {
            do {
                if channel.kind == .email {
                    guard let server = settings.mail else { return "\(channel.name): no SMTP server (notifications.mail)" }
                    try server.mailer(timeout: min(server.timeout, settings.timeout * 3), caBundle: caBundle)
                        .send(mail(flags, channel: channel, deliveryID: deliveryID, digest: digest, server: server))
                    return nil
                }
                var headers = [("X-Reputa-Delivery", deliveryID)]
                let payload = body(flags, channel: channel, deliveryID: deliveryID, digest: digest)
                if let secret = channel.secret {
                    let stamp = String(now.epochSeconds)
                    headers += [("X-Reputa-Timestamp", stamp),
                                ("X-Reputa-Signature", WebhookPoster.signature(secret: secret.value, timestamp: stamp, body: payload))]
                }
                let status = try WebhookPoster(timeout: settings.timeout, caBundle: caBundle).post(payload, to: channel.url.value, headers: headers)
                return (200..<300).contains(status) ? nil : "\(channel.name): \(channel.destination) answered HTTP \(status)"
            } catch let error as DeliveryError {
                return "\(channel.name): \(error.server): \(error.message)"
            } catch {
                return "\(channel.name): \(error)"
            }
        }
    }

    static func summary(_ c: Counts) -> String {
        if c.leftToAnotherWorker { return "alerts: another worker is delivering (it holds the alert-delivery lease)" }
        return "alerts: \(c.sent) sent" + (c.digests > 0 ? " (\(c.digests) digest\(c.digests == 1 ? "" : "s"))" : "")
            + ", \(c.failed) failed (kept for retry), \(c.cancelled) cancelled"
            + (c.held > 0 ? ", \(c.held) held (quiet hours or throttle)" : "")
            + (c.wouldSend > 0 ? ", \(c.wouldSend) would be sent (dry run)" : "")
    }
}
