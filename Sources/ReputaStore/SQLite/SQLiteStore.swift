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

    /// Reputa's mark in the SQLite header (`PRAGMA application_id`, "RPTA"): a file that carries
    /// it, or an empty one, is a store; anything else belongs to another program.
    public static let applicationID: Int32 = 0x5250_5441

    /// What read-only commands say when the path holds nothing yet (a mistyped `--store`).
    public static func missing(_ path: String) -> StoreError {
        StoreError(place: path, message: "no store at \(path): run `reputa fetch` or `reputa import` first")
    }

    /// Opens (and migrates) the store at `path`.
    /// - Parameter create: make a new store when there is no file (commands that write: `fetch`,
    ///   `import`, `run`, `watch`); false refuses a path that does not exist, creating nothing.
    public init(path: String, create: Bool = true) throws {
        self.path = path
        if !create, !FileManager.default.fileExists(atPath: path) { throw Self.missing(path) }
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
                // Nothing is changed (not even the journal mode) before the file is known to be ours.
                // The claim reads the schema version, the application id and the tables in one read
                // transaction: read one by one, another process migrating the same new store could
                // commit in between, and its tables would be seen without its id (a "foreign" store).
                var found = 0
                try db.inTransaction(.deferred) {
                    found = try Self.claim(db, path: path)
                    return .commit
                }
                try Self.enableWAL(db)
                // Foreign keys are off while migrating: rebuilding a table (v3) drops the old one,
                // which would otherwise cascade into the tables that reference it. The check
                // inside the transaction refuses a migration that left a dangling reference.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                for (index, migration) in Schema.migrations.enumerated() where index + 1 > found {
                    try db.inTransaction(.immediate) {
                        // Read inside the write lock: another process opening the same new store at
                        // the same moment may have run this step while this one waited for it.
                        let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                        guard index + 1 > current else { return .commit }
                        try db.execute(sql: migration.sql)
                        try migration.then?(db)
                        if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                            throw StoreError(place: path, message: "migration \(migration.id) left a dangling reference in \(broken[0] as String? ?? "?")")
                        }
                        try db.execute(sql: "PRAGMA user_version = \(index + 1)")
                        try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
                        return .commit
                    }
                }
                // A store made before the application id existed gets it now.
                if try Int32.fetchOne(db, sql: "PRAGMA application_id") != Self.applicationID {
                    try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(place: path, message: Self.reason(error))
        }
    }

    /// Switches a new store to WAL. SQLite answers BUSY at once, without its busy handler, while
    /// another connection holds the write lock (a second process migrating the same new store), so
    /// the switch is retried within the same 5 s the busy timeout allows.
    static func enableWAL(_ db: Database) throws {
        let deadline = Date().addingTimeInterval(5)
        while true {
            do {
                if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() == "wal" { return }
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// Refuses a file Reputa did not write: one with tables but without Reputa's application id
    /// (stores made before the id existed are recognised by their `snapshots` and `reviews`
    /// tables and schema version), and one from a newer schema. Returns the schema version found
    /// (0 for a new store).
    static func claim(_ db: Database, path: String) throws -> Int {
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if application != applicationID {
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            let legacy = application == 0 && found > 0 && Set(tables).isSuperset(of: ["snapshots", "reviews"])
            if !tables.isEmpty, !legacy {
                let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", … (\(tables.count) tables)" : "")
                throw StoreError(place: path, message: "not a Reputa store: the database holds other tables (\(shown))"
                    + (application == 0 ? "" : " and application id \(application)") + "; it was left untouched")
            }
            if application != 0, tables.isEmpty {
                throw StoreError(place: path, message: "not a Reputa store: application id \(application) belongs to another program; it was left untouched")
            }
        }
        guard found <= Schema.latestVersion else {
            throw StoreError(place: path, message:
                "written by a newer Reputa (schema \(found)); this binary knows schema \(Schema.latestVersion) at most")
        }
        return found
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
