import Foundation
import ReputaCore
import ReputaStore

/// The team store: one PostgreSQL database several machines share, with the SQLite store's
/// tables (`PostgresSchema`). Opening it connects and brings the schema up to date; a store
/// written by a newer Reputa is refused with both version numbers.
public final class PostgresStore: @unchecked Sendable {
    public let location: PostgresLocation
    public let session: PostgresSession

    public static var schemaVersion: Int { PostgresSchema.latestVersion }

    public init(_ location: PostgresLocation) throws {
        self.location = location
        session = try PostgresSession(location)
        try migrate()
    }

    /// The highest schema step recorded, 0 for an empty database.
    public func version() throws -> Int {
        let exists = try session.query("SELECT to_regclass('reputa_schema') IS NOT NULL")
        guard try exists.first?.decode(Bool.self) == true else { return 0 }
        let rows = try session.query("SELECT COALESCE(MAX(version), 0) FROM reputa_schema")
        return Int(try rows.first?.decode(Int64.self) ?? 0)
    }

    /// Applies the steps this database lacks, all in one transaction under an advisory lock,
    /// so two processes opening a new store at once migrate it once.
    func migrate() throws {
        try session.transaction {
            try session.query("SELECT pg_advisory_xact_lock($1)", [.int(PostgresSchema.migrationLock)])
            try session.query("""
                CREATE TABLE IF NOT EXISTS reputa_schema (
                    version    BIGINT PRIMARY KEY,
                    id         TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """)
            let found = try version()
            guard found <= PostgresSchema.latestVersion else {
                throw StoreError(place: location.description, message:
                    "written by a newer Reputa (schema \(found)); this binary knows schema \(PostgresSchema.latestVersion) at most")
            }
            for migration in PostgresSchema.migrations where migration.version > found {
                for statement in migration.statements { try session.query(statement) }
                try session.query("INSERT INTO reputa_schema (version, id, applied_at) VALUES ($1, $2, $3)",
                                  [.int(Int64(migration.version)), .text(migration.id),
                                   .text(Timestamp(date: Date()).utcISO)])
            }
        }
    }
}
