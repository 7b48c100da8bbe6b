import ReputaCore

/// What the weekly comparer reads: rating tallies and reply delays for a window of ISO weeks,
/// answered per source from the `reviews_weekly` covering index (no review row is visited),
/// and the survey answers and tickets of a time window. The same on both stores; SQLite is
/// told the index (`SQLDialect.indexedBy`).
extension SQLStore {
    /// Live reviews per source × week × location × competitor × rating in `firstWeek…lastWeek`
    /// (ISO labels, which sort as text). A review delivered by several sources counts once,
    /// under the source that holds it. The portal and scale are the source's (its first row's).
    public func reviewTallies(firstWeek: String, lastWeek: String) throws -> [ReviewTally] {
        try reading { db in
            var out: [ReviewTally] = []
            for source in try ImportRecords.importingSources(db) {
                guard let head = try db.fetchOne("""
                    SELECT portal, scale_min, scale_max FROM reviews WHERE source = ? LIMIT 1
                    """, source) else { continue }
                let portal: String = head["portal"]
                let scale = RatingScale(min: head["scale_min"], max: head["scale_max"])
                try db.each("""
                    SELECT week, location, competitor, rating, COUNT(*) AS n, SUM(has_reply) AS replied
                    FROM reviews \(db.dialect.indexedBy("reviews_weekly"))
                    WHERE source = ? AND week >= ? AND week <= ? AND deleted_at IS NULL
                    GROUP BY week, location, competitor, rating ORDER BY week, location, competitor, rating
                    """, [.text(source), .text(firstWeek), .text(lastWeek)]) { r in
                    out.append(ReviewTally(source: source, portal: portal, location: r["location"], competitor: r["competitor"],
                                           week: r["week"], rating: r["rating"], scale: scale, count: r["n"], replied: r["replied"]))
                }
            }
            return out
        }
    }

    /// Reply delays of the replied reviews created in `firstWeek…lastWeek`.
    public func replyDelays(firstWeek: String, lastWeek: String) throws -> [ReplyDelay] {
        try reading { db in
            var out: [ReplyDelay] = []
            for source in try ImportRecords.importingSources(db) {
                try db.each("""
                    SELECT week, location, competitor, reply_minutes FROM reviews \(db.dialect.indexedBy("reviews_weekly"))
                    WHERE source = ? AND week >= ? AND week <= ? AND deleted_at IS NULL AND reply_minutes IS NOT NULL
                    """, [.text(source), .text(firstWeek), .text(lastWeek)]) { r in
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
        try reading { db in
            let row = try db.fetchOne("""
                SELECT COUNT(*) AS n, MIN(week) AS first FROM reviews \(db.dialect.indexedBy("reviews_weekly"))
                WHERE source = ? AND deleted_at IS NULL
                """, source)
            let routes: Int = try db.fetchOne("""
                SELECT COUNT(*) AS n FROM review_routes rr JOIN reviews r ON r.id = rr.review_id
                WHERE rr.source = ? AND r.deleted_at IS NULL
                """, source)?["n"] ?? 0
            return ((row?["n"] ?? 0) + routes, row?["first"])
        }
    }

    /// The live reviews created in ISO week `week` (of the reporting zone), for quoting.
    public func reviews(inWeek week: String) throws -> [StoredReview] {
        try reading { db in
            var out: [StoredReview] = []
            for source in try ImportRecords.importingSources(db) {
                out += try db.fetch("""
                    SELECT r.*, s.path AS snapshot_path FROM reviews r \(db.dialect.indexedBy("reviews_weekly"))
                    JOIN snapshots s ON s.id = r.snapshot_id
                    WHERE r.source = ? AND r.week = ? AND r.deleted_at IS NULL
                    """, source, week).map(ReviewRecords.storedReview)
            }
            return out.sorted { ($0.review.createdAt?.epochSeconds ?? 0, $0.review.source) < ($1.review.createdAt?.epochSeconds ?? 0, $1.review.source) }
        }
    }

    /// Review count, mean rating (own scale and 0–100) and replies per source and ISO week,
    /// answered from the `reviews_weekly` covering index.
    public func weeklySummary(sources: [String] = []) throws -> [WeeklyRow] {
        try reading { db in
            try db.fetch(Self.weeklySQL(filter: sources.isEmpty ? ""
                        : "AND source IN (\(sources.map { _ in "?" }.joined(separator: ",")))", dialect: db.dialect),
                         sources.map(\.sqlValue)).map {
                WeeklyRow(source: $0["source"], week: $0["week"], count: $0["n"], meanRating: $0["mean_rating"],
                          meanRating100: $0["mean_100"], replied: $0["replied"])
            }
        }
    }

    static func weeklySQL(filter: String, dialect: SQLDialect) -> String {
        """
        SELECT source, week, COUNT(*) AS n, AVG(rating) AS mean_rating, AVG(rating_100) AS mean_100,
               SUM(has_reply) AS replied
        FROM reviews \(dialect.indexedBy("reviews_weekly"))
        WHERE deleted_at IS NULL AND week IS NOT NULL \(filter)
        GROUP BY source, week ORDER BY source, week
        """
    }
}
