import Foundation
import ReputaCore

/// Zendesk ticket metrics: `GET /api/v2/ticket_metrics` (`{"ticket_metrics": […]}`), or tickets
/// with their metrics side-loaded (`tickets?include=metric_sets`: `{"tickets": […],
/// "metric_sets": […]}`, or a `metric_set` inside each ticket). Times come as
/// `{"calendar": m, "business": m}` minutes, null until the event happens. First reply =
/// `reply_time_in_minutes`; resolution = `full_resolution_time_in_minutes` (creation → latest
/// solve, null again after a reopen, so a reopened ticket counts as unresolved); first
/// assignment = `initially_assigned_at` − creation, calendar only. Segments come from the
/// ticket (`via.channel`, `group_id`, `assignee_id`) when the payload has tickets.
public struct ZendeskTicketsImporter: InternalImporter {
    public init() {}

    static let openStatuses: Set<String> = ["new", "open", "pending", "hold"]

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> InternalBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        let tickets = root["tickets"].list + (root["ticket"].exists ? [root["ticket"]] : [])
        var metrics = root["ticket_metrics"].list + root["metric_sets"].list
        if root["ticket_metric"].exists { metrics.append(root["ticket_metric"]) }
        for t in tickets where t["metric_set"].exists { metrics.append(t["metric_set"]) }
        guard !metrics.isEmpty || !tickets.isEmpty else {
            throw ParseError(source: source.name, place: origin,
                             message: "no \"ticket_metrics\", \"metric_sets\" or \"tickets\": not a Zendesk ticket metrics payload")
        }
        var ticketByID: [String: JSONNode] = [:]
        for t in tickets { ticketByID[t["id"].text] = t }
        let zone = RecordCells.zone(source)
        var batch = InternalBatch()
        var seen: [String: String] = [:]
        var withMetrics: Set<String> = []
        for (n, m) in metrics.enumerated() {
            let place = "\(origin):ticket_metrics[\(n)]"
            let id = m["ticket_id"].text
            guard !id.isEmpty else { batch.skipped.append(RowProblem(place: place, message: "metrics without a ticket_id")); continue }
            if let first = seen[id] {
                batch.skipped.append(RowProblem(place: place, message: "ticket \(id) appears twice (first at \(first)); the first is kept"))
                continue
            }
            seen[id] = place
            withMetrics.insert(id)
            do {
                batch.tickets.append(try ticket(id: id, metrics: m, ticket: ticketByID[id], zone: zone, source: source, place: place))
            } catch let failure as RecordCells.RowFailure {
                batch.skipped.append(RowProblem(place: place, message: "ticket \(id): \(failure.message)"))
            }
        }
        for (n, t) in tickets.enumerated() where !withMetrics.contains(t["id"].text) {
            batch.skipped.append(RowProblem(place: "\(origin):tickets[\(n)]",
                                            message: "ticket \(t["id"].text): no metrics in this payload (fetch with include=metric_sets)"))
        }
        return batch
    }

    func ticket(id: String, metrics m: JSONNode, ticket t: JSONNode?, zone: TimeZone, source: SourceDescriptor,
                place: String) throws -> Ticket {
        guard let created = ReviewFields.date(t?["created_at"] ?? m["created_at"], zone: zone) else {
            throw RecordCells.RowFailure(message: "no created_at")
        }
        let solvedAt = ReviewFields.date(m["solved_at"], zone: zone)
        if let solvedAt, solvedAt < created {
            throw RecordCells.RowFailure(message: "solved_at \(solvedAt.utcISO) is before created_at \(created.utcISO)")
        }
        let reply = try elapsed(m["reply_time_in_minutes"], "reply_time_in_minutes")
        var resolution = try elapsed(m["full_resolution_time_in_minutes"], "full_resolution_time_in_minutes")
        var assign = Elapsed.none
        if let assigned = ReviewFields.date(m["initially_assigned_at"], zone: zone) {
            guard assigned >= created else {
                throw RecordCells.RowFailure(message: "initially_assigned_at \(assigned.utcISO) is before created_at \(created.utcISO)")
            }
            assign = Elapsed(calendar: Double(assigned.epochSeconds - created.epochSeconds) / 60)
        }
        let status = t?["status"].text.lowercased() ?? ""
        var solved = resolution.happened
        if !m["full_resolution_time_in_minutes"].exists, let solvedAt, !Self.openStatuses.contains(status) {
            solved = true
            resolution = Elapsed(calendar: Double(solvedAt.epochSeconds - created.epochSeconds) / 60)
        }
        if Self.openStatuses.contains(status) {
            solved = false
            resolution = .none
        }
        let reopens = try m["reopens"].exists ? RecordCells.count(m["reopens"].text, field: "reopens") : nil
        let replies = try m["replies"].exists ? RecordCells.count(m["replies"].text, field: "replies") : nil
        let segments = JSONSegments.read(t ?? JSONNode(nil), defaults: ["channel": "via.channel", "group": "group_id",
                                                                        "agent": "assignee_id"], source: source)
        return Ticket(id: id, createdAt: created, firstReply: reply, firstAssign: assign, resolution: resolution, solved: solved,
                      reopens: reopens, replies: replies, segments: segments, place: place)
    }

    /// `{"calendar": m, "business": m}`; a negative time is refused.
    func elapsed(_ node: JSONNode, _ field: String) throws -> Elapsed {
        let c = node["calendar"].double, b = node["business"].double
        if let v = c ?? b, v < 0 || (b ?? 0) < 0 {
            throw RecordCells.RowFailure(message: "\(field) is \(Int(min(v, b ?? v))) minutes, below zero")
        }
        return Elapsed(calendar: c, business: b)
    }
}
