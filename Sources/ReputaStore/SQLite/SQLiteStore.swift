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

    /// A stored payload to parse again (the shared `StoredSnapshot`).
    public typealias StoredSnapshot = ReputaStore.StoredSnapshot

    // MARK: Reading

    /// SQLite's plan for the weekly summary, for tests that pin the covering index.
    public func weeklyPlan() throws -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Self.weeklySQL(filter: "", dialect: .sqlite)).map { $0["detail"] }
        }
    }

    /// Runs `PRAGMA integrity_check` and returns its verdict (`ok` when sound).
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// SQLite's plan for the tally query, for tests that pin the covering index.
    public func tallyPlan() throws -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT week, location, competitor, rating, COUNT(*), SUM(has_reply)
                FROM reviews INDEXED BY reviews_weekly
                WHERE source = 'x' AND week >= 'a' AND week <= 'b' AND deleted_at IS NULL
                GROUP BY week, location, competitor, rating
                """).map { $0["detail"] }
        }
    }
}
