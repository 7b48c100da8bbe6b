/// One value crossing between the store's shared logic and a database: bound to a `?`
/// parameter or read from a result column. The store's columns hold only these four kinds.
public enum SQLValue: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
}

/// A Swift value the shared logic binds (`String`, `Int`, `Int64`, `Double`, `Bool`, or an
/// optional of one: nil binds NULL).
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Int: SQLBindable { public var sqlValue: SQLValue { .int(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .int(self) } }
extension Double: SQLBindable { public var sqlValue: SQLValue { .double(self) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .int(self ? 1 : 0) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// A Swift value read from a column, as GRDB's `row["name"]` reads it: an integer column
/// reads as `Double` too, and a NULL reads only as an optional.
public protocol SQLReadable {
    init?(sqlValue: SQLValue)
}

extension String: SQLReadable {
    public init?(sqlValue: SQLValue) {
        guard case .text(let v) = sqlValue else { return nil }
        self = v
    }
}

extension Int64: SQLReadable {
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .int(let v): self = v
        case .double(let v) where v.rounded() == v: self = Int64(v)
        default: return nil
        }
    }
}

extension Int: SQLReadable {
    public init?(sqlValue: SQLValue) {
        guard let v = Int64(sqlValue: sqlValue) else { return nil }
        self = Int(v)
    }
}

extension Double: SQLReadable {
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .int(let v): self = Double(v)
        case .double(let v): self = v
        default: return nil
        }
    }
}

extension Bool: SQLReadable {
    public init?(sqlValue: SQLValue) {
        guard let v = Int64(sqlValue: sqlValue) else { return nil }
        self = v != 0
    }
}

/// The column names of one result, shared by its rows, with a lookup by name: reading a row
/// by name scanned the names before (the flag pass, `make bench`, 18 % slower).
public final class SQLColumns: Sendable {
    public let names: [String]
    let positions: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (i, name) in names.enumerated() where positions[name] == nil { positions[name] = i }
        self.positions = positions
    }
}

/// One result row: its values by column name, in order.
public struct SQLRecord: Sendable {
    public let columns: SQLColumns
    public var values: [SQLValue]

    public init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public init(names: [String], values: [SQLValue]) {
        self.init(columns: SQLColumns(names), values: values)
    }

    public var names: [String] { columns.names }

    public func value(_ name: String) -> SQLValue {
        columns.positions[name].map { values[$0] } ?? .null
    }

    /// A column that must hold a value of this type; a NULL or another kind is a programming
    /// error in the shared SQL, as GRDB treats it.
    public subscript<T: SQLReadable>(_ name: String) -> T {
        guard let v = T(sqlValue: value(name)) else {
            preconditionFailure("column \(name) is \(value(name)), not \(T.self)")
        }
        return v
    }

    public subscript<T: SQLReadable>(_ name: String) -> T? {
        T(sqlValue: value(name))
    }

    public subscript<T: SQLReadable>(_ index: Int) -> T? {
        T(sqlValue: values[index])
    }
}
