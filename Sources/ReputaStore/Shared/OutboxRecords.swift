import Foundation
import ReputaCore

/// One queued alert: which flag, to which channel, how often it was tried.
public struct OutboxAlert: Sendable {
    public var id: Int64
    public var flagID: Int64
    public var revision: Int
    public var channel: String
    public var status: String
    public var attempts: Int
    public var createdAt: String
    public var nextAttemptAt: String
    public var lastError: String?
    public var sentAt: String?
    /// The digest this alert goes out in, once one was planned for it.
    public var batch: String?
    /// Why it waits, when it was held (quiet hours, throttle).
    public var note: String?

    public init(id: Int64, flagID: Int64, revision: Int, channel: String, status: String, attempts: Int, createdAt: String,
                nextAttemptAt: String, lastError: String? = nil, sentAt: String? = nil, batch: String? = nil, note: String? = nil) {
        self.id = id
        self.flagID = flagID
        self.revision = revision
        self.channel = channel
        self.status = status
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.sentAt = sentAt
        self.batch = batch
        self.note = note
    }

    /// Sent with every attempt, so a receiver can recognize a repeat after a crash: the
    /// digest's id for a member of one.
    public var deliveryID: String { batch ?? "reputa-alert-\(id)" }

    /// A digest is named after its first alert, so it keeps its id on every attempt.
    public static func digestID(_ ids: [Int64]) -> String { "reputa-digest-\(ids.min() ?? 0)" }
}

/// The alert outbox: due alerts, and the outcome of each attempt.
extension SQLStore {
    /// Pending alerts whose next attempt is due at `now`, oldest first.
    public func dueAlerts(now: Timestamp, limit: Int = 100) throws -> [OutboxAlert] {
        try reading { db in
            try db.fetch("""
                SELECT * FROM alert_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?
                """, now.utcISO, limit).map(OutboxRecords.alert)
        }
    }

    public func alerts(status: String? = nil) throws -> [OutboxAlert] {
        try reading { db in
            try db.fetch("SELECT * FROM alert_outbox \(status == nil ? "" : "WHERE status = ?") ORDER BY id",
                         status.map { [$0.sqlValue] } ?? []).map(OutboxRecords.alert)
        }
    }

    /// The pending members of a digest, whether due or not: a digest is sent whole.
    public func pendingAlerts(batch: String) throws -> [OutboxAlert] {
        try reading { db in
            try db.fetch("SELECT * FROM alert_outbox WHERE batch = ? AND status = 'pending' ORDER BY id", batch)
                .map(OutboxRecords.alert)
        }
    }

    /// Makes these alerts one digest before it is sent. The id names the digest's first
    /// alert, so it is the same on every attempt.
    @discardableResult
    public func makeDigest(ids: [Int64]) throws -> String {
        let batch = OutboxAlert.digestID(ids)
        try writing { db in
            for id in ids { try db.execute("UPDATE alert_outbox SET batch = ? WHERE id = ?", batch, id) }
        }
        return batch
    }

    /// Delivered: never sent again.
    public func markAlertsSent(ids: [Int64], at: Timestamp) throws {
        try writing { db in
            for id in ids {
                try db.execute("""
                    UPDATE alert_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL, note = NULL
                    WHERE id = ?
                    """, at.utcISO, id)
            }
        }
    }

    /// Not delivered: stays pending until `retryAt`.
    public func markAlertsFailed(ids: [Int64], error: String, retryAt: Timestamp) throws {
        try writing { db in
            for id in ids {
                try db.execute("""
                    UPDATE alert_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?
                    """, error, retryAt.utcISO, id)
            }
        }
    }

    /// Not tried now, by choice (quiet hours, a throttled channel): due again at `until`.
    public func holdAlerts(ids: [Int64], until: Timestamp, note: String) throws {
        try writing { db in
            for id in ids {
                try db.execute("UPDATE alert_outbox SET next_attempt_at = ?, note = ? WHERE id = ?",
                               until.utcISO, note, id)
            }
        }
    }

    /// Not to be sent (the flag was resolved first).
    public func cancelAlert(id: Int64, reason: String) throws {
        try writing { db in
            _ = try db.execute("UPDATE alert_outbox SET status = 'cancelled', last_error = ? WHERE id = ?", reason, id)
        }
    }

    /// Messages (single alerts and digests) sent on a channel after `since`, and when
    /// the oldest of them went: the throttle's budget and when it frees up.
    public func messagesSent(channel: String, since: Timestamp) throws -> (count: Int, oldest: Timestamp?) {
        try reading { db in
            let row = try db.fetchOne("""
                SELECT COUNT(DISTINCT COALESCE(batch, 'reputa-alert-' || id)) AS n, MIN(sent_at) AS oldest
                FROM alert_outbox WHERE status = 'sent' AND channel = ? AND sent_at > ?
                """, channel, since.utcISO)
            let oldest: String? = row?["oldest"]
            return (row?["n"] ?? 0, oldest.flatMap(Timestamp.init(utcISO:)))
        }
    }
}

enum OutboxRecords {
    static func alert(_ row: SQLRecord) -> OutboxAlert {
        OutboxAlert(id: row["id"], flagID: row["flag_id"], revision: row["revision"], channel: row["channel"],
                    status: row["status"], attempts: row["attempts"], createdAt: row["created_at"],
                    nextAttemptAt: row["next_attempt_at"], lastError: row["last_error"], sentAt: row["sent_at"],
                    batch: row["batch"], note: row["note"])
    }
}
