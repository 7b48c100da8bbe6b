import Foundation
import ReputaCore

/// One row of `leases`: a piece of work several workers share, when it is next due, and who
/// holds it until when.
public struct Lease: Sendable, Equatable {
    public var name: String
    public var dueAt: String
    public var holder: String?
    public var leaseUntil: String?
}

/// Leases: how several `reputa watch` processes (on one machine or many, on one store) share
/// the work without doing it twice. A worker claims what is due and not held; the claim is a
/// row lock on PostgreSQL (`SELECT … FOR UPDATE SKIP LOCKED`, so workers never wait for each
/// other) and the write transaction itself on SQLite (one writer at a time). A worker that
/// dies loses its lease when `lease_until` passes; one that died on this machine loses it at
/// once (its process is gone), so a restart takes over without waiting.
extension SQLStore {
    /// Adds a lease row for each name not yet known, due at the time given: the first worker
    /// to start seeds the shared schedule, later ones keep it.
    public func scheduleLeases(_ due: [String: Date]) throws {
        try writing { db in
            try LeaseRecords.addMissing(due.sorted { $0.key < $1.key }.map { ($0.key, LeaseRecords.text($0.value)) }, in: db)
        }
    }

    /// Claims for `holder`, until `until`, up to `limit` of `names` that are due at `now` and
    /// not held by a live worker, most overdue first; returns the names claimed. A name
    /// without a row is due (it is added).
    public func claimLeases(_ names: [String], holder: String, now date: Date, until: Date,
                            limit: Int = .max) throws -> [String] {
        guard !names.isEmpty, limit > 0 else { return [] }
        let now = LeaseRecords.text(date)
        return try writing { db in
            try LeaseRecords.addMissing(names.map { ($0, now) }, in: db)
            let rows = try db.fetch("""
                SELECT name, due_at, holder, lease_until FROM leases
                WHERE name IN (\(names.map { _ in "?" }.joined(separator: ", "))) AND due_at <= ?
                ORDER BY due_at, name \(db.dialect.lockSkippingLocked)
                """, names.map(\.sqlValue) + [now.sqlValue])
            var claimed: [String] = []
            for row in rows.map(LeaseRecords.lease) where claimed.count < limit {
                guard LeaseRecords.isFree(row, at: now, for: holder) else { continue }
                try db.execute("UPDATE leases SET holder = ?, lease_until = ? WHERE name = ?", holder,
                               LeaseRecords.text(until), row.name)
                claimed.append(row.name)
            }
            return claimed
        }
    }

    /// Extends a lease `holder` still holds; false when it was lost (expired and taken).
    public func renewLease(_ name: String, holder: String, until: Date) throws -> Bool {
        try writing { db in
            try db.execute("UPDATE leases SET lease_until = ? WHERE name = ? AND holder = ?",
                           LeaseRecords.text(until), name, holder) == 1
        }
    }

    /// Gives the lease back, due again at `nextDue` (unchanged when nil). Nothing happens when
    /// another worker holds it now.
    public func releaseLease(_ name: String, holder: String, nextDue: Date? = nil) throws {
        try writing { db in
            try db.execute("""
                UPDATE leases SET holder = NULL, lease_until = NULL, due_at = COALESCE(?, due_at)
                WHERE name = ? AND holder = ?
                """, nextDue.map(LeaseRecords.text), name, holder)
        }
    }

    public func leases() throws -> [Lease] {
        try reading { db in try db.fetch("SELECT name, due_at, holder, lease_until FROM leases ORDER BY name").map(LeaseRecords.lease) }
    }
}

public enum LeaseRecords {
    /// This process as a lease holder: `host/pid`.
    public static let thisProcess: String = {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count)
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return "\(host)/\(getpid())"
    }()

    /// A lease time: UTC ISO-8601 with milliseconds, always the same width, so the text sorts
    /// as the time does (a schedule of 1 s intervals needs the fraction).
    public static func text(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let whole = Timestamp(epochSeconds: seconds).utcISO
        return String(whole.dropLast()) + "." + String(format: "%03d", Int(ms - seconds * 1000)) + "Z"
    }

    public static func date(_ text: String) -> Date? {
        guard text.count == 24, let whole = Timestamp(utcISO: String(text.prefix(19)) + "Z"),
              let ms = Int(text.dropFirst(20).prefix(3)) else { return nil }
        return Date(timeIntervalSince1970: Double(whole.epochSeconds) + Double(ms) / 1000)
    }

    /// Adds a row for each name the table does not hold yet, due at the time given, in one
    /// statement (a watch cycle asks for every configured source).
    static func addMissing(_ due: [(name: String, dueAt: String)], in db: any SQLConnection) throws {
        guard !due.isEmpty else { return }
        try db.execute("INSERT INTO leases (name, due_at) VALUES "
            + due.map { _ in "(?, ?)" }.joined(separator: ", ") + " ON CONFLICT (name) DO NOTHING",
            due.flatMap { [$0.name.sqlValue, $0.dueAt.sqlValue] })
    }

    static func lease(_ row: SQLRecord) -> Lease {
        Lease(name: row["name"], dueAt: row["due_at"], holder: row["holder"], leaseUntil: row["lease_until"])
    }

    /// Free for `holder`: never held, held by `holder` itself, expired, or held by a process of
    /// this machine that is gone.
    static func isFree(_ lease: Lease, at now: String, for holder: String) -> Bool {
        guard let current = lease.holder, let until = lease.leaseUntil else { return true }
        return current == holder || until <= now || isGoneHere(current)
    }

    /// True when `holder` names a process of this machine that no longer runs.
    static func isGoneHere(_ holder: String) -> Bool {
        let me = thisProcess
        guard let slash = holder.lastIndex(of: "/"), let mine = me.lastIndex(of: "/"),
              holder[..<slash] == me[..<mine], let pid = pid_t(holder[holder.index(after: slash)...]) else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
