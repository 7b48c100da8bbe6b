import Foundation
import GRDB
import ReputaCore

/// The embedded store: one SQLite file in WAL mode with `synchronous=FULL`, an 8 MiB page
/// cache, foreign keys on, a 5 s busy timeout, versioned migrations, and one transaction per
/// imported payload.
public final class SQLiteStore: @unchecked Sendable {
    public let path: String
    let queue: DatabaseQueue

    public static var schemaVersion: Int { Schema.latestVersion }

    public init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError(place: path, message: "cannot create the store's folder: \(Self.reason(error))")
            }
        }
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 8 MiB of page cache instead of SQLite's 2 MiB: a big import otherwise spills
            // index pages to the WAL again and again (perf: a fifth of a 200k-row CSV import);
            // more bought little and would cost the 64 MiB memory budget (`make bench`).
            try db.execute(sql: "PRAGMA cache_size = -8192")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard found <= Schema.latestVersion else {
                    throw StoreError(place: path, message:
                        "written by a newer Reputa (schema \(found)); this binary knows schema \(Schema.latestVersion) at most")
                }
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                // Foreign keys are off while migrating: rebuilding a table (v3) drops the old one,
                // which would otherwise cascade into the tables that reference it. The check
                // inside the transaction refuses a migration that left a dangling reference.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                for (index, migration) in Schema.migrations.enumerated() where index + 1 > found {
                    try db.inTransaction(.immediate) {
                        try db.execute(sql: migration.sql)
                        try migration.then?(db)
                        if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                            throw StoreError(place: path, message: "migration \(migration.id) left a dangling reference in \(broken[0] as String? ?? "?")")
                        }
                        try db.execute(sql: "PRAGMA user_version = \(index + 1)")
                        return .commit
                    }
                }
                try db.execute(sql: "PRAGMA foreign_keys = ON")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(place: path, message: Self.reason(error))
        }
    }

    static func reason(_ error: Error) -> String {
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_NOTADB: return "not a SQLite database (the file was left untouched)"
            case .SQLITE_CANTOPEN: return "cannot open the file (missing folder or no permission)"
            case .SQLITE_READONLY: return "the store is read-only"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "database is locked by another process"
            case .SQLITE_FULL: return "database or disk is full"
            default: return db.message ?? "\(db.resultCode)"
            }
        }
        if let store = error as? StoreError { return store.message }
        return error.localizedDescription
    }

    /// Runs `body` in one IMMEDIATE transaction; any error rolls everything back.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write { db in try body(db) }
        } catch let error as any ReputaError {
            throw error
        } catch {
            throw StoreError(place: path, message: Self.reason(error))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(db) }
        } catch let error as any ReputaError {
            throw error
        } catch {
            throw StoreError(place: path, message: Self.reason(error))
        }
    }

    // MARK: Ledger

    /// True when these exact bytes were already imported for `source`.
    public func hasImported(source: String, sha256: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM imports WHERE source = ? AND sha256 = ?",
                              arguments: [source, sha256]) ?? false
        }
    }

    /// Writes one parsed payload: its snapshot row, every review (new, edited or unchanged),
    /// tombstones for a full export, the ledger row and the URL's conditional-GET validators,
    /// all in one transaction (validators saved before the reviews could skip a page forever).
    public func importBatch(_ batch: ParsedBatch, snapshot: SnapshotArchive.Snapshot, origin: String,
                            descriptor: SourceDescriptor, importedAt: Timestamp,
                            validators: HTTPValidators? = nil) throws -> ImportCounts {
        try importStream(snapshot: snapshot, origin: origin, descriptor: descriptor, importedAt: importedAt,
                         validators: validators) { sink in
            try batch.forward(to: sink)
            return batch.page
        }.counts
    }

    /// Like `importBatch`, with the parser running inside the transaction: `read` hands each
    /// review to the sink as it reads it, so a payload of any size is written in bounded
    /// memory. An error from `read` rolls everything back. `report` hears of every skipped
    /// row (`kept` false) and every entry kept with a warning (`kept` true).
    public func importStream(snapshot: SnapshotArchive.Snapshot, origin: String, descriptor: SourceDescriptor,
                             importedAt: Timestamp, validators: HTTPValidators? = nil,
                             report: @escaping (RowProblem, _ kept: Bool) -> Void = { _, _ in },
                             read: (any ReviewSink) throws -> PageInfo) throws -> (counts: ImportCounts, page: PageInfo) {
        try write { db in
            let result = try Self.apply(snapshot: snapshot, origin: origin, descriptor: descriptor,
                                        importedAt: importedAt, in: db, report: report, read: read)
            if let validators { try SourceStateRecords.saveValidators(validators, source: descriptor.name, at: importedAt, in: GRDBConnection(db: db)) }
            return result
        }
    }

    static func apply(snapshot: SnapshotArchive.Snapshot, origin: String, descriptor: SourceDescriptor,
                      importedAt: Timestamp, in db: Database, report: @escaping (RowProblem, Bool) -> Void,
                      read: (any ReviewSink) throws -> PageInfo) throws -> (counts: ImportCounts, page: PageInfo) {
        let source = descriptor.name
        // Checked again inside the write transaction: another process may have imported the
        // same bytes since the caller's look at the ledger.
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM imports WHERE source = ? AND sha256 = ?",
                             arguments: [source, snapshot.sha256]) ?? false {
            var counts = ImportCounts()
            counts.alreadyImported = true
            return (counts, PageInfo())
        }
        let snapshotID = try snapshotRow(snapshot, origin: origin, in: db)
        let newestBefore = try String.fetchOne(db, sql: """
            SELECT MAX(s.captured_at) FROM imports i JOIN snapshots s ON s.id = i.snapshot_id WHERE i.source = ?
            """, arguments: [source])

        let session = try ImportSession(db: db, descriptor: descriptor, snapshotID: snapshotID,
                                        capturedAt: snapshot.capturedAt.utcISO, report: report)
        let page = try read(session)
        var counts = session.counts
        // A full export that is the newest seen and read without skipped rows says authoritatively
        // which reviews still exist; anything else could tombstone reviews that are still there.
        if descriptor.fullExport, counts.skipped == 0, session.added > 0,
           newestBefore.map({ snapshot.capturedAt.utcISO >= $0 }) ?? true {
            try db.execute(sql: """
                UPDATE reviews SET deleted_at = ? WHERE source = ? AND deleted_at IS NULL
                AND merge_key NOT IN (SELECT merge_key FROM temp.import_seen)
                """, arguments: [snapshot.capturedAt.utcISO, source])
            counts.removed = db.changesCount
        }
        try recordImport(snapshot, snapshotID: snapshotID, descriptor: descriptor, importedAt: importedAt, counts: counts, in: db)
        return (counts, page)
    }

    /// The payload's row in `snapshots` (kept once per source and hash), its id.
    static func snapshotRow(_ snapshot: SnapshotArchive.Snapshot, origin: String, in db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO snapshots (source, sha256, path, origin, bytes, captured_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (source, sha256) DO NOTHING
            """, arguments: [snapshot.source, snapshot.sha256, snapshot.relativePath, origin, snapshot.byteCount,
                             snapshot.capturedAt.utcISO])
        return try Int64.fetchOne(db, sql: "SELECT id FROM snapshots WHERE source = ? AND sha256 = ?",
                                  arguments: [snapshot.source, snapshot.sha256])!
    }

    /// The ledger row that makes the same bytes a no-op next time.
    static func recordImport(_ snapshot: SnapshotArchive.Snapshot, snapshotID: Int64, descriptor: SourceDescriptor,
                             importedAt: Timestamp, counts: ImportCounts, in db: Database) throws {
        let descriptorJSON = String(decoding: try JSONEncoder.sorted.encode(descriptor), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO imports (source, sha256, snapshot_id, descriptor, imported_at, new_count, updated_count,
                                 unchanged_count, removed_count, skipped_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [descriptor.name, snapshot.sha256, snapshotID, descriptorJSON, importedAt.utcISO, counts.new,
                             counts.updated, counts.unchanged, counts.removed, counts.skipped])
    }

    // MARK: Reparse

    /// A stored payload to parse again.
    public struct StoredSnapshot: Sendable {
        public var snapshot: SnapshotArchive.Snapshot
        public var origin: String
        /// How it was read last time (kind, mapping, scale…).
        public var descriptor: SourceDescriptor
    }

    /// Sources that have imported payloads, sorted.
    public func importedSources() throws -> [String] {
        try read { db in try Self.importingSources(db) }
    }

    /// The payloads imported for `source`, oldest capture first.
    public func importedSnapshots(source: String) throws -> [StoredSnapshot] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.sha256, s.path, s.origin, s.bytes, s.captured_at, i.descriptor
                FROM imports i JOIN snapshots s ON s.id = i.snapshot_id
                WHERE i.source = ? ORDER BY s.captured_at, i.id
                """, arguments: [source]).map { row in
                let descriptor = try JSONDecoder().decode(SourceDescriptor.self, from: Data((row["descriptor"] as String).utf8))
                let captured: String = row["captured_at"]
                return StoredSnapshot(
                    snapshot: .init(source: source, sha256: row["sha256"], relativePath: row["path"],
                                    capturedAt: Self.timestamp(captured) ?? Timestamp(epochSeconds: 0),
                                    byteCount: row["bytes"]),
                    origin: row["origin"], descriptor: descriptor)
            }
        }
    }

    /// Rebuilds `source` from its stored payloads in one transaction: forgets its reviews,
    /// revisions and ledger rows, then parses each payload again (`read`, streaming into the
    /// sink) in capture order. All or nothing. A review another source delivered too is not
    /// forgotten: it passes to that source, and the replay merges into it again.
    public func rebuild(source: String, payloads: [StoredSnapshot], importedAt: Timestamp,
                        report: @escaping (RowProblem, _ kept: Bool) -> Void = { _, _ in },
                        read: (StoredSnapshot, any ReviewSink) throws -> PageInfo) throws -> ImportCounts {
        try write { db in
            try db.execute(sql: "DELETE FROM review_routes WHERE source = ?", arguments: [source])
            for heir in try Row.fetchAll(db, sql: """
                SELECT rr.review_id, MIN(rr.source) AS source FROM review_routes rr JOIN reviews r ON r.id = rr.review_id
                WHERE r.source = ? GROUP BY rr.review_id
                """, arguments: [source]) {
                let reviewID: Int64 = heir["review_id"], heirSource: String = heir["source"]
                try db.execute(sql: """
                    UPDATE reviews SET source = ?, external_id = (SELECT external_id FROM review_routes
                        WHERE review_id = ? AND source = ? ORDER BY external_id LIMIT 1) WHERE id = ?
                    """, arguments: [heirSource, reviewID, heirSource, reviewID])
                try db.execute(sql: "DELETE FROM review_routes WHERE review_id = ? AND source = ?",
                               arguments: [reviewID, heirSource])
            }
            try db.execute(sql: "DELETE FROM review_revisions WHERE review_id IN (SELECT id FROM reviews WHERE source = ?)",
                           arguments: [source])
            try db.execute(sql: "DELETE FROM reviews WHERE source = ?", arguments: [source])
            try db.execute(sql: "DELETE FROM imports WHERE source = ?", arguments: [source])
            var total = ImportCounts()
            for stored in payloads {
                total = total + (try Self.apply(snapshot: stored.snapshot, origin: stored.origin,
                                                descriptor: stored.descriptor, importedAt: importedAt, in: db,
                                                report: report) { sink in try read(stored, sink) }).counts
            }
            return total
        }
    }

    // MARK: Reading

    static func storedReview(_ row: Row) -> StoredReview {
        ReviewRecords.storedReview(GRDBConnection.record(row))
    }

    /// Review count, mean rating (own scale and 0–100) and replies per source and ISO week,
    /// answered from the `reviews_weekly` covering index.
    public func weeklySummary(sources: [String] = []) throws -> [WeeklyRow] {
        let filter = sources.isEmpty ? "" : "AND source IN (\(sources.map { _ in "?" }.joined(separator: ",")))"
        return try read { db in
            try Row.fetchAll(db, sql: Self.weeklySQL(filter: filter), arguments: StatementArguments(sources)).map {
                WeeklyRow(source: $0["source"], week: $0["week"], count: $0["n"], meanRating: $0["mean_rating"],
                          meanRating100: $0["mean_100"], replied: $0["replied"])
            }
        }
    }

    static func weeklySQL(filter: String) -> String {
        """
        SELECT source, week, COUNT(*) AS n, AVG(rating) AS mean_rating, AVG(rating_100) AS mean_100,
               SUM(has_reply) AS replied
        FROM reviews INDEXED BY reviews_weekly
        WHERE deleted_at IS NULL AND week IS NOT NULL \(filter)
        GROUP BY source, week ORDER BY source, week
        """
    }

    /// SQLite's plan for the weekly summary, for tests that pin the covering index.
    public func weeklyPlan() throws -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Self.weeklySQL(filter: "")).map { $0["detail"] }
        }
    }

    /// Runs `PRAGMA integrity_check` and returns its verdict (`ok` when sound).
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    static func timestamp(_ utcISO: String) -> Timestamp? { Timestamp(utcISO: utcISO) }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}
