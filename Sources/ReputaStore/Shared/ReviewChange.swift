import ReputaCore

/// A stored review's new content on its way into `reviews`: the row it replaces goes to
/// `review_revisions` first (replaced at `replacedAt`), then the row takes `values`. Counters
/// given as NULL keep the stored ones; the creation time moves only when `created` is set
/// (an edit never moves it later).
public struct ReviewChange {
    public var id: Int64
    /// The values of `columns`, in order.
    public var values: [SQLValue]
    /// The new `created_at`, `created_offset` and `week`; nil keeps the stored ones.
    public var created: [SQLValue]?
    public var replacedAt: String

    /// The columns a change sets.
    public static let columns = [
        "rating", "scale_min", "scale_max", "rating_100", "title", "text", "language", "author", "updated_at",
        "updated_offset", "reply_text", "reply_at", "has_reply", "url", "helpful_votes", "app_version", "translation",
        "location", "content_hash", "revision", "snapshot_id", "reply_minutes", "author_reviews",
    ]
    /// What `created` sets.
    public static let createdColumns = ["created_at", "created_offset", "week"]
    /// Stored as they come only when given: a payload without counters keeps the stored ones.
    static let keptWhenNull: Set<String> = ["helpful_votes", "author_reviews"]

    /// The stored row's columns a revision keeps, beside `review_id` and `replaced_at`.
    public static let keptColumns = [
        "revision", "rating", "title", "text", "reply_text", "reply_at", "updated_at", "content_hash", "snapshot_id",
    ]
    /// The columns of `review_revisions` a change fills.
    public static let revisionColumns = ["review_id"] + keptColumns + ["replaced_at"]

    /// The row's previous content into `review_revisions`, one review (`?` replaced_at, `?` id).
    static let revisionCopySQL = """
        INSERT INTO review_revisions (\(revisionColumns.joined(separator: ", ")))
        SELECT id, \(keptColumns.joined(separator: ", ")), ? FROM reviews WHERE id = ?
        """

    /// `column = <source(column)>` for each of `columns` (a counter given as NULL keeps the
    /// stored one), and the row made live again; `stored` prefixes the changed row's columns.
    public static func assignments(from source: (String) -> String, stored: String) -> String {
        let set = columns.map { column in
            keptWhenNull.contains(column) ? "\(column) = COALESCE(\(source(column)), \(stored)\(column))"
                                          : "\(column) = \(source(column))"
        }
        return (set + ["deleted_at = NULL"]).joined(separator: ", ")
    }
}

/// Writes changes of stored reviews (see `SQLConnection.reviewUpdater`).
public typealias ReviewUpdater = ([ReviewChange]) throws -> Void
