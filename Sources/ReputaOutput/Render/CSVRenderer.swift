/// UTF-8 with BOM and CRLF row ends (what Excel expects), text cells guarded by `CSVCell`.
enum CSVRenderer {
    static func render(_ table: DataTable) -> String {
        var out = "\u{FEFF}" + table.columns.map(CSVCell.text).joined(separator: ",") + "\r\n"
        for row in table.rows {
            out += row.map { cell in
                switch cell {
                case let .text(s): CSVCell.text(s)
                case let .number(d): Renderer.plain(d)
                case let .integer(i): String(i)
                case let .bool(b): b ? "yes" : "no"
                case let .list(items): CSVCell.text(items.joined(separator: "; "))
                case .null: ""
                }
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }
}
