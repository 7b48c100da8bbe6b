import Foundation
import ReputaCore

/// Inserts, updates or leaves alone one review per call, the same on both stores. A content
/// change first copies the previous content to `review_revisions`; a stale copy (older
/// `updated_at` than stored) changes nothing; a tombstoned review that reappears is revived.
///
/// Reviews are found by their merge key (`PortalIdentity`). When another source already holds
/// the review, this source becomes one of its routes (`review_routes`), and the two copies are
/// merged: the newer one wins and each fills what the other leaves blank. Only the source
/// that holds a review revives it: another route cannot undo its full export's tombstone.
///
/// Reviews come in batches of distinct merge keys: new ones enter through the connection's
/// `reviewInserter`, the rest are looked up with one query and compared, and the edits among
/// them go to its `reviewUpdater` together. Every statement is prepared once per payload.
final class ReviewWriter {
    enum Outcome { case new, updated, unchanged }

    let db: any SQLConnection
    /// Weeks are calendar weeks of the reporting zone.
    let offsets: ZoneOffsets
    let insert: ReviewInserter
    let writeChanges: ReviewUpdater
    /// The batch's edits, written together once it has been read through (each review once:
    /// the batch's keys are distinct).
    private var changes: [ReviewChange] = []
    /// The lookup of known reviews, by how many keys it takes.
    private var finders: [Int: any SQLStatement] = [:]
    private var prepared: [String: any SQLStatement] = [:]

    init(db: any SQLConnection, reportingZone: String) throws {
        self.db = db
        offsets = ZoneOffsets.of(TimeZone(identifier: reportingZone) ?? .gmt)
        insert = try db.reviewInserter()
        writeChanges = try db.reviewUpdater()
    }

    /// `sql` prepared on first use.
    private func statement(_ sql: String) throws -> any SQLStatement {
        if let known = prepared[sql] { return known }
        let made = try db.prepare(sql)
        prepared[sql] = made
        return made
    }

    private func finder(_ count: Int) throws -> any SQLStatement {
        if let known = finders[count] { return known }
        let made = try db.prepare("""
            SELECT id, source, content_hash, created_at, updated_at, revision, deleted_at, helpful_votes,
                   author_reviews, merge_key
            FROM reviews WHERE merge_key IN (\(Array(repeating: "?", count: count).joined(separator: ", ")))
            """)
        finders[count] = made
        return made
    }

    /// The content whose change makes a new revision. Counters (helpful votes, the author's
    /// review count) and the app version are refreshed in place instead.
    static func contentHash(_ r: Review) -> String {
        var hash = StableHash()
        hash.add(r.rating.map { "\($0.value)/\($0.scale)" } ?? "")
        hash.add(r.title)
        hash.add(r.text)
        hash.add(r.replyText)
        hash.add(r.replyAt?.utcISO ?? "")
        hash.add(r.author)
        return hash.hex
    }

    /// A review as a new row of `reviews`.
    func newRow(_ r: Review, key: String, snapshotID: Int64) -> ReviewInsert {
        ReviewInsert(review: r, key: key, hash: Self.contentHash(r), week: r.createdAt?.isoWeek(in: offsets),
                     replyMinutes: Self.replyMinutes(r, created: r.createdAt), snapshotID: snapshotID)
    }

    /// Writes a batch (distinct merge keys); each review's outcome, and whether it was already
    /// held through another source (`merged`).
    func upsert(_ batch: [ReviewInsert], capturedAt: String) throws -> [(Outcome, merged: Bool)] {
        let inserted = try insert(batch)
        let known = batch.indices.filter { !inserted[$0] }
        guard !known.isEmpty else { return inserted.map { _ in (.new, false) } }
        var held: [String: SQLRecord] = [:]
        // 500 keys a query keeps PostgreSQL's statement small; SQLite gets one key at a time.
        for start in stride(from: 0, to: known.count, by: 500) {
            let keys = known[start ..< min(start + 500, known.count)].map { batch[$0].key }
            for row in try finder(keys.count).fetch(keys.map(\.sqlValue)) {
                held[row["merge_key"]] = row
            }
        }
        var out = inserted.map { _ in (Outcome.new, merged: false) }
        for index in known {
            let item = batch[index]
            guard let row = held[item.key] else {
                throw StoreError(place: item.review.source, message: "review \(item.review.externalID) neither inserted nor found")
            }
            let id: Int64 = row["id"]
            if row["source"] != item.review.source {
                out[index] = (try mergeRoute(item.review, into: id, snapshotID: item.snapshotID, capturedAt: capturedAt), true)
            } else {
                out[index] = (try update(item.review, hash: item.hash, row: row, snapshotID: item.snapshotID,
                                         capturedAt: capturedAt), false)
            }
        }
        if !changes.isEmpty {
            try writeChanges(changes)
            changes.removeAll(keepingCapacity: true)
        }
        return out
    }

    /// The review `id`, held by another source, arrives through `incoming.source`: record the
    /// route, and keep whichever copy is newer, blanks filled from the other.
    func mergeRoute(_ incoming: Review, into id: Int64, snapshotID: Int64, capturedAt: String) throws -> Outcome {
        try statement("""
            INSERT INTO review_routes (source, external_id, review_id, seen_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (source, external_id) DO UPDATE SET review_id = excluded.review_id
            """).execute([incoming.source.sqlValue, incoming.externalID.sqlValue, id.sqlValue, capturedAt.sqlValue])
        guard let row = try statement("SELECT r.*, '' AS snapshot_path FROM reviews r WHERE id = ?").fetch([id.sqlValue]).first,
              (row["deleted_at"] as String?) == nil else { return .unchanged }
        let stored = ReviewRecords.storedReview(row).review
        var merged = incoming.isNewer(than: stored) ? incoming.filled(from: stored) : stored.filled(from: incoming)
        merged.source = stored.source
        merged.externalID = stored.externalID
        let hash = Self.contentHash(merged)
        if row["content_hash"] == hash {
            // Same content; what the other route adds (language, link, votes…) is filled in
            // place, without a revision.
            if merged != stored {
                try statement("""
                    UPDATE reviews SET language = ?, url = ?, helpful_votes = ?, app_version = ?, translation = ?,
                           location = ?, author_reviews = ? WHERE id = ?
                    """).execute([merged.language.sqlValue, merged.url.sqlValue, merged.helpfulVotes.sqlValue,
                                  merged.appVersion.sqlValue, merged.translation.sqlValue, merged.location.sqlValue,
                                  merged.authorReviews.sqlValue, id.sqlValue])
            }
            return .unchanged
        }
        return try update(merged, hash: hash, row: row, snapshotID: snapshotID, capturedAt: capturedAt,
                          checkStale: false)
    }

    func update(_ r: Review, hash: String, row: SQLRecord, snapshotID: Int64, capturedAt: String,
                checkStale: Bool = true) throws -> Outcome {
        let id: Int64 = row["id"]
        let wasDeleted = (row["deleted_at"] as String?) != nil
        let storedUpdated: String? = row["updated_at"]
        if row["content_hash"] == hash {
            // Unchanged and live: nothing is written. `snapshot_id` names the payload the
            // current content came from, not the last one that repeated it; rewriting every
            // known row made a half-known CSV twice as slow (`make bench`, issue 3).
            let storedVotes: Int? = row["helpful_votes"], storedAuthorReviews: Int? = row["author_reviews"]
            guard wasDeleted || (r.helpfulVotes != nil && r.helpfulVotes != storedVotes)
                    || (r.authorReviews != nil && r.authorReviews != storedAuthorReviews) else { return .unchanged }
            try statement("""
                UPDATE reviews SET helpful_votes = COALESCE(?, helpful_votes), author_reviews = COALESCE(?, author_reviews),
                       deleted_at = NULL, snapshot_id = CASE WHEN deleted_at IS NULL THEN snapshot_id ELSE ? END WHERE id = ?
                """).execute([r.helpfulVotes.sqlValue, r.authorReviews.sqlValue, snapshotID.sqlValue, id.sqlValue])
            return wasDeleted ? .updated : .unchanged
        }
        if checkStale, let incoming = r.updatedAt?.utcISO, let stored = storedUpdated, incoming < stored {
            return .unchanged // an older copy of a review we already hold in a newer version
        }
        let revision: Int = row["revision"]
        // created_at never moves later: feeds that only give `updated` would otherwise shift it.
        let storedCreated: String? = row["created_at"]
        let keepCreated = storedCreated != nil && (r.createdAt == nil || storedCreated! <= r.createdAt!.utcISO)
        // In `ReviewChange.columns` order.
        let values: [SQLValue] = [
            r.rating?.value.sqlValue ?? .null, (r.rating?.scale.min ?? 1).sqlValue, (r.rating?.scale.max ?? 5).sqlValue,
            r.rating?.normalized.sqlValue ?? .null,
            r.title.sqlValue, r.text.sqlValue, r.language.sqlValue, r.author.sqlValue, (r.updatedAt?.utcISO).sqlValue,
            r.updatedAt.map { Int64($0.offsetSeconds) }.sqlValue,
            r.replyText.sqlValue, (r.replyAt?.utcISO).sqlValue, (r.replyText.isEmpty ? 0 : 1).sqlValue, r.url.sqlValue,
            r.helpfulVotes.sqlValue, r.appVersion.sqlValue, r.translation.sqlValue, r.location.sqlValue, hash.sqlValue,
            (revision + 1).sqlValue, snapshotID.sqlValue,
            Self.replyMinutes(r, created: keepCreated ? storedCreated.flatMap(Timestamp.init(utcISO:)) : r.createdAt).sqlValue,
            r.authorReviews.sqlValue,
        ]
        let created: [SQLValue]? = keepCreated ? nil : [
            (r.createdAt?.utcISO).sqlValue, r.createdAt.map { Int64($0.offsetSeconds) }.sqlValue,
            (r.createdAt?.isoWeek(in: offsets)).sqlValue,
        ]
        changes.append(ReviewChange(id: id, values: values, created: created, replacedAt: capturedAt))
        return .updated
    }

    /// Minutes from the review to the business's reply (2 decimals), when there is a reply and
    /// both times are known and in order: the response-time input of the weekly comparer.
    /// `created` is the creation time the row keeps (an edit never moves it later).
    static func replyMinutes(_ r: Review, created: Timestamp?) -> Double? {
        guard !r.replyText.isEmpty, let reply = r.replyAt, let created,
              reply.epochSeconds >= created.epochSeconds else { return nil }
        return (Double(reply.epochSeconds - created.epochSeconds) / 60 * 100).rounded() / 100
    }
}
