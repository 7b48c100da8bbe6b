import Foundation
import ReputaCore

/// A ticket CSV: a generic export (`created, first_reply, first_assigned, solved, reopens,
/// replies, channel, group, agent`) or Zendesk's ticket export, whose column names are known
/// aliases. Times are timestamps (elapsed minutes computed in calendar time) or, where the
/// export has them, minute columns, business-hours ones included. A row whose status is
/// open (new, open, pending, hold) is unresolved whatever its solved time says.
public struct TicketsCSVImporter: InternalImporter {
    public static let fields = ["id", "created", "first_reply", "first_assigned", "solved", "status", "reopens", "replies",
                                "first_reply_minutes", "first_reply_business_minutes",
                                "resolution_minutes", "resolution_business_minutes", "channel", "group", "agent"]

    static let aliases: [String: [String]] = [
        "id": ["id", "ticket id", "ticket_id"],
        "created": ["created", "created at", "created_at"],
        "first_reply": ["first_reply", "first reply", "first reply at", "first_reply_at"],
        "first_assigned": ["first_assigned", "first assigned", "initially assigned at", "initially_assigned_at"],
        "solved": ["solved", "solved at", "solved_at"],
        "status": ["status"],
        "reopens": ["reopens"],
        "replies": ["replies"],
        "first_reply_minutes": ["first reply time in minutes", "first_reply_minutes"],
        "first_reply_business_minutes": ["first reply time in minutes within business hours", "first_reply_business_minutes"],
        "resolution_minutes": ["full resolution time in minutes", "resolution_minutes"],
        "resolution_business_minutes": ["full resolution time in minutes within business hours", "resolution_business_minutes"],
        "channel": ["channel", "via"],
        "group": ["group"],
        "agent": ["agent", "assignee"],
    ]

    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> InternalBatch {
        let table = try CSVTable(bytes, source: source, origin: origin)
        let index = try table.fieldIndex(Self.fields, aliases: Self.aliases, mapping: source.mapping,
                                         required: ["id", "created"])
        let segments = try table.segmentIndexes(source.records?.segments ?? [:])
            + ["channel", "group", "agent"].compactMap { f in index[f].map { (f, $0) } }
        let zone = RecordCells.zone(source)
        var batch = InternalBatch()
        batch.skipped = table.refused
        var seen: [String: Int] = [:]
        for row in table.rows {
            let place = table.place(row)
            func cell(_ f: String) -> String { CSVTable.cell(row, index[f]) }
            let id = cell("id")
            guard !id.isEmpty else { batch.skipped.append(RowProblem(place: place, message: "no ticket id")); continue }
            if let first = seen[id] {
                batch.skipped.append(RowProblem(place: place, message: "ticket \(id) appears twice (first at line \(first)); the first is kept"))
                continue
            }
            seen[id] = row.line
            do {
                var t = try ticket(id: id, cell: cell, zone: zone)
                t.segments = RecordCells.segments(row, segments, source: source)
                t.place = place
                batch.tickets.append(t)
            } catch let error as RecordCells.RowFailure {
                batch.skipped.append(RowProblem(place: place, message: "ticket \(id): \(error.message)"))
            }
        }
        if table.rows.isEmpty, table.refused.isEmpty { throw ParseError(source: source.name, place: "\(origin):1", message: "no tickets: the file has a header only") }
        return batch
    }

    func ticket(id: String, cell: (String) -> String, zone: TimeZone) throws -> Ticket {
        func at(_ f: String) throws -> Timestamp? { try RecordCells.date(cell(f), field: f, zone: zone) }
        func minutes(_ f: String) throws -> Double? {
            guard let v = try RecordCells.number(cell(f), field: f) else { return nil }
            guard v >= 0 else { throw RecordCells.RowFailure(message: "\(f) is \(cell(f)), below zero") }
            return v
        }
        guard let created = try at("created") else { throw RecordCells.RowFailure(message: "no created time") }
        func since(_ f: String, label: String) throws -> Double? {
            guard let t = try at(f) else { return nil }
            guard t >= created else {
                throw RecordCells.RowFailure(message: "\(label) \(t.utcISO) is before it was created (\(created.utcISO))")
            }
            return Double(t.epochSeconds - created.epochSeconds) / 60
        }
        let replyAt = try since("first_reply", label: "first reply"), solvedAt = try since("solved", label: "solved")
        let replyMinutes = try minutes("first_reply_minutes"), resolutionMinutes = try minutes("resolution_minutes")
        let reply = Elapsed(calendar: replyAt ?? replyMinutes,
                            business: try minutes("first_reply_business_minutes"))
        let assign = Elapsed(calendar: try since("first_assigned", label: "first assignment"))
        var resolution = Elapsed(calendar: solvedAt ?? resolutionMinutes,
                                 business: try minutes("resolution_business_minutes"))
        var solved = resolution.happened
        if ZendeskTicketsImporter.openStatuses.contains(cell("status").lowercased()) {
            solved = false
            resolution = .none
        }
        return Ticket(id: id, createdAt: created, firstReply: reply, firstAssign: assign, resolution: resolution, solved: solved,
                      reopens: try RecordCells.count(cell("reopens"), field: "reopens"),
                      replies: try RecordCells.count(cell("replies"), field: "replies"))
    }
}
