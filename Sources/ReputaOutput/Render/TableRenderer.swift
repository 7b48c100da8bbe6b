/// Aligned columns for a terminal. Cells are cleaned of control characters and long text is
/// cut on a character boundary, so one review is one line. Widths are display widths
/// (`DisplayWidth`: a CJK character or an emoji takes two columns), and the table is narrowed to
/// the terminal (`$COLUMNS`, or stdout's width) by shortening its widest columns first.
enum TableRenderer {
    static let maxWidth = 60
    /// No column is narrowed below this (or its header's width, when shorter).
    static let minWidth = 8

    static func render(_ table: DataTable, columns: Int? = DisplayWidth.terminalColumns) -> String {
        var cells = table.rows.map { $0.map(text) }
        var widths = table.columns.map(DisplayWidth.of)
        for row in cells {
            for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) }
        }
        let floor = widths.map { min($0, minWidth) }
        // Narrowed only when it can then fit: a table too wide even at the floors (many columns)
        // is left whole rather than cut everywhere and wrapped anyway.
        if let columns, floor.reduce(0, +) + 2 * (widths.count - 1) <= columns {
            while widths.reduce(0, +) + 2 * (widths.count - 1) > columns,
                  let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
            cells = cells.map { row in row.enumerated().map { i, c in i < widths.count ? DisplayWidth.cut(c, to: widths[i]) : c } }
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { v, w in v + String(repeating: " ", count: max(0, w - DisplayWidth.of(v))) }
                .joined(separator: "  ").replacingTrailingSpaces()
        }
        var out = line(table.columns.enumerated().map { DisplayWidth.cut($1, to: widths[$0]) }) + "\n"
        out += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in cells { out += line(row) + "\n" }
        return out
    }

    static func text(_ cell: DataTable.Cell) -> String {
        switch cell {
        case let .text(s):
            return DisplayWidth.cut(TerminalText.clean(s), to: maxWidth)
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
