/// A standalone HTML page holding the table (OWASP XSS rules #1/#2): every cell is text
/// content with `& < > " '` escaped, nothing untrusted reaches an attribute, a script or a
/// style; the page has no scripts and a CSP that forbids them.
enum HTMLRenderer {
    static func render(_ table: DataTable) -> String {
        let out = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>Reputa</title>
        <style>table{border-collapse:collapse;font:14px sans-serif}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}td.n{text-align:right}</style>
        </head><body><table>
        <thead><tr>
        """
        return out + tableBody(table) + "</body></html>\n"
    }

    /// The table's header cells, rows and closing tags, after an opening `<table><thead><tr>`.
    static func tableBody(_ table: DataTable) -> String {
        var out = table.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>" + row.map { cell in
                switch cell {
                case let .text(s): "<td>\(escape(s))</td>"
                case let .number(d): "<td class=\"n\">\(Renderer.plain(d))</td>"
                case let .integer(i): "<td class=\"n\">\(i)</td>"
                case let .bool(b): "<td>\(b ? "yes" : "no")</td>"
                case let .list(items): "<td>\(escape(items.joined(separator: "; ")))</td>"
                case .null: "<td></td>"
                }
            }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// A `<table>` fragment for pages that hold several.
    static func fragment(_ table: DataTable) -> String { "<table><thead><tr>" + tableBody(table) }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in TerminalText.clean(s).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
