/// A GitHub-flavoured Markdown table. Pipes, backslashes and markup characters in text are
/// backslash-escaped, `<` `>` `&` become entities, and newlines become spaces.
enum MarkdownRenderer {
    static func render(_ table: DataTable) -> String {
        func row(_ values: [String]) -> String { "| " + values.joined(separator: " | ") + " |" }
        var out = row(table.columns.map(escape)) + "\n"
        out += row(table.columns.map { _ in "---" }) + "\n"
        for r in table.rows {
            out += row(r.map { cell in
                switch cell {
                case let .text(s): escape(s)
                case let .number(d): Renderer.plain(d)
                case let .integer(i): String(i)
                case let .bool(b): b ? "yes" : "no"
                case let .list(items): escape(items.joined(separator: "; "))
                case .null: ""
                }
            }) + "\n"
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in TerminalText.clean(s) {
            switch ch {
            case "|", "\\", "*", "_", "`", "[", "]", "#": out += "\\\(ch)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(ch)
            }
        }
        return out
    }
}
