import GRDB
import ReputaCore

/// What the weekly comparer reads: rating tallies and reply delays for a window of ISO weeks,
/// answered per source from the `reviews_weekly` covering index (no review row is visited),
/// and the survey answers and tickets of a time window.
extension SQLiteStore {
    /// Live reviews per source × week × location × competitor × rating in `firstWeek…lastWeek`
    /// (ISO labels, which sort as text). A review delivered by several sources counts once,
    /// under the source that holds it. The portal and scale are the source's (its first row's).
    public func reviewTallies(firstWeek: String, lastWeek: String) throws -> [ReviewTally] {
        try read { db in
            var out: [ReviewTally] = []
            for source in try Self.importingSources(db) {
                guard let head = try Row.fetchOne(db, sql: """
                    SELECT portal, scale_min, scale_max FROM reviews WHERE source = ? LIMIT 1
                    """, arguments: [source]) else { continue }
                let portal: String = head["portal"]
                let scale = RatingScale(min: head["scale_min"], max: head["scale_max"])
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT week, location, competitor, rating, COUNT(*) AS n, SUM(has_reply) AS replied
                    FROM reviews INDEXED BY reviews_weekly
                    WHERE source = ? AND week >= ? AND week <= ? AND deleted_at IS NULL
                    GROUP BY week, location, competitor, rating
                    """, arguments: [source, firstWeek, lastWeek])
                while let r = try rows.next() {
                    out.append(ReviewTally(source: source, portal: portal, location: r["location"], competitor: r["competitor"],
                                           week: r["week"], rating: r["rating"], scale: scale, count: r["n"], replied: r["replied"]))
                }
            }
            return out
        }
    }

    /// Reply delays of the replied reviews created in `firstWeek…lastWeek`.
    public func replyDelays(firstWeek: String, lastWeek: String) throws -> [ReplyDelay] {
        try read { db in
            var out: [ReplyDelay] = []
            for source in try Self.importingSources(db) {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT week, location, competitor, reply_minutes FROM reviews INDEXED BY reviews_weekly
                    WHERE source = ? AND week >= ? AND week <= ? AND deleted_at IS NULL AND reply_minutes IS NOT NULL
                    """, arguments: [source, firstWeek, lastWeek])
                while let r = try rows.next() {
                    out.append(ReplyDelay(source: source, location: r["location"], competitor: r["competitor"],
                                          week: r["week"], minutes: r["reply_minutes"]))
                }
            }
            return out
        }
    }

    /// Live reviews held by `source` (through any route) and its earliest week, counted on the
    /// covering index: the comparer's coverage note for a capped or partial source.
    public func coverageCount(source: String) throws -> (reviews: Int, earliestWeek: String?) {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, MIN(week) AS first FROM reviews INDEXED BY reviews_weekly
                WHERE source = ? AND deleted_at IS NULL
                """, arguments: [source])
            let routes = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM review_routes rr JOIN reviews r ON r.id = rr.review_id
                WHERE rr.source = ? AND r.deleted_at IS NULL
                """, arguments: [source]) ?? 0
            return ((row?["n"] ?? 0) + routes, row?["first"])
        }
    }

    /// The sources that imported payloads: every review's `source` is one of them, so a query
    /// per source can use the `reviews_weekly` index's leading column.
    static func importingSources(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT source FROM imports ORDER BY source")
    }

    /// SQLite's plan for the tally query, for tests that pin the covering index.
    public func tallyPlan() throws -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT week, location, competitor, rating, COUNT(*), SUM(has_reply)
                FROM reviews INDEXED BY reviews_weekly
                WHERE source = 'x' AND week >= 'a' AND week <= 'b' AND deleted_at IS NULL
                GROUP BY week, location, competitor, rating
                """).map { $0["detail"] }
        }
    }

    /// The live reviews created in ISO week `week` (of the reporting zone), for quoting.
    public func reviews(inWeek week: String) throws -> [StoredReview] {
        try read { db in
            var out: [StoredReview] = []
            for source in try Self.importingSources(db) {
                out += try GRDBConnection(db: db).fetch("""
                    SELECT r.*, s.path AS snapshot_path FROM reviews r INDEXED BY reviews_weekly
                    JOIN snapshots s ON s.id = r.snapshot_id
                    WHERE r.source = ? AND r.week = ? AND r.deleted_at IS NULL
                    """, source, week).map(ReviewRecords.storedReview)
            }
            return out.sorted { ($0.review.createdAt?.epochSeconds ?? 0, $0.review.source) < ($1.review.createdAt?.epochSeconds ?? 0, $1.review.source) }
        }
    }
}
