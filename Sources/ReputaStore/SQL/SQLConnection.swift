import ReputaCore

/// What the store's shared logic needs of a database, inside one transaction. SQL is written
/// once, with `?` or `?N` parameters (SQLite's own); the PostgreSQL connection rewrites them
/// to `$N`. Only SQL both engines run alike goes through here (`ON CONFLICT … DO UPDATE`,
/// `COALESCE`, `CASE`, `RETURNING`, derived tables with an alias); where they differ the
/// `dialect` says how.
public protocol SQLConnection {
    var dialect: SQLDialect { get }
    /// Runs one statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue]) throws -> Int
    func fetch(_ sql: String, _ values: [SQLValue]) throws -> [SQLRecord]
    /// Hands each result row to `body` as it is read (SQLite steps a cursor; PostgreSQL's
    /// blocking client has read the result whole).
    func each(_ sql: String, _ values: [SQLValue], _ body: (SQLRecord) throws -> Void) throws
    /// A statement prepared once and run many times (the import runs the same few per review:
    /// looking its SQL up again each time was a fifth of a SQLite CSV import).
    func prepare(_ sql: String) throws -> any SQLStatement
    /// What inserts each review whose merge key is not stored yet, returning true at each index
    /// inserted (the keys are distinct). The default runs one multi-row `INSERT … RETURNING`;
    /// SQLite binds one prepared statement per review instead (its fast path, `GRDBConnection`).
    func reviewInserter() throws -> ReviewInserter
    /// What writes edits of stored reviews (each id once), each previous row kept as a
    /// revision. The default runs two prepared statements per review; PostgreSQL copies a
    /// batch at once (`PostgresSQLConnection`).
    func reviewUpdater() throws -> ReviewUpdater
    /// How many reviews the import gathers before its `reviewInserter` runs: 1 where a statement is
    /// cheap (SQLite, in process), hundreds where each is a round trip (PostgreSQL).
    var reviewBatchSize: Int { get }
}

/// Where the two engines' SQL differs.
/// A prepared statement of one connection, valid inside the transaction that prepared it.
public protocol SQLStatement {
    @discardableResult
    func execute(_ values: [SQLValue]) throws -> Int
    func fetch(_ values: [SQLValue]) throws -> [SQLRecord]
}

/// Inserts new reviews (see `SQLConnection.reviewInserter`).
public typealias ReviewInserter = ([ReviewInsert]) throws -> [Bool]

public enum SQLDialect: Sendable {
    case sqlite, postgres

    /// `INDEXED BY name` on SQLite, which otherwise may pick a worse index for the weekly
    /// queries (pinned by tests); nothing on PostgreSQL, whose planner takes no hints.
    public func indexedBy(_ index: String) -> String {
        self == .sqlite ? "INDEXED BY \(index)" : ""
    }

    /// Locks the rows a `SELECT` returns until the transaction ends, passing over rows another
    /// transaction holds (PostgreSQL); SQLite needs nothing: its write transaction is the only one.
    public var lockSkippingLocked: String {
        self == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
    }

    /// A per-transaction scratch table of one text primary key, empty, named `name`.
    func scratchTable(_ name: String) -> [String] {
        switch self {
        case .sqlite:
            return ["DROP TABLE IF EXISTS temp.\(name)",
                    "CREATE TEMP TABLE \(name) (merge_key TEXT PRIMARY KEY) WITHOUT ROWID"]
        case .postgres:
            return ["DROP TABLE IF EXISTS pg_temp.\(name)",
                    "CREATE TEMP TABLE \(name) (merge_key TEXT PRIMARY KEY) ON COMMIT DROP"]
        }
    }
}

extension SQLConnection {
    @discardableResult
    public func execute(_ sql: String, _ values: any SQLBindable...) throws -> Int {
        try execute(sql, values.map(\.sqlValue))
    }

    public func fetch(_ sql: String, _ values: any SQLBindable...) throws -> [SQLRecord] {
        try fetch(sql, values.map(\.sqlValue))
    }

    public func fetchOne(_ sql: String, _ values: any SQLBindable...) throws -> SQLRecord? {
        try fetch(sql, values.map(\.sqlValue)).first
    }

    public func each(_ sql: String, _ values: [SQLValue], _ body: (SQLRecord) throws -> Void) throws {
        for row in try fetch(sql, values) { try body(row) }
    }

    public var reviewBatchSize: Int { 1 }

    public func reviewInserter() throws -> ReviewInserter {
        let marks = "(" + Array(repeating: "?", count: ReviewInsert.columns.count).joined(separator: ", ") + ")"
        var prepared: [Int: any SQLStatement] = [:] // by row count: a full batch's statement is reused
        return { rows in
            guard !rows.isEmpty else { return [] }
            let statement = try prepared[rows.count] ?? self.prepare("""
                INSERT INTO reviews (\(ReviewInsert.columns.joined(separator: ", ")))
                VALUES \(Array(repeating: marks, count: rows.count).joined(separator: ", "))
                ON CONFLICT (merge_key) DO NOTHING RETURNING merge_key
                """)
            prepared[rows.count] = statement
            var values: [SQLValue] = []
            values.reserveCapacity(rows.count * ReviewInsert.columns.count)
            for row in rows { values += row.values }
            let inserted = Set(try statement.fetch(values).map { $0["merge_key"] as String })
            return rows.map { inserted.contains($0.key) }
        }
    }
}

extension SQLConnection {
    public func reviewUpdater() throws -> ReviewUpdater {
        let keep = try prepare(ReviewChange.revisionCopySQL)
        let set = ReviewChange.assignments(from: { _ in "?" }, stored: "")
        let update = try prepare("UPDATE reviews SET \(set) WHERE id = ?")
        let moved = ReviewChange.createdColumns.map { "\($0) = ?" }.joined(separator: ", ")
        let move = try prepare("UPDATE reviews SET \(set), \(moved) WHERE id = ?")
        return { changes in
            for change in changes {
                try keep.execute([change.replacedAt.sqlValue, change.id.sqlValue])
                if let created = change.created {
                    try move.execute(change.values + created + [change.id.sqlValue])
                } else {
                    try update.execute(change.values + [change.id.sqlValue])
                }
            }
        }
    }
}

/// A store whose logic is written once over `SQLConnection` (the `extension SQLStore` files in
/// `Shared/`); `SQLiteStore` and `PostgresStore` supply the transactions. This is the store
/// interface every command uses.
public protocol SQLStore: AnyObject, Sendable {
    /// Where the store is, for messages: a file path, or a PostgreSQL URL without its password.
    var place: String { get }
    /// Runs `body` in one read transaction.
    func reading<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws.
    func writing<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Brings what the engine knows of `tables` up to date after a committed write changed
    /// `rows` rows of them (a bulk import, a copy). Best effort: the data is already safe.
    func settle(_ tables: [String], changedRows rows: Int)
}

extension SQLStore {
    /// SQLite needs nothing: the weekly queries name their index, and its index-only reads
    /// never visit the table.
    public func settle(_ tables: [String], changedRows rows: Int) {}
}
