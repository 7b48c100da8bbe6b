import Foundation
import ReputaCore

/// A small CSV read whole (survey, helpdesk and customers exports): its header and rows with
/// their line numbers, cells looked up by column name. Decoding and quoting are `CSVReader`'s.
struct CSVTable {
    var columns: [String]
    var rows: [CSVReader.Record]
    /// Rows skipped whole by the reader (a NUL byte, a field over `max_field_bytes`).
    var refused: [RowProblem] = []
    let source: String
    let origin: String

    init(_ bytes: [UInt8], source: SourceDescriptor, origin: String) throws {
        self.source = source.name
        self.origin = origin
        func fail(_ place: String, _ message: String) -> ParseError {
            ParseError(source: source.name, place: place, message: message)
        }
        do {
            var reader = try CSVReader(UTF8Stream(ByteInput(bytes: bytes, origin: origin)),
                                       delimiter: source.delimiter?.utf8.first,
                                       maxFieldBytes: source.maxFieldBytes ?? CSVReader.defaultMaxFieldBytes)
            guard let header = try reader.next(), header.fields.contains(where: { !$0.isEmpty }) else {
                throw fail(origin, "empty file")
            }
            if let refusal = header.refusal {
                throw fail("\(origin):\(refusal.line):\(refusal.column)", "header: " + refusal.message(columns: []))
            }
            columns = header.fields.map { CellText.clean($0) }
            var rows: [CSVReader.Record] = []
            var refused: [RowProblem] = []
            while let r = try reader.next() {
                if let refusal = r.refusal {
                    refused.append(RowProblem(place: "\(origin):\(refusal.line):\(refusal.column)", message: refusal.message(columns: columns)))
                } else {
                    rows.append(r)
                }
            }
            self.rows = rows
            self.refused = refused
        } catch let failure as CSVReader.Failure {
            throw fail("\(origin):\(failure.line):\(failure.column)", failure.message)
        } catch let failure as TextDecoder.Failure {
            switch failure {
            case let .invalidUTF8(line, column):
                throw fail("\(origin):\(line):\(column)", "not valid UTF-8 and no byte-order mark says otherwise")
            case .invalidUTF16:
                throw fail(origin, failure.description)
            }
        }
    }

    /// The position of `name` (exact, then case-insensitive).
    func index(of name: String) -> Int? {
        columns.firstIndex(of: name) ?? columns.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The first of `names` present.
    func index(ofAny names: [String]) -> Int? {
        for n in names { if let i = index(of: n) { return i } }
        return nil
    }

    /// A mapped column's position, or a parse error naming the columns found.
    func require(_ name: String, for field: String, hint: String) throws -> Int {
        guard let i = index(of: name) else {
            throw ParseError(source: source, place: "\(origin):1",
                             message: "column \"\(name)\" (\(field)) not found; \(hint)columns found: \(found)")
        }
        return i
    }

    var found: String { columns.map { "\"\($0)\"" }.joined(separator: ", ") }

    /// field → column position: the mapped column (which must exist), else the first alias
    /// present; every `required` field must end up with one.
    func fieldIndex(_ fields: [String], aliases: [String: [String]], mapping: [String: String],
                    required: [String] = []) throws -> [String: Int] {
        var index: [String: Int] = [:]
        for field in fields {
            if let column = mapping[field] {
                index[field] = try require(column, for: field, hint: "")
            } else if let i = self.index(ofAny: aliases[field] ?? []) {
                index[field] = i
            }
        }
        for field in required where index[field] == nil {
            throw ParseError(source: source, place: "\(origin):1",
                             message: "no column for \(field) (map one with --map \(field)=Column); columns found: \(found)")
        }
        return index
    }

    func place(_ row: CSVReader.Record) -> String { "\(origin):\(row.line)" }

    static func cell(_ row: CSVReader.Record, _ i: Int?) -> String {
        guard let i, i < row.fields.count else { return "" }
        return CellText.clean(row.fields[i])
    }

    /// Segment name → cell, for the configured segment columns (every one must exist).
    func segmentIndexes(_ spec: [String: String]) throws -> [(String, Int)] {
        try spec.sorted { $0.key < $1.key }.map { (name, column) in
            (name, try require(column, for: "segment \(name)", hint: ""))
        }
    }
}

/// Cell and value rules every internal importer shares.
enum RecordCells {
    struct RowFailure: Error { var message: String }

    /// Segments of a row: the configured columns, the source's own location when no column
    /// gives one, and location names mapped to location ids through their aliases.
    static func segments(_ row: CSVReader.Record, _ indexes: [(String, Int)], source: SourceDescriptor) -> [String: String] {
        var out: [String: String] = [:]
        for (name, i) in indexes {
            let v = CSVTable.cell(row, i)
            if !v.isEmpty { out[name] = v }
        }
        return normalized(out, source: source)
    }

    static func normalized(_ segments: [String: String], source: SourceDescriptor) -> [String: String] {
        var out = segments
        if let raw = out["location"] {
            out["location"] = source.locationAliases[raw] ?? raw
        } else if !source.location.isEmpty {
            out["location"] = source.location
        }
        return out
    }

    /// A whole number (`12`, `12.0`, ` 12 `); nil for empty; throws for anything else.
    static func count(_ raw: String, field: String) throws -> Int? {
        if raw.isEmpty { return nil }
        guard let v = Double(raw.replacingOccurrences(of: ",", with: ".")), v == v.rounded(), abs(v) < 1e12 else {
            throw RowFailure(message: "\(field) is \"\(raw)\", not a whole number")
        }
        guard v >= 0 else { throw RowFailure(message: "\(field) is \(Int(v)), below zero") }
        return Int(v)
    }

    /// A number with `.` or `,` as decimal mark; nil for empty.
    static func number(_ raw: String, field: String) throws -> Double? {
        if raw.isEmpty { return nil }
        guard let v = Double(raw.replacingOccurrences(of: ",", with: ".")), v.isFinite else {
            throw RowFailure(message: "\(field) is \"\(raw)\", not a number")
        }
        return v
    }

    static func date(_ raw: String, field: String, zone: TimeZone, monthFirst: Bool = false) throws -> Timestamp? {
        if raw.isEmpty { return nil }
        guard let t = DateText.parse(raw, zone: zone, monthFirst: monthFirst) else {
            throw RowFailure(message: "\(field) is \"\(raw)\", not a date")
        }
        return t
    }

    static func zone(_ source: SourceDescriptor) -> TimeZone { TimeZone(identifier: source.timezone) ?? .gmt }
}
