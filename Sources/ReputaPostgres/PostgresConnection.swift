import Foundation
import PostgresNIO
import ReputaStore

/// The shared store logic's `SQLConnection` on a PostgreSQL session, inside a transaction
/// the store opened: `?` and `?N` parameters become `$N`, and result cells become the four
/// value kinds the SQLite store reads (a `numeric`, such as a `SUM` of integers, as a double;
/// a boolean as 0 or 1).
struct PostgresSQLConnection: SQLConnection {
    let session: PostgresSession

    var dialect: SQLDialect { .postgres }

    /// Reviews per `COPY`: each batch is a few round trips (and the known reviews' lookup 500
    /// keys a query).
    var reviewBatchSize: Int { 2000 }

    /// New reviews go by `COPY` into a scratch table, then one `INSERT … SELECT … ON CONFLICT DO
    /// NOTHING` per batch. A multi-row `INSERT` of 500 rows (16 000 parameters) cost the server a
    /// parse and plan each time: 16–17k rows/s on the 1M-row CSV (`make bench`), server-bound.
    func reviewInserter() throws -> ReviewInserter {
        let columns = ReviewInsert.columns.joined(separator: ", ")
        try execute("DROP TABLE IF EXISTS pg_temp.\(Self.newRows)", [])
        try execute("CREATE TEMP TABLE \(Self.newRows) ON COMMIT DROP AS SELECT \(columns) FROM reviews WITH NO DATA", [])
        // Ids are given in payload order, as on SQLite.
        try execute("ALTER TABLE \(Self.newRows) ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY", [])
        let insert = try prepare("""
            INSERT INTO reviews (\(columns)) SELECT \(columns) FROM \(Self.newRows) ORDER BY seq
            ON CONFLICT (merge_key) DO NOTHING RETURNING merge_key
            """)
        return { rows in
            guard !rows.isEmpty else { return [] }
            try self.execute("TRUNCATE \(Self.newRows)", [])
            var copy = CopyText()
            for row in rows {
                for value in row.values { copy.append(value) }
                copy.endRow()
            }
            try self.session.copy(into: Self.newRows, columns: ReviewInsert.columns, copy.buffer)
            let inserted = Set(try insert.fetch([]).map { $0["merge_key"] as String })
            return rows.map { inserted.contains($0.key) }
        }
    }

    /// The scratch table of one batch's new reviews.
    static let newRows = "import_new_reviews"

    /// Edits go like new reviews: `COPY` into a scratch table (made on the payload's first
    /// edit), then one statement keeps the rows they replace as revisions and one updates
    /// them. Two statements per edited review were two round trips each (by hand, the bench's
    /// CSV generator: 200 000 rows with 40 000 edits, 26.7 s before, 6.2 s after).
    func reviewUpdater() throws -> ReviewUpdater {
        let columns = ["id"] + ReviewChange.columns + ReviewChange.createdColumns
        var made = false
        return { changes in
            guard !changes.isEmpty else { return }
            if made {
                try self.execute("TRUNCATE \(Self.changedRows)", [])
            } else {
                try self.execute("DROP TABLE IF EXISTS pg_temp.\(Self.changedRows)", [])
                try self.execute("""
                    CREATE TEMP TABLE \(Self.changedRows) ON COMMIT DROP AS
                    SELECT \(columns.joined(separator: ", ")) FROM reviews WITH NO DATA
                    """, [])
                try self.execute("""
                    ALTER TABLE \(Self.changedRows) ADD COLUMN moves_created BOOLEAN, ADD COLUMN replaced_at TEXT,
                        ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY
                    """, [])
                made = true
            }
            var copy = CopyText()
            for change in changes {
                copy.append(change.id.sqlValue)
                for value in change.values { copy.append(value) }
                for value in change.created ?? ReviewChange.createdColumns.map({ _ in SQLValue.null }) { copy.append(value) }
                copy.append(SQLValue.int(change.created == nil ? 0 : 1))
                copy.append(change.replacedAt.sqlValue)
                copy.endRow()
            }
            try self.session.copy(into: Self.changedRows, columns: columns + ["moves_created", "replaced_at"], copy.buffer)
            try self.execute("""
                INSERT INTO review_revisions (\(ReviewChange.revisionColumns.joined(separator: ", ")))
                SELECT r.id, \(ReviewChange.keptColumns.map { "r.\($0)" }.joined(separator: ", ")), c.replaced_at
                FROM \(Self.changedRows) c JOIN reviews r ON r.id = c.id ORDER BY c.seq
                """, [])
            let set = ReviewChange.assignments(from: { "c.\($0)" }, stored: "r.")
            let created = ReviewChange.createdColumns.map { "\($0) = CASE WHEN c.moves_created THEN c.\($0) ELSE r.\($0) END" }
            try self.execute("""
                UPDATE reviews r SET \(set), \(created.joined(separator: ", "))
                FROM \(Self.changedRows) c WHERE r.id = c.id
                """, [])
        }
    }

    /// The scratch table of one batch's edited reviews.
    static let changedRows = "import_changed_reviews"

    func execute(_ sql: String, _ values: [SQLValue]) throws -> Int {
        try session.run(Self.numbered(sql), values).metadata.rows ?? 0
    }

    func fetch(_ sql: String, _ values: [SQLValue]) throws -> [SQLRecord] {
        try fetchNumbered(Self.numbered(sql), values)
    }

    /// Numbers the parameters once; the statement runs as often as needed.
    func prepare(_ sql: String) throws -> any SQLStatement { Statement(db: self, numbered: Self.numbered(sql)) }

    struct Statement: SQLStatement {
        let db: PostgresSQLConnection
        let numbered: String
        func execute(_ values: [SQLValue]) throws -> Int { try db.session.run(numbered, values).metadata.rows ?? 0 }
        func fetch(_ values: [SQLValue]) throws -> [SQLRecord] { try db.fetchNumbered(numbered, values) }
    }

    func fetchNumbered(_ sql: String, _ values: [SQLValue]) throws -> [SQLRecord] {
        var columns: SQLColumns?
        return try session.run(sql, values).rows.map { row in
            let shared = columns ?? SQLColumns(row.map(\.columnName))
            columns = shared
            return SQLRecord(columns: shared, values: row.map(Self.value))
        }
    }

    /// `?` → `$1`, `$2`, … in order; `?N` → `$N`; nothing inside '…' literals or "…" names.
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 8)
        var quote: Character?
        var next = 1
        var index = sql.startIndex
        while index < sql.endIndex {
            let c = sql[index]
            index = sql.index(after: index)
            if let q = quote {
                out.append(c)
                if c == q { quote = nil }
                continue
            }
            if c == "'" || c == "\"" {
                quote = c
                out.append(c)
            } else if c == "?" {
                var digits = ""
                while index < sql.endIndex, sql[index].isASCII, sql[index].isNumber {
                    digits.append(sql[index])
                    index = sql.index(after: index)
                }
                if digits.isEmpty {
                    out += "$\(next)"
                    next += 1
                } else {
                    out += "$" + digits
                }
            } else {
                out.append(c)
            }
        }
        return out
    }

    static func value(_ cell: PostgresCell) -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8:
            return (try? cell.decode(Int64.self)).map(SQLValue.int) ?? .null
        case .float4, .float8:
            return (try? cell.decode(Double.self)).map(SQLValue.double) ?? .null
        case .numeric:
            return (try? cell.decode(Decimal.self)).map { .double(NSDecimalNumber(decimal: $0).doubleValue) } ?? .null
        case .bool:
            return (try? cell.decode(Bool.self)).map { .int($0 ? 1 : 0) } ?? .null
        default:
            return (try? cell.decode(String.self)).map(SQLValue.text) ?? .null
        }
    }
}

extension PostgresStore: SQLStore {
    public var place: String { location.description }

    public func reading<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try session.transaction(readOnly: true) { try body(PostgresSQLConnection(session: session)) }
    }

    public func writing<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try session.transaction { try body(PostgresSQLConnection(session: session)) }
    }

    /// After a bulk write, `VACUUM (ANALYZE)` the tables written ("Populating a Database":
    /// https://www.postgresql.org/docs/current/populate.html, run ANALYZE afterwards). Until
    /// then the planner guesses their size and index-only scans visit every row's page (the
    /// visibility map is not set yet): the weekly tallies of 330 000 reviews just imported took
    /// 361 ms, 21 ms once vacuumed. Autovacuum would get there, later. A vacuum already running
    /// on a table (another worker's, autovacuum's) is not waited for.
    public func settle(_ tables: [String], changedRows rows: Int) {
        guard rows >= Self.bulkRows else { return }
        for table in tables { _ = try? session.query("VACUUM (ANALYZE, SKIP_LOCKED) \(table)") }
    }

    /// How many changed rows make a write a bulk write.
    public static let bulkRows = 10_000
}
