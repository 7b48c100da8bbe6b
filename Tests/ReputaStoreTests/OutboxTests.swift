import Foundation
import ReputaCore
@testable import ReputaStore
import ReputaStoreTesting
import Testing

/// The alert outbox's bookkeeping, one shared implementation, on both engines.
@Suite struct OutboxTests {
    /// One flag and `count` pending alerts on `channel`, ids 1…count, all due at 10:00.
    func seed(_ store: any SQLStore, count: Int, channel: String = "oncall") throws {
        try store.writing { db in
            try db.execute("""
                INSERT INTO flags (id, merge_key, revision, priority, level, reasons, categories, topics, channels, text_score,
                    location, flagged_at, due_at, status)
                VALUES (1, 'k1', 1, 80, 'high', '[]', '[]', '[]', '[]', -3, 'milano', '2026-11-24T09:00:00Z',
                    '2026-11-24T13:00:00Z', 'open')
                """)
            for id in 1...count {
                try db.execute("""
                    INSERT INTO alert_outbox (id, flag_id, merge_key, revision, channel, created_at, status, next_attempt_at)
                    VALUES (?, 1, 'k1', ?, ?, '2026-11-24T09:00:00Z', 'pending', '2026-11-24T10:00:00Z')
                    """, id, id, channel)
            }
        }
    }

    func at(_ text: String) -> Timestamp { Timestamp(utcISO: text)! }

    @Test(arguments: Engine.allCases) func dueAlertsRetriesAndSends(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        try seed(store, count: 3)
        #expect(try store.dueAlerts(now: at("2026-11-24T09:59:59Z")).isEmpty)
        #expect(try store.dueAlerts(now: at("2026-11-24T10:00:00Z"), limit: 2).map(\.id) == [1, 2])
        try store.markAlertsFailed(ids: [1], error: "HTTP 500", retryAt: at("2026-11-24T10:01:00Z"))
        try store.markAlertsSent(ids: [2], at: at("2026-11-24T10:00:05Z"))
        try store.cancelAlert(id: 3, reason: "resolved before sending")
        #expect(try store.dueAlerts(now: at("2026-11-24T10:00:30Z")).isEmpty)
        let retried = try #require(try store.dueAlerts(now: at("2026-11-24T10:01:00Z")).first)
        #expect(retried.id == 1 && retried.attempts == 1 && retried.lastError == "HTTP 500" && retried.deliveryID == "reputa-alert-1")
        #expect(try store.alerts(status: "sent").map(\.sentAt) == ["2026-11-24T10:00:05Z"])
        #expect(try store.alerts(status: "cancelled").map(\.lastError) == ["resolved before sending"])
        #expect(try store.alerts().count == 3)
    }

    @Test(arguments: Engine.allCases) func aDigestIsOneMessageForTheThrottle(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        try seed(store, count: 5)
        #expect(try store.makeDigest(ids: [4, 2, 3]) == "reputa-digest-2")
        #expect(try store.pendingAlerts(batch: "reputa-digest-2").map(\.id) == [2, 3, 4])
        try store.holdAlerts(ids: [5], until: at("2026-11-24T11:00:00Z"), note: "throttled")
        #expect(try store.dueAlerts(now: at("2026-11-24T10:30:00Z")).map(\.id) == [1, 2, 3, 4])
        try store.markAlertsSent(ids: [2, 3, 4], at: at("2026-11-24T10:10:00Z"))
        try store.markAlertsSent(ids: [1], at: at("2026-11-24T10:20:00Z"))
        // Two messages (the digest and alert 1) after 10:00; one after 10:10 (sent_at > since).
        let sent = try store.messagesSent(channel: "oncall", since: at("2026-11-24T10:00:00Z"))
        #expect(sent.count == 2 && sent.oldest?.utcISO == "2026-11-24T10:10:00Z")
        #expect(try store.messagesSent(channel: "oncall", since: at("2026-11-24T10:10:00Z")).count == 1)
        #expect(try store.messagesSent(channel: "other", since: at("2026-11-24T00:00:00Z")).count == 0)
        let held = try #require(try store.alerts(status: "pending").first)
        #expect(held.id == 5 && held.note == "throttled" && held.nextAttemptAt == "2026-11-24T11:00:00Z")
    }
}
