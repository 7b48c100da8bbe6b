import Foundation
import GRDB
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

    /// Sent with every attempt, so a receiver can recognize a repeat after a crash.
    public var deliveryID: String { "reputa-alert-\(id)" }
}

/// The alert outbox: due alerts, and the outcome of each attempt.
extension SQLiteStore {
    /// Pending alerts whose next attempt is due at `now`, oldest first.
    public func dueAlerts(now: Timestamp, limit: Int = 100) throws -> [OutboxAlert] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM alert_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?
                """, arguments: [now.utcISO, limit]).map(Self.alert)
        }
    }

    public func alerts(status: String? = nil) throws -> [OutboxAlert] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM alert_outbox \(status == nil ? "" : "WHERE status = ?") ORDER BY id",
                             arguments: StatementArguments(status.map { [$0] } ?? [])).map(Self.alert)
        }
    }

    /// Delivered: never sent again.
    public func markAlertSent(id: Int64, at: Timestamp) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE alert_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?
                """, arguments: [at.utcISO, id])
        }
    }

    /// Not delivered: stays pending until `retryAt`.
    public func markAlertFailed(id: Int64, error: String, retryAt: Timestamp) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE alert_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?
                """, arguments: [error, retryAt.utcISO, id])
        }
    }

    /// Not to be sent (the flag was resolved first).
    public func cancelAlert(id: Int64, reason: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE alert_outbox SET status = 'cancelled', last_error = ? WHERE id = ?",
                           arguments: [reason, id])
        }
    }

    static func alert(_ row: Row) -> OutboxAlert {
        OutboxAlert(id: row["id"], flagID: row["flag_id"], revision: row["revision"], channel: row["channel"],
                    status: row["status"], attempts: row["attempts"], createdAt: row["created_at"],
                    nextAttemptAt: row["next_attempt_at"], lastError: row["last_error"], sentAt: row["sent_at"])
    }
}
