import Foundation
import ReputaCore
import GRDB
@testable import ReputaPostgres
import ReputaStore
import ReputaStoreTesting
import Testing

@Suite struct PostgresStoreTests {
    func server() throws -> TestPostgres {
        try TestPostgres.shared.get()
    }

    func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    /// Column names and types, table by table, as the server lists them.
    func columns(_ session: PostgresSession) throws -> [String: [String]] {
        let rows = try session.query("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'reputa_schema' ORDER BY table_name, ordinal_position
            """)
        var tables: [String: [String]] = [:]
        for row in rows {
            let (table, column) = try row.decode((String, String).self)
            tables[table, default: []].append(column)
        }
        return tables
    }

    @Test func aNewDatabaseGetsTheSQLiteStoresTablesAndVersion() throws {
        let location = try server().freshDatabase()
        let store = try PostgresStore(location)
        #expect(try store.version() == SQLiteStore.schemaVersion)
        // The same tables with the same columns as a new SQLite store, read from SQLite itself.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.sqlite").path
        _ = try SQLiteStore(path: path)
        let sqlite = try DatabaseQueue(path: path).read { db -> [String: [String]] in
            var tables: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                tables[table] = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] }
            }
            return tables
        }
        let postgres = try columns(store.session)
        #expect(postgres.keys.sorted() == sqlite.keys.sorted())
        for (table, names) in sqlite {
            #expect(postgres[table] == names, "\(table)")
        }
    }

    @Test func openingAgainMigratesNothingAndTwoOpenersAtOnceMigrateOnce() throws {
        let location = try server().freshDatabase()
        // Two processes' worth of openers on a new database at the same moment.
        let results = Results()
        let group = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                results.add(Result { _ = try PostgresStore(location) })
            }
        }
        group.wait()
        #expect(results.failures.isEmpty, "\(results.failures)")
        let store = try PostgresStore(location)
        let steps = try store.session.query("SELECT version, id FROM reputa_schema ORDER BY version")
            .map { try $0.decode((Int64, String).self) }
        #expect(steps.map(\.0) == [9, 10, 11, 12, 13, 14, 15])
        #expect(steps.map(\.1) == ["v9-baseline", "v10-flag-event-ids", "v11-leases", "v12-byte-order-text", "v13-web", "v14-flag-queue-index",
                                   "v15-quiet-source-alerts"])
    }

    /// In a database whose locale sorts like a dictionary (ICU en-US: "aurora" before "Zurigo"),
    /// the store's text still sorts by bytes, as SQLite does ("Zurigo" first: 'Z' is 0x5A, 'a'
    /// 0x61), and every text column says so.
    @Test func textSortsByBytesWhateverTheDatabasesLocale() throws {
        let location = try server().freshDatabase(options: "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'")
        let store = try PostgresStore(location)
        let dictionary = try store.session.query("SELECT x FROM (VALUES ('aurora'), ('Zurigo')) v(x) ORDER BY x")
            .map { try $0.decode(String.self) }
        #expect(dictionary == ["aurora", "Zurigo"]) // the database's own order, so the test can tell
        try store.session.query("INSERT INTO leases (name, due_at) VALUES ('aurora', ''), ('Zurigo', ''), ('bruno', '')")
        let names = try store.session.query("SELECT name FROM leases ORDER BY name").map { try $0.decode(String.self) }
        #expect(names == ["Zurigo", "aurora", "bruno"])
        let collations = try store.session.query("""
            SELECT DISTINCT COALESCE(collation_name, '(database default)') FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type = 'text'
            """).map { try $0.decode(String.self) }
        #expect(collations == ["C"])
    }

    /// A bulk import leaves `reviews` vacuumed and analyzed (index-only scans skip the table,
    /// the planner knows its size); a small one leaves that to autovacuum.
    @Test func aBulkImportIsFollowedByVacuumAnalyzeAndASmallOneIsNot() throws {
        let scratch = try Scratch(.postgres)
        let store = try #require(scratch.store as? PostgresStore)
        let source = SourceDescriptor(name: "s", kind: "csv")
        func importReviews(_ ids: Range<Int>) throws {
            let bytes = Array("payload \(ids)".utf8)
            let snapshot = try scratch.archive.store(bytes, sha256: SHA256.hex(bytes), source: "s", originalName: "p.csv",
                                                     capturedAt: Timestamp(epochSeconds: 1_790_000_000))
            _ = try store.importBatch(ParsedBatch(reviews: ids.map { review("\($0)") }, skipped: []), snapshot: snapshot,
                                      origin: "p.csv", descriptor: source, importedAt: Timestamp(epochSeconds: 1_790_000_000))
        }
        func vacuumedAndAnalyzed() throws -> [Bool] {
            try store.session.query("""
                SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'reviews'
                """).map { try $0.decode((Bool, Bool).self) }.flatMap { [$0.0, $0.1] }
        }
        try importReviews(0 ..< 100)
        #expect(try vacuumedAndAnalyzed() == [false, false])
        try importReviews(100 ..< 100 + PostgresStore.bulkRows)
        #expect(try vacuumedAndAnalyzed() == [true, true])
    }

    @Test func aStoreFromANewerReputaIsRefusedWithBothVersions() throws {
        let location = try server().freshDatabase()
        let store = try PostgresStore(location)
        try store.session.query("INSERT INTO reputa_schema VALUES (42, 'v42-future', '2030-01-01T00:00:00Z')")
        let said = message { _ = try PostgresStore(location) }
        #expect(said == "store: \(location): written by a newer Reputa (schema 42); this binary knows schema \(PostgresStore.schemaVersion) at most")
    }

    @Test func aWrongPasswordIsNamedWithoutThePassword() throws {
        let server = try server()
        let said = message { _ = try PostgresStore(server.location(database: "reputa_test", password: "Guess#123")) }
        #expect(said.hasPrefix("store: postgres://reputa@127.0.0.1:\(server.port)/reputa_test: "))
        #expect(said.contains("password authentication failed for user \"reputa\""))
        #expect(!said.contains("Guess#123") && !said.contains(TestPostgres.password))
        let none = message { _ = try PostgresStore(server.location(database: "reputa_test", password: nil)) }
        #expect(none.contains("the server asks for a password and none was given"))
    }

    @Test func anUnreachableServerIsNamed() throws {
        let port = try TestPostgres.freePort()
        let location = PostgresLocation(host: "127.0.0.1", port: port, user: "reputa", database: "r", password: "x",
                                        tls: .disable)
        let said = message { _ = try PostgresStore(location) }
        #expect(said.hasPrefix("store: postgres://reputa@127.0.0.1:\(port)/r: cannot reach the server at 127.0.0.1:\(port)"))
    }

    @Test func sslmodePreferFallsBackToPlainAndRequireRefuses() throws {
        let server = try server()
        var location = server.location(database: "reputa_test")
        location.tls = .prefer
        #expect(try PostgresSession(location).query("SELECT 1").count == 1)
        location.tls = .require
        #expect(message { _ = try PostgresSession(location) }.contains("the server does not offer TLS"))
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var failed: [String] = []
    func add(_ result: Result<Void, Error>) {
        lock.lock()
        defer { lock.unlock() }
        if case .failure(let error) = result { failed.append("\(error)") }
    }
    var failures: [String] {
        lock.lock()
        defer { lock.unlock() }
        return failed
    }
}
