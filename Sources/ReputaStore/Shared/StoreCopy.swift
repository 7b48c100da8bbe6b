import Foundation
import ReputaCore

/// `reputa store copy`: everything one store holds, into another (SQLite ⇄ PostgreSQL, or
/// either to its own kind), row for row with the same ids, in one write transaction on the
/// target, then verified by counting every table on both sides before it commits.
///
/// Safe to re-run: the target must be empty (it is filled) or already hold exactly the
/// source's counts (nothing is written; the copy is verified again). Anything else is refused
/// and the target left as it was. Two copies into one PostgreSQL store at once are serialized
/// by an advisory lock: the second finds the first's work and verifies it. Leases, web
/// sessions and failed sign-ins are not copied: they belong to the source store's workers and
/// visitors (users and reply drafts are).
public enum StoreCopy {
    /// Every table, parents before the tables that refer to them.
    public static let tables = [
        "snapshots", "imports", "reviews", "review_revisions", "review_routes", "source_state", "http_validators",
        "survey_answers", "tickets", "customer_periods", "health_signals", "flags", "flag_events", "flag_checks",
        "alert_outbox", "users", "reply_drafts",
    ]

    /// Tables whose `id` the database assigns: PostgreSQL's identity must move past the copied ids.
    static let identityTables = ["snapshots", "imports", "reviews", "flags", "flag_events", "alert_outbox"]

    /// What a copy did: per table, in `tables` order, the rows the source holds, and whether
    /// they were written now (false: the target already held them).
    public struct Outcome: Sendable {
        public var counts: [(table: String, rows: Int)]
        public var copied: Bool
    }

    /// Serializes copies into one PostgreSQL store ("reputa-copy").
    static let copyLock: Int64 = 0x7265_7075_7461_6370

    /// Rows per multi-row insert.
    static let batch = 200

    public static func copy(from source: any SQLStore, to target: any SQLStore) throws -> Outcome {
        guard source.place != target.place else {
            throw StoreError(place: target.place, message: "the source and the target are the same store")
        }
        let outcome = try source.reading { from in
            let counts = try tables.map { ($0, try count($0, in: from)) }
            return try target.writing { to in
                if to.dialect == .postgres { try to.execute("SELECT pg_advisory_xact_lock(?)", copyLock) }
                let held = try tables.map { ($0, try count($0, in: to)) }
                if held.allSatisfy({ $0.1 == 0 }) {
                    for table in tables { try copyRows(table, from: from, to: to) }
                    try verify(counts, in: to, place: target.place)
                    if to.dialect == .postgres {
                        for table in identityTables {
                            try to.execute("""
                                SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE(MAX(id), 0) + 1, false) AS v FROM \(table)
                                """, [])
                        }
                    }
                    return Outcome(counts: counts, copied: true)
                }
                if held.map(\.1) == counts.map(\.1) { return Outcome(counts: counts, copied: false) }
                let first = zip(held, counts).first { $0.0.1 != $0.1.1 }!
                throw StoreError(place: target.place, message: """
                    already holds other data (\(first.0.0): \(first.0.1) rows here, \(first.1.1) in \(source.place)); \
                    copy into an empty store
                    """)
            }
        }
        if outcome.copied {
            for (table, rows) in outcome.counts { target.settle([table], changedRows: rows) }
        }
        return outcome
    }

    static func count(_ table: String, in db: any SQLConnection) throws -> Int {
        try db.fetchOne("SELECT COUNT(*) AS n FROM \(table)")?["n"] ?? 0
    }

    /// Streams `table` from one connection into the other in multi-row inserts, in id order
    /// where there is one (a flag's events keep their order).
    static func copyRows(_ table: String, from: any SQLConnection, to: any SQLConnection) throws {
        var columns: [String] = []
        var pending: [SQLValue] = []
        var rows = 0
        func flush() throws {
            guard rows > 0 else { return }
            let marks = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            try to.execute("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: marks, count: rows).joined(separator: ", "), pending)
            pending.removeAll(keepingCapacity: true)
            rows = 0
        }
        try from.each("SELECT * FROM \(table) ORDER BY \(identityTables.contains(table) ? "id" : "1")", []) { row in
            if columns.isEmpty { columns = row.names }
            pending += row.values
            rows += 1
            if rows == batch { try flush() }
        }
        try flush()
    }

    static func verify(_ expected: [(String, Int)], in db: any SQLConnection, place: String) throws {
        for (table, rows) in expected {
            let found = try count(table, in: db)
            guard found == rows else {
                throw StoreError(place: place, message: "copy check failed: \(table) has \(found) rows, the source \(rows); nothing was kept")
            }
        }
    }
}
