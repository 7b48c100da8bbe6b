import Foundation

/// An array of objects, keys in column order, numbers as JSON numbers, one object per line.
enum JSONRenderer {
    static func render(_ table: DataTable) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let keys = table.columns.map(JSONText.quoted)
        let objects = table.rows.map { row in "  " + object(keys: keys, row: row) }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// One row as an object; `keys` already quoted. `extra` pairs are appended verbatim.
    static func object(keys: [String], row: [DataTable.Cell], extra: [(String, String)] = []) -> String {
        "{" + (zip(keys, row).map { key, cell in "\(key): \(value(cell))" } + extra.map { "\(JSONText.quoted($0)): \($1)" })
            .joined(separator: ", ") + "}"
    }

    static func value(_ cell: DataTable.Cell) -> String {
        switch cell {
        case let .text(s): JSONText.quoted(s)
        case let .number(d): d.isFinite ? Renderer.plain(d) : "null"
        case let .integer(i): String(i)
        case let .bool(b): b ? "true" : "false"
        case let .list(items): "[" + items.map(JSONText.quoted).joined(separator: ",") + "]"
        case .null: "null"
        }
    }
}
