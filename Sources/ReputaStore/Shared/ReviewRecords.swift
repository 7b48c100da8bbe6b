import ReputaCore

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
