import Foundation
import ReputaCore

/// Per-customer health signals: `customer_id`, `as_of` (a date), segment columns, and every
/// other column a signal named after its header in lower case (`Tenure` → `tenure`): numbers
/// (decimal point or comma) as numbers, anything else (a plan) as a label. Which signals the
/// score uses, and how, is the `health:` config's business, not the importer's.
public struct HealthCSVImporter: InternalImporter {
    public static let fields = ["customer_id", "as_of"]

    static let aliases: [String: [String]] = [
        "customer_id": ["customer_id", "customer id", "customer", "account_id"],
        "as_of": ["as_of", "as of", "date", "snapshot_date"],
    ]

    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> InternalBatch {
        let table = try CSVTable(bytes, source: source, origin: origin)
        let index = try table.fieldIndex(Self.fields, aliases: Self.aliases, mapping: source.mapping,
                                         required: Self.fields)
        let segments = try table.segmentIndexes(source.records?.segments ?? [:])
        let taken = Set(index.values).union(segments.map(\.1))
        let signals = table.columns.indices.filter { !taken.contains($0) && !table.columns[$0].isEmpty }
        var batch = InternalBatch()
        batch.skipped = table.refused
        var seen: [String: Int] = [:]
        for row in table.rows {
            let place = table.place(row)
            let id = CSVTable.cell(row, index["customer_id"])
            guard !id.isEmpty else { batch.skipped.append(RowProblem(place: place, message: "no customer id")); continue }
            let rawDate = CSVTable.cell(row, index["as_of"])
            guard let asOf = Day(String(rawDate.prefix(10))) else {
                batch.skipped.append(RowProblem(place: place, message: "customer \(id): as_of \"\(rawDate)\" is not a YYYY-MM-DD date"))
                continue
            }
            let key = id + "\u{1F}" + asOf.description
            if let line = seen[key] {
                batch.skipped.append(RowProblem(place: place, message: "customer \(id) on \(asOf) appears twice (first at line \(line)); the first is kept"))
                continue
            }
            seen[key] = row.line
            var s = HealthSignal(customerID: id, asOf: asOf, segments: RecordCells.segments(row, segments, source: source), place: place)
            for i in signals {
                let name = table.columns[i].lowercased().replacingOccurrences(of: " ", with: "_")
                let v = CSVTable.cell(row, i)
                if v.isEmpty { continue }
                if let n = Double(v.replacingOccurrences(of: ",", with: ".")), n.isFinite { s.numbers[name] = n } else { s.labels[name] = v.lowercased() }
            }
            batch.health.append(s)
        }
        if table.rows.isEmpty, table.refused.isEmpty { throw ParseError(source: source.name, place: "\(origin):1", message: "no customers: the file has a header only") }
        return batch
    }
}
