import Foundation
import GRDB
import ReputaCore

/// Inserts or updates reviews inside an open transaction with cached statements. An edit
/// (same id, new content) moves the old content to `review_revisions`; a stale copy (older
/// `updated_at` than stored) changes nothing; a tombstoned review that reappears is revived.
struct ReviewWriter {
    enum Outcome { case new, updated, unchanged }

    let db: Database
    let find: Statement
    /// Weeks are calendar weeks of the reporting zone.
    let zone: TimeZone

    init(db: Database, reportingZone: String) throws {
        self.db = db
        zone = TimeZone(identifier: reportingZone) ?? .gmt
        find = try db.cachedStatement(sql: """
            SELECT id, content_hash, created_at, updated_at, revision, deleted_at FROM reviews
            WHERE source = ? AND external_id = ?
            """)
    }

    /// The content whose change makes a new revision. Counters (helpful votes) and the app
    /// version are refreshed in place instead.
    static func contentHash(_ r: Review) -> String {
        let rating = r.rating.map { "\($0.value)/\($0.scale)" } ?? ""
        return StableHash.hex([rating, r.title, r.text, r.replyText, r.replyAt?.utcISO ?? "", r.author])
    }

    func upsert(_ r: Review, snapshotID: Int64, capturedAt: String) throws -> Outcome {
        let hash = Self.contentHash(r)
        guard let row = try Row.fetchOne(find, arguments: [r.source, r.externalID]) else {
            try insert(r, hash: hash, snapshotID: snapshotID)
            return .new
        }
        let id: Int64 = row["id"]
        let wasDeleted = (row["deleted_at"] as String?) != nil
        let storedUpdated: String? = row["updated_at"]
        if row["content_hash"] == hash {
            try db.execute(sql: """
                UPDATE reviews SET snapshot_id = ?, helpful_votes = COALESCE(?, helpful_votes),
                       deleted_at = NULL WHERE id = ?
                """, arguments: [snapshotID, r.helpfulVotes, id])
            return wasDeleted ? .updated : .unchanged
        }
        if let incoming = r.updatedAt?.utcISO, let stored = storedUpdated, incoming < stored {
            return .unchanged // an older copy of a review we already hold in a newer version
        }
        let revision: Int = row["revision"]
        try db.execute(sql: """
            INSERT INTO review_revisions (review_id, revision, rating, title, text, reply_text, reply_at, updated_at,
                                          content_hash, snapshot_id, replaced_at)
            SELECT id, revision, rating, title, text, reply_text, reply_at, updated_at, content_hash, snapshot_id, ?
            FROM reviews WHERE id = ?
            """, arguments: [capturedAt, id])
        // created_at never moves later: feeds that only give `updated` would otherwise shift it.
        let storedCreated: String? = row["created_at"]
        let keepCreated = storedCreated != nil && (r.createdAt == nil || storedCreated! <= r.createdAt!.utcISO)
        try db.execute(sql: """
            UPDATE reviews SET rating = ?, scale_min = ?, scale_max = ?, rating_100 = ?, title = ?, text = ?,
                   language = ?, author = ?, updated_at = ?, updated_offset = ?, reply_text = ?, reply_at = ?,
                   has_reply = ?, url = ?, helpful_votes = ?, app_version = ?, translation = ?, location = ?, content_hash = ?,
                   revision = ?, snapshot_id = ?, deleted_at = NULL
                   \(keepCreated ? "" : ", created_at = ?, created_offset = ?, week = ?")
            WHERE id = ?
            """, arguments: StatementArguments([
                r.rating?.value, r.rating?.scale.min ?? 1, r.rating?.scale.max ?? 5, r.rating?.normalized,
                r.title, r.text, r.language, r.author, r.updatedAt?.utcISO, r.updatedAt.map { Int($0.offsetSeconds) },
                r.replyText, r.replyAt?.utcISO, r.replyText.isEmpty ? 0 : 1, r.url, r.helpfulVotes, r.appVersion,
                r.translation, r.location, hash, revision + 1, snapshotID,
            ] as [(any DatabaseValueConvertible)?] + (keepCreated ? [] : [
                r.createdAt?.utcISO, r.createdAt.map { Int($0.offsetSeconds) }, r.createdAt?.isoWeek(in: zone),
            ] as [(any DatabaseValueConvertible)?]) + [id]))
        return .updated
    }

    func insert(_ r: Review, hash: String, snapshotID: Int64) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO reviews (source, portal, external_id, location, competitor, rating, scale_min, scale_max,
                rating_100, title, text, language, author, created_at, created_offset, updated_at, updated_offset,
                reply_text, reply_at, has_reply, url, helpful_votes, app_version, week, content_hash, revision,
                first_snapshot_id, snapshot_id, translation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
            """)
        try statement.execute(arguments: StatementArguments([
            r.source, r.portal, r.externalID, r.location, r.competitor, r.rating?.value,
            r.rating?.scale.min ?? 1, r.rating?.scale.max ?? 5, r.rating?.normalized, r.title, r.text, r.language,
            r.author, r.createdAt?.utcISO, r.createdAt.map { Int($0.offsetSeconds) }, r.updatedAt?.utcISO,
            r.updatedAt.map { Int($0.offsetSeconds) }, r.replyText, r.replyAt?.utcISO, r.replyText.isEmpty ? 0 : 1,
            r.url, r.helpfulVotes, r.appVersion, r.createdAt?.isoWeek(in: zone), hash, snapshotID, snapshotID,
            r.translation,
        ] as [(any DatabaseValueConvertible)?]))
    }
}
