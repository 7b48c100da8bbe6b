import Foundation
import ReputaCore

/// Flags as a `DataTable` with the documented JSON keys, in this order.
public enum FlagTable {
    public static let columns = ["id", "review_id", "source", "portal", "location", "rating", "priority", "level",
                                 "status", "overdue", "due_at", "assignee", "categories", "topics", "reasons",
                                 "channels", "created_at", "title", "text", "url", "resolution", "response_minutes"]

    /// What a terminal shows: the deadline in local time, the text cut short.
    public static let tableColumns = ["id", "level", "priority", "status", "due", "location", "source", "rating",
                                      "categories", "topics", "review"]

    public static func make(_ flags: [FlaggedReview], columns: [String] = columns, now: Timestamp,
                            zone: String) -> DataTable {
        DataTable(columns: columns, rows: flags.map { f in columns.map { cell($0, f, now: now, zone: zone) } })
    }

    static func cell(_ column: String, _ f: FlaggedReview, now: Timestamp, zone: String) -> DataTable.Cell {
        let r = f.review
        switch column {
        case "id": return .integer(Int(f.id))
        case "review_id": return .text(r.externalID)
        case "source": return .text(r.source)
        case "portal": return .text(r.portal)
        case "location": return .text(r.location)
        case "rating": return r.rating.map { .number($0.value) } ?? .null
        case "priority": return .integer(f.decision.priority)
        case "level": return .text(f.decision.level.rawValue)
        case "status": return .text(f.status.rawValue)
        case "overdue": return .bool(f.isOverdue(at: now))
        case "due_at": return .text(f.dueAt.utcISO)
        case "due": return .text(local(f.dueAt, zone: zone) + (f.isOverdue(at: now) ? " (overdue)" : ""))
        case "assignee": return f.assignee.map { .text($0) } ?? .null
        case "categories": return .list(f.decision.categories)
        case "topics": return .list(f.decision.topics)
        case "reasons": return .list(f.decision.reasons)
        case "channels": return .list(f.decision.channels)
        case "created_at": return r.createdAt.map { .text($0.utcISO) } ?? .null
        case "title": return .text(r.title)
        case "text": return .text(r.text)
        case "review": return .text(r.title.isEmpty ? r.text : r.title + " — " + r.text)
        case "url": return .text(r.url)
        case "resolution": return f.resolution.map { .text($0) } ?? .null
        case "response_minutes": return f.responseMinutes.map { .number($0) } ?? .null
        default: return .null
        }
    }

    /// `2026-11-24 17:00` in `zone`.
    public static func local(_ t: Timestamp, zone: String) -> String {
        let offset = ZoneOffsets.of(TimeZone(identifier: zone) ?? .gmt).offset(at: t.epochSeconds)
        return String(Timestamp(epochSeconds: t.epochSeconds, offsetSeconds: Int32(offset)).originalISO
            .prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
