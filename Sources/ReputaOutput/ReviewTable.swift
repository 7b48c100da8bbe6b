import ReputaCore

/// Reviews as a `DataTable` with the documented JSON keys, in this order.
public enum ReviewTable {
    public static let columns = ["source", "portal", "id", "rating", "scale_min", "scale_max", "rating_100",
                                 "title", "text", "author", "language", "created_at", "updated_at",
                                 "reply_text", "reply_at", "url", "location", "competitor"]

    /// The narrower set a terminal table shows.
    public static let tableColumns = ["source", "id", "created_at", "rating", "location", "competitor",
                                      "language", "author", "title", "text"]

    public static func make(_ reviews: [Review], columns: [String] = columns) -> DataTable {
        DataTable(columns: columns, rows: reviews.map { r in columns.map { cell($0, r) } })
    }

    static func cell(_ column: String, _ r: Review) -> DataTable.Cell {
        func text(_ s: String) -> DataTable.Cell { .text(s) }
        func time(_ t: Timestamp?) -> DataTable.Cell { t.map { .text($0.utcISO) } ?? .null }
        switch column {
        case "source": return text(r.source)
        case "portal": return text(r.portal)
        case "id": return text(r.externalID)
        case "rating": return r.rating.map { .number($0.value) } ?? .null
        case "scale_min": return r.rating.map { .number($0.scale.min) } ?? .null
        case "scale_max": return r.rating.map { .number($0.scale.max) } ?? .null
        case "rating_100": return r.rating.map { .number($0.normalized) } ?? .null
        case "title": return text(r.title)
        case "text": return text(r.text)
        case "author": return text(r.author)
        case "language": return text(r.language)
        case "created_at": return time(r.createdAt)
        case "updated_at": return time(r.updatedAt)
        case "reply_text": return text(r.replyText)
        case "reply_at": return time(r.replyAt)
        case "url": return text(r.url)
        case "location": return text(r.location)
        case "competitor": return text(r.competitor)
        default: return .null
        }
    }
}
