import Foundation
import GRDB
import GRDBSQLite
import ReputaCore

/// Inserts or updates reviews inside an open transaction with cached statements. An edit
/// (same id, new content) moves the old content to `review_revisions`; a stale copy (older
/// `updated_at` than stored) changes nothing; a tombstoned review that reappears is revived.
///
/// Reviews are found by their merge key (`PortalIdentity`). When another source already holds
/// the review, this source becomes one of its routes (`review_routes`), and the two copies are
/// merged: the newer one wins and each fills what the other leaves blank. Only the source
/// that holds a review revives it: another route cannot undo its full export's tombstone.
struct ReviewWriter {
    enum Outcome { case new, updated, unchanged }

    let db: Database
    let find: Statement
    /// `INSERT … ON CONFLICT DO NOTHING`: a new review costs one statement, a known one falls
    /// through to `find` and the comparison.
    let insertNew: Statement
    /// Weeks are calendar weeks of the reporting zone.
    let offsets: ZoneOffsets

    static let columns = """
        source, portal, external_id, location, competitor, rating, scale_min, scale_max, rating_100, title, text,
        language, author, created_at, created_offset, updated_at, updated_offset, reply_text, reply_at, has_reply,
        url, helpful_votes, app_version, week, content_hash, revision, first_snapshot_id, snapshot_id, translation,
        merge_key, reply_minutes, author_reviews
        """

    init(db: Database, reportingZone: String) throws {
        self.db = db
        offsets = ZoneOffsets.of(TimeZone(identifier: reportingZone) ?? .gmt)
        find = try db.cachedStatement(sql: """
            SELECT id, source, content_hash, created_at, updated_at, revision, deleted_at, helpful_votes, author_reviews
            FROM reviews
            WHERE merge_key = ?
            """)
        insertNew = try db.cachedStatement(sql: """
            INSERT INTO reviews (\(Self.columns))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (merge_key) DO NOTHING
            """)
    }

    /// The content whose change makes a new revision. Counters (helpful votes, the author's
    /// review count) and the app
    /// version are refreshed in place instead.
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

    /// `merged` tells the caller the review was already held through another source.
    func upsert(_ r: Review, key: String, snapshotID: Int64, capturedAt: String) throws -> (Outcome, merged: Bool) {
        let hash = Self.contentHash(r)
        if try insert(r, key: key, hash: hash, snapshotID: snapshotID) { return (.new, false) }
        guard let row = try Row.fetchOne(find, arguments: [key]) else {
            throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "review \(r.externalID) neither inserted nor found")
        }
        let id: Int64 = row["id"]
        if row["source"] != r.source {
            return (try mergeRoute(r, into: id, snapshotID: snapshotID, capturedAt: capturedAt), true)
        }
        return (try update(r, hash: hash, row: row, snapshotID: snapshotID, capturedAt: capturedAt), false)
    }

    /// The review `id`, held by another source, arrives through `incoming.source`: record the
    /// route, and keep whichever copy is newer, blanks filled from the other.
    func mergeRoute(_ incoming: Review, into id: Int64, snapshotID: Int64, capturedAt: String) throws -> Outcome {
        try db.cachedStatement(sql: """
            INSERT INTO review_routes (source, external_id, review_id, seen_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (source, external_id) DO UPDATE SET review_id = excluded.review_id
            """).execute(arguments: [incoming.source, incoming.externalID, id, capturedAt])
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT r.*, '' AS snapshot_path FROM reviews r WHERE id = ?
            """), arguments: [id]), (row["deleted_at"] as String?) == nil else { return .unchanged }
        let stored = SQLiteStore.storedReview(row).review
        var merged = incoming.isNewer(than: stored) ? incoming.filled(from: stored) : stored.filled(from: incoming)
        merged.source = stored.source
        merged.externalID = stored.externalID
        let hash = Self.contentHash(merged)
        if row["content_hash"] == hash {
            // Same content; what the other route adds (language, link, votes…) is filled in
            // place, without a revision.
            if merged != stored {
                try db.cachedStatement(sql: """
                    UPDATE reviews SET language = ?, url = ?, helpful_votes = ?, app_version = ?, translation = ?,
                           location = ?, author_reviews = ? WHERE id = ?
                    """).execute(arguments: [merged.language, merged.url, merged.helpfulVotes, merged.appVersion,
                                             merged.translation, merged.location, merged.authorReviews, id])
            }
            return .unchanged
        }
        return try update(merged, hash: hash, row: row, snapshotID: snapshotID, capturedAt: capturedAt,
                          checkStale: false)
    }

    func update(_ r: Review, hash: String, row: Row, snapshotID: Int64, capturedAt: String,
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
            try db.cachedStatement(sql: """
                UPDATE reviews SET helpful_votes = COALESCE(?, helpful_votes), author_reviews = COALESCE(?, author_reviews),
                       deleted_at = NULL, snapshot_id = CASE WHEN deleted_at IS NULL THEN snapshot_id ELSE ? END WHERE id = ?
                """).execute(arguments: [r.helpfulVotes, r.authorReviews, snapshotID, id])
            return wasDeleted ? .updated : .unchanged
        }
        if checkStale, let incoming = r.updatedAt?.utcISO, let stored = storedUpdated, incoming < stored {
            return .unchanged // an older copy of a review we already hold in a newer version
        }
        let revision: Int = row["revision"]
        try db.cachedStatement(sql: """
            INSERT INTO review_revisions (review_id, revision, rating, title, text, reply_text, reply_at, updated_at,
                                          content_hash, snapshot_id, replaced_at)
            SELECT id, revision, rating, title, text, reply_text, reply_at, updated_at, content_hash, snapshot_id, ?
            FROM reviews WHERE id = ?
            """).execute(arguments: [capturedAt, id])
        // created_at never moves later: feeds that only give `updated` would otherwise shift it.
        let storedCreated: String? = row["created_at"]
        let keepCreated = storedCreated != nil && (r.createdAt == nil || storedCreated! <= r.createdAt!.utcISO)
        try db.cachedStatement(sql: """
            UPDATE reviews SET rating = ?, scale_min = ?, scale_max = ?, rating_100 = ?, title = ?, text = ?,
                   language = ?, author = ?, updated_at = ?, updated_offset = ?, reply_text = ?, reply_at = ?,
                   has_reply = ?, url = ?, helpful_votes = COALESCE(?, helpful_votes), app_version = ?, translation = ?, location = ?, content_hash = ?,
                   revision = ?, snapshot_id = ?, deleted_at = NULL, reply_minutes = ?,
                   author_reviews = COALESCE(?, author_reviews)
                   \(keepCreated ? "" : ", created_at = ?, created_offset = ?, week = ?")
            WHERE id = ?
            """).execute(arguments: StatementArguments([
                r.rating?.value, r.rating?.scale.min ?? 1, r.rating?.scale.max ?? 5, r.rating?.normalized,
                r.title, r.text, r.language, r.author, r.updatedAt?.utcISO, r.updatedAt.map { Int($0.offsetSeconds) },
                r.replyText, r.replyAt?.utcISO, r.replyText.isEmpty ? 0 : 1, r.url, r.helpfulVotes, r.appVersion,
                r.translation, r.location, hash, revision + 1, snapshotID,
                Self.replyMinutes(r, created: keepCreated ? storedCreated.flatMap(SQLiteStore.timestamp) : r.createdAt),
                r.authorReviews,
            ] as [(any DatabaseValueConvertible)?] + (keepCreated ? [] : [
                r.createdAt?.utcISO, r.createdAt.map { Int($0.offsetSeconds) }, r.createdAt?.isoWeek(in: offsets),
            ] as [(any DatabaseValueConvertible)?]) + [id]))
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

    /// Inserts `r` unless its merge key is already stored; true when it did.
    ///
    /// Binds through SQLite's C API on GRDB's prepared statement: building GRDB's
    /// `StatementArguments` (29 boxed values per review) was a fifth of a CSV import (perf,
    /// `make bench`, issue 3); everything else about the statement stays GRDB's.
    func insert(_ r: Review, key: String, hash: String, snapshotID: Int64) throws -> Bool {
        let s = insertNew.sqliteStatement
        sqlite3_reset(s)
        var i: Int32 = 0
        func text(_ value: String) {
            i += 1
            var value = value
            value.withUTF8 { p in
                if let base = p.baseAddress {
                    _ = sqlite3_bind_text(s, i, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                          Int32(p.count), SQLITE_TRANSIENT)
                } else {
                    _ = sqlite3_bind_text(s, i, "", 0, SQLITE_TRANSIENT) // empty, never NULL
                }
            }
        }
        func optionalText(_ value: String?) {
            if let value { text(value) } else { i += 1; sqlite3_bind_null(s, i) }
        }
        func real(_ value: Double?) {
            i += 1
            if let value { sqlite3_bind_double(s, i, value) } else { sqlite3_bind_null(s, i) }
        }
        func integer(_ value: Int64?) {
            i += 1
            if let value { sqlite3_bind_int64(s, i, value) } else { sqlite3_bind_null(s, i) }
        }
        text(r.source); text(r.portal); text(r.externalID); text(r.location); text(r.competitor)
        real(r.rating?.value); real(r.rating?.scale.min ?? 1); real(r.rating?.scale.max ?? 5); real(r.rating?.normalized)
        text(r.title); text(r.text); text(r.language); text(r.author)
        optionalText(r.createdAt?.utcISO); integer(r.createdAt.map { Int64($0.offsetSeconds) })
        optionalText(r.updatedAt?.utcISO); integer(r.updatedAt.map { Int64($0.offsetSeconds) })
        text(r.replyText); optionalText(r.replyAt?.utcISO); integer(r.replyText.isEmpty ? 0 : 1)
        text(r.url); integer(r.helpfulVotes.map(Int64.init)); text(r.appVersion)
        optionalText(r.createdAt?.isoWeek(in: offsets)); text(hash)
        integer(snapshotID); integer(snapshotID); text(r.translation); text(key); real(Self.replyMinutes(r, created: r.createdAt))
        integer(r.authorReviews.map(Int64.init))
        let code = sqlite3_step(s)
        sqlite3_reset(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return sqlite3_changes(db.sqliteConnection) == 1
    }
}

/// SQLite's "copy the bytes now" destructor, a C macro Swift cannot import.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
