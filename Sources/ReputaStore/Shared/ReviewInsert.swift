import ReputaCore

/// A review on its way into `reviews` as a new row: the review and what the import derived
/// for it (merge key, content hash, week of the reporting zone, reply delay, snapshot).
public struct ReviewInsert {
    public var review: Review
    public var key: String
    public var hash: String
    public var week: String?
    public var replyMinutes: Double?
    public var snapshotID: Int64

    /// The columns an insert fills, in the order of `values`.
    public static let columns = [
        "source", "portal", "external_id", "location", "competitor", "rating", "scale_min", "scale_max", "rating_100",
        "title", "text", "language", "author", "created_at", "created_offset", "updated_at", "updated_offset",
        "reply_text", "reply_at", "has_reply", "url", "helpful_votes", "app_version", "week", "content_hash",
        "revision", "first_snapshot_id", "snapshot_id", "translation", "merge_key", "reply_minutes", "author_reviews",
    ]

    /// The row's values in `columns` order (the generic insert binds these; SQLite's fast
    /// path binds the same values in the same order straight from `review`).
    public var values: [SQLValue] {
        let r = review
        return [
            r.source.sqlValue, r.portal.sqlValue, r.externalID.sqlValue, r.location.sqlValue, r.competitor.sqlValue,
            r.rating?.value.sqlValue ?? .null, (r.rating?.scale.min ?? 1).sqlValue, (r.rating?.scale.max ?? 5).sqlValue,
            r.rating?.normalized.sqlValue ?? .null,
            r.title.sqlValue, r.text.sqlValue, r.language.sqlValue, r.author.sqlValue,
            r.createdAt?.utcISO.sqlValue ?? .null, r.createdAt.map { Int64($0.offsetSeconds) }.sqlValue,
            r.updatedAt?.utcISO.sqlValue ?? .null, r.updatedAt.map { Int64($0.offsetSeconds) }.sqlValue,
            r.replyText.sqlValue, r.replyAt?.utcISO.sqlValue ?? .null, (r.replyText.isEmpty ? 0 : 1).sqlValue,
            r.url.sqlValue, r.helpfulVotes.sqlValue, r.appVersion.sqlValue, week.sqlValue, hash.sqlValue,
            SQLValue.int(1), snapshotID.sqlValue, snapshotID.sqlValue, r.translation.sqlValue, key.sqlValue,
            replyMinutes.sqlValue, r.authorReviews.sqlValue,
        ]
    }
}
