/// Aligned columns for a terminal. Cells are cleaned of control characters and long text is
/// cut on a character boundary, so one review is one line.
enum TableRenderer {
    static let maxWidth = 60

    static func render(_ table: DataTable) -> String {
        let cells = table.rows.map { $0.map(text) }
        var widths = table.columns.map(\.count)
        for row in cells {
            for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) }
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { v, w in v + String(repeating: " ", count: max(0, w - v.count)) }
                .joined(separator: "  ").replacingTrailingSpaces()
        }
        var out = line(table.columns) + "\n"
        out += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in cells { out += line(row) + "\n" }
        return out
    }

    static func text(_ cell: DataTable.Cell) -> String {
        switch cell {
        case let .text(s):
            let clean = TerminalText.clean(s)
            return clean.count > maxWidth ? String(clean.prefix(maxWidth - 1)) + "…" : clean
        case let .bool(b): return b ? "yes" : "no"
        case let .list(items): return text(.text(items.joined(separator: "; ")))
        case let .number(d): return Renderer.plain(d)
        case let .integer(i): return String(i)
        case .null: return ""
        }
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
