/// Rows of data on their way to a format: every command that prints data builds one of these
/// and hands it to a `Renderer`, so escaping and formatting live in one place.
public struct DataTable: Equatable, Sendable {
    public enum Cell: Equatable, Sendable {
        /// Untrusted or free text: escaped for every destination.
        case text(String)
        case number(Double)
        case integer(Int)
        /// Several untrusted texts: a JSON array, else joined with "; ".
        case list([String])
        /// true/false in JSON, yes/no elsewhere.
        case bool(Bool)
        case null
    }

    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
    }
}

/// Output formats a data command can print.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv, md, html
}

public enum Renderer {
    public static func render(_ table: DataTable, as format: OutputFormat) -> String {
        switch format {
        case .table: TableRenderer.render(table)
        case .json: JSONRenderer.render(table)
        case .csv: CSVRenderer.render(table)
        case .md: MarkdownRenderer.render(table)
        case .html: HTMLRenderer.render(table)
        }
    }

    /// Numbers as people read them: integers without `.0`, others with up to 2 decimals.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var s = String(format: "%.2f", value)
        while s.hasSuffix("0") { s.removeLast() }
        // 0.0003 rounds to "0.00": "0", never "0." (not a JSON number) or "-0".
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}
