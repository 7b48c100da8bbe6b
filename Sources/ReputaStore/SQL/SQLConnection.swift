/// What the store's shared logic needs of a database, inside one transaction. SQL is written
/// once, with `?` or `?N` parameters (SQLite's own); the PostgreSQL connection rewrites them
/// to `$N`. Only SQL both engines run alike goes through here (`ON CONFLICT … DO UPDATE`,
/// `COALESCE`, `CASE`, derived tables with an alias).
public protocol SQLConnection {
    /// Runs one statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue]) throws -> Int
    func fetch(_ sql: String, _ values: [SQLValue]) throws -> [SQLRecord]
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
}

/// A store whose logic is written once over `SQLConnection` (the `extension SQLStore` files in
/// `Shared/`); `SQLiteStore` and `PostgresStore` supply the transactions.
public protocol SQLStore: AnyObject, Sendable {
    /// Runs `body` in one read transaction.
    func reading<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws.
    func writing<T>(_ body: (any SQLConnection) throws -> T) throws -> T
}
