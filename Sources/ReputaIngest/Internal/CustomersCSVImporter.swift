import Foundation
import ReputaCore

/// Customer counts and conversions per period: a `period` column (`2026-W47`, `2026-11`,
/// `2026-Q4`) or `period_start` / `period_end` dates, then any of `start` (S), `end` (E), `new`
/// (N), `lost` (L), `visits`, `sales`, and segment columns. A row must say its period and
/// carry at least one count; counts are whole and not negative; sales above visits is refused;
/// S − L + N ≠ E is kept with a warning (customers can also come back).
public struct CustomersCSVImporter: InternalImporter {
    public static let fields = ["period", "period_start", "period_end", "start", "end", "new", "lost", "visits", "sales"]

    static let aliases: [String: [String]] = [
        "period": ["period", "periodo"],
        "period_start": ["period_start", "from", "start_date"],
        "period_end": ["period_end", "to", "end_date"],
        "start": ["start", "customers_start", "start_customers"],
        "end": ["end", "customers_end", "end_customers"],
        "new": ["new", "new_customers"],
        "lost": ["lost", "lost_customers", "churned"],
        "visits": ["visits", "sessions", "visite"],
        "sales": ["sales", "orders", "conversions", "vendite"],
    ]

    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> InternalBatch {
        let table = try CSVTable(bytes, source: source, origin: origin)
        let index = try table.fieldIndex(Self.fields, aliases: Self.aliases, mapping: source.mapping)
        guard index["period"] != nil || (index["period_start"] != nil && index["period_end"] != nil) else {
            throw ParseError(source: source.name, place: "\(origin):1",
                             message: "no period column (period, or period_start and period_end); columns found: \(table.found)")
        }
        let counts = ["start", "end", "new", "lost", "visits", "sales"]
        guard counts.contains(where: { index[$0] != nil }) else {
            throw ParseError(source: source.name, place: "\(origin):1",
                             message: "no count column (\(counts.joined(separator: ", "))); columns found: \(table.found)")
        }
        let segments = try table.segmentIndexes(source.records?.segments ?? [:])
        var batch = InternalBatch()
        batch.skipped = table.refused
        var seen: [String: Int] = [:]
        for row in table.rows {
            let place = table.place(row)
            func cell(_ f: String) -> String { CSVTable.cell(row, index[f]) }
            do {
                var first: Day, last: Day
                if index["period"] != nil, !cell("period").isEmpty {
                    guard let r = Period.days(of: cell("period")) else {
                        throw RecordCells.RowFailure(message: "period \"\(cell("period"))\" is not like 2026-W47, 2026-11, 2026-Q4 or a date")
                    }
                    (first, last) = r
                } else {
                    guard let a = Day(cell("period_start")), let b = Day(cell("period_end")) else {
                        throw RecordCells.RowFailure(message: "period_start / period_end \"\(cell("period_start"))\" / \"\(cell("period_end"))\" are not YYYY-MM-DD dates")
                    }
                    guard a <= b else { throw RecordCells.RowFailure(message: "period ends (\(b)) before it starts (\(a))") }
                    (first, last) = (a, b)
                }
                var p = CustomerPeriod(first: first, last: last, place: place)
                p.start = try RecordCells.count(cell("start"), field: "start")
                p.end = try RecordCells.count(cell("end"), field: "end")
                p.new = try RecordCells.count(cell("new"), field: "new")
                p.lost = try RecordCells.count(cell("lost"), field: "lost")
                p.visits = try RecordCells.count(cell("visits"), field: "visits")
                p.sales = try RecordCells.count(cell("sales"), field: "sales")
                guard [p.start, p.end, p.new, p.lost, p.visits, p.sales].contains(where: { $0 != nil }) else {
                    throw RecordCells.RowFailure(message: "no counts")
                }
                if let s = p.sales, let v = p.visits, s > v {
                    throw RecordCells.RowFailure(message: "sales (\(s)) above visits (\(v))")
                }
                p.segments = RecordCells.segments(row, segments, source: source)
                let key = "\(first)..\(last)\u{1F}" + p.segments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                if let line = seen[key] {
                    throw RecordCells.RowFailure(message: "period \(first)…\(last) for the same segments appears twice (first at line \(line)); the first is kept")
                }
                seen[key] = row.line
                if let s = p.start, let e = p.end, let n = p.new, let l = p.lost, s - l + n != e {
                    batch.warnings.append(RowProblem(place: place, message: "start \(s) − lost \(l) + new \(n) = \(s - l + n), not end \(e)"))
                }
                batch.periods.append(p)
            } catch let failure as RecordCells.RowFailure {
                batch.skipped.append(RowProblem(place: place, message: failure.message))
            }
        }
        if table.rows.isEmpty, table.refused.isEmpty { throw ParseError(source: source.name, place: "\(origin):1", message: "no periods: the file has a header only") }
        return batch
    }
}
