import ReputaCore

/// Reading reviews, the same on both stores.
extension SQLStore {
    /// Reviews by time (undated first: SQLite's default, spelled out for PostgreSQL, which puts
    /// NULL last), then source and id.
    public func reviews(_ query: ReviewQuery) throws -> [StoredReview] {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        if !query.sources.isEmpty {
            let list = query.sources.map { _ in "?" }.joined(separator: ",")
            clauses.append("(r.source IN (\(list)) OR r.id IN (SELECT review_id FROM review_routes WHERE source IN (\(list))))")
            arguments += (query.sources + query.sources).map(\.sqlValue)
        }
        if let since = query.since { clauses.append("r.created_at >= ?"); arguments.append(since.sqlValue) }
        if let until = query.until { clauses.append("r.created_at < ?"); arguments.append(until.sqlValue) }
        if let max = query.maxRating { clauses.append("r.rating <= ?"); arguments.append(max.sqlValue) }
        if !query.includeDeleted { clauses.append("r.deleted_at IS NULL") }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try reading { db in
            try db.fetch("""
                SELECT r.*, s.path AS snapshot_path FROM reviews r JOIN snapshots s ON s.id = r.snapshot_id
                \(whereSQL) ORDER BY r.created_at NULLS FIRST, r.source, r.external_id
                """, arguments).map(ReviewRecords.storedReview)
        }
    }

    /// Earlier revisions of one review, oldest first: (revision, title, text, rating).
    public func revisions(source: String, externalID: String) throws -> [(revision: Int, title: String, text: String, rating: Double?)] {
        try reading { db in
            try db.fetch("""
                SELECT v.revision, v.title, v.text, v.rating FROM review_revisions v
                JOIN reviews r ON r.id = v.review_id WHERE r.source = ? AND r.external_id = ? ORDER BY v.revision
                """, source, externalID).map { ($0["revision"], $0["title"], $0["text"], $0["rating"]) }
        }
    }
}

/// Reading a stored review, the same on both stores.
enum ReviewRecords {
    static func storedReview(_ row: SQLRecord) -> StoredReview {
        let scale = RatingScale(min: row["scale_min"], max: row["scale_max"])
        let rating: Double? = row["rating"]
        func stamp(_ at: String, _ offset: String) -> Timestamp? {
            guard let text: String = row[at], var t = Timestamp(utcISO: text) else { return nil }
            t.offsetSeconds = Int32((row[offset] as Int?) ?? 0)
            return t
        }
        let review = Review(
            source: row["source"], portal: row["portal"], externalID: row["external_id"], location: row["location"],
            competitor: row["competitor"], rating: rating.map { Rating(value: $0, scale: scale) },
            title: row["title"], text: row["text"], language: row["language"], author: row["author"],
            createdAt: stamp("created_at", "created_offset"), updatedAt: stamp("updated_at", "updated_offset"),
            replyText: row["reply_text"], replyAt: (row["reply_at"] as String?).flatMap(Timestamp.init(utcISO:)),
            url: row["url"], helpfulVotes: row["helpful_votes"], appVersion: row["app_version"],
            translation: row["translation"], authorReviews: row["author_reviews"])
        return StoredReview(review: review, revision: row["revision"], snapshotPath: row["snapshot_path"],
                            deletedAt: row["deleted_at"])
    }
}
