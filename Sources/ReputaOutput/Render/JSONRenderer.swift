import Foundation

/// An array of objects, keys in column order, numbers as JSON numbers, one object per line.
enum JSONRenderer {
    static func render(_ table: DataTable) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let keys = table.columns.map(JSONText.quoted)
        let objects = table.rows.map { row in
            "  {" + zip(keys, row).map { key, cell in "\(key): \(value(cell))" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func value(_ cell: DataTable.Cell) -> String {
        switch cell {
        case let .text(s): JSONText.quoted(s)
        case let .number(d): d.isFinite ? Renderer.plain(d) : "null"
        case let .integer(i): String(i)
        case .null: "null"
        }
    }
}
