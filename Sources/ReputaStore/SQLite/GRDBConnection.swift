import GRDB

/// The shared logic's `SQLConnection` over a GRDB database inside a transaction. Statements
/// are prepared once per connection and reused (`cachedStatement`): the import runs the same
/// few statements per review.
struct GRDBConnection: SQLConnection {
    let db: Database

    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ values: [SQLValue]) throws -> Int {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(values))
        return db.changesCount
    }

    func fetch(_ sql: String, _ values: [SQLValue]) throws -> [SQLRecord] {
        var out: [SQLRecord] = []
        try each(sql, values) { out.append($0) }
        return out
    }

    func each(_ sql: String, _ values: [SQLValue], _ body: (SQLRecord) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let columns = SQLColumns(statement.columnNames)
        let rows = try Row.fetchCursor(statement, arguments: Self.arguments(values))
        while let row = try rows.next() {
            try body(SQLRecord(columns: columns, values: row.databaseValues.map(Self.value)))
        }
    }

    func prepare(_ sql: String) throws -> any SQLStatement {
        let statement = try db.cachedStatement(sql: sql)
        return GRDBStatement(db: db, statement: statement, columns: SQLColumns(statement.columnNames))
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> DatabaseValue in
            switch value {
            case .null: return .null
            case .int(let v): return v.databaseValue
            case .double(let v): return v.databaseValue
            case .text(let v): return v.databaseValue
            }
        })
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let v): return .int(v)
        case .double(let v): return .double(v)
        case .string(let v): return .text(v)
        case .blob: return .null // the store keeps no blobs
        }
    }
}

/// A GRDB statement prepared once, with its result's column index.
struct GRDBStatement: SQLStatement {
    let db: Database
    let statement: Statement
    let columns: SQLColumns

    func execute(_ values: [SQLValue]) throws -> Int {
        try statement.execute(arguments: GRDBConnection.arguments(values))
        return db.changesCount
    }

    func fetch(_ values: [SQLValue]) throws -> [SQLRecord] {
        var out: [SQLRecord] = []
        let rows = try Row.fetchCursor(statement, arguments: GRDBConnection.arguments(values))
        while let row = try rows.next() {
            out.append(SQLRecord(columns: columns, values: row.databaseValues.map(GRDBConnection.value)))
        }
        return out
    }
}

extension SQLiteStore: SQLStore {
    public var place: String { path }

    public func reading<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try read { db in try body(GRDBConnection(db: db)) }
    }

    public func writing<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try write { db in try body(GRDBConnection(db: db)) }
    }
}
