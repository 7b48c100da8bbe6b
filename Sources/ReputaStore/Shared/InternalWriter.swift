import ReputaCore

/// Upserts the rows of one internal table (survey answers, tickets…) for one source, in
/// chunks: one query finds which keys are held and their content hash, one multi-row `INSERT`
/// adds the new rows, and each changed row gets its `UPDATE`. Row by row that was two
/// statements each: 200 000 survey answers took 107 s on PostgreSQL, a round trip apiece
/// (`make bench`). Every row of a table has the same key and value columns; keys are text.
final class InternalWriter {
    let db: any SQLConnection
    let table: String
    let source: String
    let snapshotID: Int64
    let keyColumns: [String]
    let valueColumns: [String]
    private(set) var counts = ImportCounts()
    private var pending: [(key: [String], values: [SQLValue], hash: String)] = []
    private var pendingKeys: Set<[String]> = []
    private var finders: [Int: any SQLStatement] = [:]
    private var inserts: [Int: any SQLStatement] = [:]
    private var update: (any SQLStatement)?

    /// Rows per lookup and insert: 500 rows of at most 16 columns stay under both engines'
    /// parameter limits (SQLite 32 766, PostgreSQL 65 535).
    static let chunk = 500

    init(db: any SQLConnection, table: String, source: String, snapshotID: Int64, keyColumns: [String],
         valueColumns: [String]) {
        self.db = db
        self.table = table
        self.source = source
        self.snapshotID = snapshotID
        self.keyColumns = keyColumns
        self.valueColumns = valueColumns
        hashOrder = valueColumns.indices.sorted { valueColumns[$0] < valueColumns[$1] }
    }

    /// The value columns' positions in name order, the order the content hash takes them in.
    private let hashOrder: [Int]

    /// Adds one row: `key` in `keyColumns` order, `values` in `valueColumns` order.
    func add(key: [String], values: [SQLValue]) throws {
        // A key twice in one payload is written in order: what came before goes first.
        if !pendingKeys.insert(key).inserted {
            try flush()
            pendingKeys.insert(key)
        }
        let hash = InternalRecords.contentHash(hashOrder.map { (valueColumns[$0], values[$0]) })
        pending.append((key, values, hash))
        if pending.count >= Self.chunk { try flush() }
    }

    /// Writes what is gathered; call once more after the last row.
    func flush() throws {
        guard !pending.isEmpty else { return }
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingKeys.removeAll(keepingCapacity: true)
        }
        var held: [[String]: String] = [:]
        for row in try finder(pending.count).fetch(pending.flatMap { $0.key.map(SQLValue.text) } + [.text(source)]) {
            held[keyColumns.map { row[$0] as String }] = row["content_hash"] as String
        }
        var new: [SQLValue] = []
        var newCount = 0
        for row in pending {
            switch held[row.key] {
            case row.hash?:
                counts.unchanged += 1
            case nil:
                counts.new += 1
                newCount += 1
                new += [.text(source)] + row.key.map(SQLValue.text) + row.values + [.text(row.hash), .int(snapshotID)]
            case _?:
                counts.updated += 1
                try updater().execute(row.values + [.text(row.hash), .int(snapshotID), .text(source)]
                                      + row.key.map(SQLValue.text))
            }
        }
        if newCount > 0 { try inserter(newCount).execute(new) }
    }

    /// The held rows among `count` keys. A join with a `VALUES` list, not `(k1, k2) IN ((…), …)`,
    /// which neither engine looked up through the key's index: every chunk scanned the table
    /// (200 000 answers: 269 s on PostgreSQL). `VALUES` columns are `column1`, `column2`… on both.
    private func finder(_ count: Int) throws -> any SQLStatement {
        if let known = finders[count] { return known }
        let tuple = "(" + keyColumns.map { _ in "?" }.joined(separator: ", ") + ")"
        let match = keyColumns.enumerated().map { "t.\($1) = v.column\($0 + 1)" }.joined(separator: " AND ")
        let made = try db.prepare("""
            SELECT \(keyColumns.map { "t.\($0)" }.joined(separator: ", ")), t.content_hash
            FROM (VALUES \(Array(repeating: tuple, count: count).joined(separator: ", "))) AS v
            JOIN \(table) t ON t.source = ? AND \(match)
            """)
        finders[count] = made
        return made
    }

    private func inserter(_ count: Int) throws -> any SQLStatement {
        if let known = inserts[count] { return known }
        let columns = ["source"] + keyColumns + valueColumns + ["content_hash", "snapshot_id"]
        let tuple = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
        let made = try db.prepare("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: count).joined(separator: ", "))
        inserts[count] = made
        return made
    }

    private func updater() throws -> any SQLStatement {
        if let update { return update }
        let made = try db.prepare("""
            UPDATE \(table) SET \((valueColumns + ["content_hash", "snapshot_id"]).map { "\($0) = ?" }.joined(separator: ", "))
            WHERE source = ? AND \(keyColumns.map { "\($0) = ?" }.joined(separator: " AND "))
            """)
        update = made
        return made
    }
}
