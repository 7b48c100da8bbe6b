import Foundation
import ReputaCore
@testable import ReputaStore
import ReputaStoreTesting
import Testing

/// Listing stored reviews and their revisions, one shared implementation, on both engines.
@Suite struct ReviewQueryTests {
    @Test(arguments: Engine.allCases) func filtersBySourceRouteDateRatingAndTombstone(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        try store.writing { db in
            try db.execute("""
                INSERT INTO snapshots (id, source, sha256, path, origin, bytes, captured_at)
                VALUES (1, 'api', 'h', 'snapshots/api/1.json', 'o', 1, '2026-11-01T00:00:00Z')
                """)
            for (id, rating, created, deleted) in [(1, 5.0, "2026-10-01T08:00:00Z", nil), (2, 2.0, "2026-10-03T08:00:00Z", nil),
                                                   (3, 1.0, "2026-10-02T08:00:00Z", "2026-11-01T00:00:00Z"),
                                                   (4, 3.0, nil, nil)] as [(Int, Double, String?, String?)] {
                try db.execute("""
                    INSERT INTO reviews (id, source, portal, external_id, merge_key, location, competitor, rating, scale_min,
                        scale_max, title, text, translation, language, author, created_at, reply_text, has_reply, url,
                        app_version, content_hash, revision, first_snapshot_id, snapshot_id, deleted_at)
                    VALUES (?, 'api', 'google', ?, ?, '', '', ?, 1, 5, '', 'testo', '', 'it', '', ?, '', 0, '', '', 'c', 2, 1, 1, ?)
                    """, id, "r\(id)", "k\(id)", rating, created, deleted)
            }
            try db.execute("INSERT INTO review_routes (source, external_id, review_id, seen_at) VALUES ('csv', 'x', 2, '2026-11-01T00:00:00Z')")
            try db.execute("""
                INSERT INTO review_revisions (review_id, revision, rating, title, text, reply_text, content_hash, snapshot_id, replaced_at)
                VALUES (2, 1, 1, '', 'prima', '', 'c0', 1, '2026-10-04T00:00:00Z')
                """)
        }
        var query = ReviewQuery()
        // Undated first, then by date (on both stores: PostgreSQL puts NULL last unless told), tombstone left out.
        #expect(try store.reviews(query).map(\.review.externalID) == ["r4", "r1", "r2"])
        #expect(try store.reviews(query).first?.snapshotPath == "snapshots/api/1.json")
        query.includeDeleted = true
        #expect(try store.reviews(query).map(\.review.externalID) == ["r4", "r1", "r3", "r2"])
        query.maxRating = 2
        query.since = "2026-10-02T08:00:00Z"
        query.until = "2026-10-03T08:00:00Z"
        #expect(try store.reviews(query).map(\.review.externalID) == ["r3"])
        var routed = ReviewQuery()
        routed.sources = ["csv"]
        #expect(try store.reviews(routed).map(\.review.externalID) == ["r2"])
        let old = try store.revisions(source: "api", externalID: "r2")
        #expect(old.count == 1 && old.first?.revision == 1 && old.first?.text == "prima" && old.first?.rating == 1)
    }
}
