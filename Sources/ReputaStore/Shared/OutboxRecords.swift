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

    /// The batch of flags that were already old when queued (`flags.alert_max_age`): one
    /// summary message, named after its first alert.
    public static func summaryID(_ ids: [Int64]) -> String { summaryPrefix + "\(ids.min() ?? 0)" }
    static let summaryPrefix = "reputa-summary-"

    /// A member of a backfill summary rather than an alert of its own.
    public var isSummary: Bool { batch?.hasPrefix(Self.summaryPrefix) ?? false }
}

/// What one `queueAlerts` added, and what it could not.
public struct QueueCounts: Equatable, Sendable {
    /// Alerts queued to go out one by one (or in a digest).
    public var queued = 0
    /// Per channel: flags whose review was older than `alert_max_age`, queued only into that
    /// channel's one summary message.
    public var summarized: [String: Int] = [:]
    /// Unresolved flags per channel their routes name that is not configured: nobody hears of them.
    public var unrouted: [String: Int] = [:]

    public init(queued: Int = 0, summarized: [String: Int] = [:], unrouted: [String: Int] = [:]) {
        self.queued = queued
        self.summarized = summarized
        self.unrouted = unrouted
    }
}

/// An unresolved flag routed to a channel that `notifications:` does not define: nobody hears of it.
public struct UndeliverableAlert: Equatable, Sendable {
    public var flagID: Int64
    public var revision: Int
    public var channel: String
    public var level: FlagLevel
}

/// The alert outbox: what is owed, due alerts, and the outcome of each attempt.
extension SQLStore {
    /// Queues what every unresolved flag is owed: one alert per channel among `channels` (the
    /// configured ones) that its routes name, for its current revision. Idempotent (one row per
    /// review revision and channel), so whatever evaluated the flags (`run`, `watch`, `flags`,
    /// `alerts send`), and a channel configured after the flags were recorded, gets each flag
    /// exactly once; an edit that keeps a review flagged is owed a new alert.
    ///
    /// A flag the channel hears of for the first time while its review is older than `maxAge`
    /// seconds (an imported history, a channel added late) joins the channel's one summary
    /// message instead of being alerted on its own.
    ///
    /// The same read of the flags' channel lists counts, per channel not among `channels`, the
    /// unresolved flags routed there (`unrouted`), so a cycle reads them once.
    public func queueAlerts(channels: [String], maxAge: Int?, now: Timestamp) throws -> QueueCounts {
        try writing { db in
            let lists = try OutboxRecords.unresolvedChannelLists(db)
            var counts = QueueCounts(unrouted: OutboxRecords.unrouted(lists, configured: Set(channels)))
            for channel in channels {
                let matching = lists.filter { $0.channels.contains(channel) }.map(\.json)
                guard !matching.isEmpty else { continue }
                let owed = try db.fetch("""
                    SELECT f.id, f.merge_key, f.revision, COALESCE(f.review_created, f.flagged_at) AS since,
                           CASE WHEN EXISTS (SELECT 1 FROM alert_outbox p WHERE p.merge_key = f.merge_key AND p.channel = ?)
                                THEN 1 ELSE 0 END AS heard
                    FROM flags f
                    WHERE f.status <> 'resolved' AND f.channels IN (\(matching.map { _ in "?" }.joined(separator: ", ")))
                      AND NOT EXISTS (SELECT 1 FROM alert_outbox o
                                      WHERE o.merge_key = f.merge_key AND o.revision = f.revision AND o.channel = ?)
                    ORDER BY f.id
                    """, [channel.sqlValue] + matching.map(\.sqlValue) + [channel.sqlValue])
                var old = Set<String>()
                for row in owed where (row["heard"] as Int) == 0 {
                    let since = Timestamp(utcISO: row["since"]) ?? now
                    if let maxAge, now.epochSeconds - since.epochSeconds > Int64(maxAge) { old.insert(row["merge_key"]) }
                }
                var summary: [Int64] = []
                for start in stride(from: 0, to: owed.count, by: OutboxRecords.chunk) {
                    let chunk = owed[start..<min(owed.count, start + OutboxRecords.chunk)]
                    var values: [SQLValue] = []
                    for row in chunk {
                        values += [row.value("id"), row.value("merge_key"), row.value("revision"), channel.sqlValue,
                                   now.utcISO.sqlValue, now.utcISO.sqlValue]
                    }
                    let added = try db.fetch("""
                        INSERT INTO alert_outbox (flag_id, merge_key, revision, channel, created_at, status, next_attempt_at)
                        VALUES \(chunk.map { _ in "(?, ?, ?, ?, ?, 'pending', ?)" }.joined(separator: ", "))
                        ON CONFLICT (merge_key, revision, channel) DO NOTHING RETURNING id, merge_key
                        """, values)
                    for row in added {
                        if old.contains(row["merge_key"]) { summary.append(row["id"]) } else { counts.queued += 1 }
                    }
                }
                guard !summary.isEmpty else { continue }
                let batch = OutboxAlert.summaryID(summary)
                for part in stride(from: 0, to: summary.count, by: OutboxRecords.chunk) {
                    let ids = summary[part..<min(summary.count, part + OutboxRecords.chunk)]
                    try db.execute("UPDATE alert_outbox SET batch = ? WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))",
                                   [batch.sqlValue] + ids.map(\.sqlValue))
                }
                counts.summarized[channel] = summary.count
            }
            return counts
        }
    }

    /// The unresolved flags routed to channels not among `configured`, one row per flag and channel.
    public func undeliverableAlerts(configured: Set<String>) throws -> [UndeliverableAlert] {
        try reading { db in
            let lists = try OutboxRecords.unresolvedChannelLists(db).filter { $0.channels.contains { !configured.contains($0) } }
                .map(\.json)
            guard !lists.isEmpty else { return [] }
            return try db.fetch("""
                SELECT id, revision, level, channels FROM flags
                WHERE status <> 'resolved' AND channels IN (\(lists.map { _ in "?" }.joined(separator: ", "))) ORDER BY id
                """, lists.map(\.sqlValue)).flatMap { row in
                FlagRecords.list(row["channels"]).filter { !configured.contains($0) }.map {
                    UndeliverableAlert(flagID: row["id"], revision: row["revision"], channel: $0,
                                       level: FlagLevel(rawValue: row["level"]) ?? .normal)
                }
            }
        }
    }

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
    /// Rows per multi-row statement.
    static let chunk = 500

    /// The distinct channel lists of unresolved flags (as stored, JSON, and decoded), with how
    /// many flags carry each: a handful of rows however many flags there are. In stored order,
    /// so the statements built from them are the same every time.
    static func unresolvedChannelLists(_ db: any SQLConnection) throws -> [(json: String, channels: [String], flags: Int)] {
        try db.fetch("SELECT channels, COUNT(*) AS n FROM flags WHERE status <> 'resolved' GROUP BY channels ORDER BY channels")
            .map { ($0["channels"], FlagRecords.list($0["channels"]), $0["n"]) }
    }

    /// Per channel not among `configured`: how many unresolved flags are routed there.
    static func unrouted(_ lists: [(json: String, channels: [String], flags: Int)], configured: Set<String>) -> [String: Int] {
        var out: [String: Int] = [:]
        for list in lists {
            for channel in Set(list.channels) where !configured.contains(channel) { out[channel, default: 0] += list.flags }
        }
        return out
    }

    static func alert(_ row: SQLRecord) -> OutboxAlert {
        OutboxAlert(id: row["id"], flagID: row["flag_id"], revision: row["revision"], channel: row["channel"],
                    status: row["status"], attempts: row["attempts"], createdAt: row["created_at"],
                    nextAttemptAt: row["next_attempt_at"], lastError: row["last_error"], sentAt: row["sent_at"],
                    batch: row["batch"], note: row["note"])
    }
}
