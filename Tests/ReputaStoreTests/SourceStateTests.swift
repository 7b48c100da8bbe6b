import Foundation
import ReputaCore
@testable import ReputaStore
import ReputaStoreTesting
import Testing

/// Source state, HTTP validators and holdings: one shared implementation, checked on both engines
/// with values worked out by hand.
@Suite struct SourceStateTests {
    @Test(arguments: Engine.allCases) func attemptsCountErrorsAndASuccessClearsTheStreak(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        #expect(try store.sourceState("feed") == nil)
        let t0 = Timestamp(epochSeconds: 1_790_000_000) // 2026-09-21T14:13:20Z
        try store.recordAttempt(source: "feed", at: t0, outcome: .failure(message: "HTTP 503", retryAfter: 120))
        try store.recordAttempt(source: "feed", at: Timestamp(epochSeconds: 1_790_000_300),
                                outcome: .failure(message: "timeout", retryAfter: nil))
        var state = try #require(try store.sourceState("feed"))
        #expect(state.consecutiveErrors == 2 && state.errorCount == 2)
        #expect(state.lastError == "timeout" && state.lastErrorAt == "2026-09-21T14:18:20Z")
        #expect(state.nextCheckAt == nil && state.lastSuccessAt == nil)
        try store.recordAttempt(source: "feed", at: Timestamp(epochSeconds: 1_790_000_600),
                                outcome: .success(portalTotal: 1234, routeCap: nil))
        try store.recordAttempt(source: "other", at: t0, outcome: .failure(message: "HTTP 503", retryAfter: 120))
        state = try #require(try store.sourceState("feed"))
        #expect(state.consecutiveErrors == 0 && state.errorCount == 2)
        #expect(state.lastSuccessAt == "2026-09-21T14:23:20Z" && state.portalTotal == 1234 && state.routeCap == nil)
        // A success that does not say the total keeps the one known.
        try store.recordAttempt(source: "feed", at: Timestamp(epochSeconds: 1_790_000_900),
                                outcome: .success(portalTotal: nil, routeCap: 500))
        state = try #require(try store.sourceState("feed"))
        #expect(state.portalTotal == 1234 && state.routeCap == 500)
        #expect(try store.sourceStates().map(\.source) == ["feed", "other"])
        #expect(try store.sourceState("other")?.nextCheckAt == "2026-09-21T14:15:20Z") // t0 + 120 s
    }

    @Test(arguments: Engine.allCases) func validatorsAreKeptPerSourceAndURL(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        let url = "https://example.com/feed?it's=1"
        try store.saveValidators(HTTPValidators(url: url, etag: "\"v1\"", lastModified: nil), source: "a",
                                 at: Timestamp(epochSeconds: 1_790_000_000))
        try store.saveValidators(HTTPValidators(url: url, etag: "\"v2\"", lastModified: "Mon, 21 Sep 2026 14:13:20 GMT"),
                                 source: "a", at: Timestamp(epochSeconds: 1_790_000_100))
        #expect(try store.validators(source: "a", url: url)
                == HTTPValidators(url: url, etag: "\"v2\"", lastModified: "Mon, 21 Sep 2026 14:13:20 GMT"))
        #expect(try store.validators(source: "b", url: url) == nil)
    }

    @Test(arguments: Engine.allCases) func holdingsCountLiveReviewsRoutesAndInternalRecords(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        try store.writing { db in
            try db.execute("""
                INSERT INTO snapshots (id, source, sha256, path, origin, bytes, captured_at)
                VALUES (1, 'api', 'h', 'p', 'o', 1, '2026-11-01T00:00:00Z')
                """)
            // Three reviews of `api`: one tombstoned; the second also arrived through `csv`.
            for (id, created, deleted) in [(1, "2026-10-02T10:00:00Z", nil), (2, "2026-10-05T10:00:00Z", nil),
                                           (3, "2026-09-01T10:00:00Z", "2026-11-01T00:00:00Z")] as [(Int, String, String?)] {
                try db.execute("""
                    INSERT INTO reviews (id, source, portal, external_id, merge_key, location, competitor, scale_min,
                        scale_max, title, text, translation, language, author, created_at, reply_text, has_reply, url,
                        app_version, content_hash, revision, first_snapshot_id, snapshot_id, deleted_at)
                    VALUES (?, 'api', 'google', ?, ?, '', '', 1, 5, '', '', '', 'it', '', ?, '', 0, '', '', 'c', 1, 1, 1, ?)
                    """, id, "r\(id)", "k\(id)", created, deleted)
            }
            try db.execute("INSERT INTO review_routes (source, external_id, review_id, seen_at) VALUES ('csv', 'x', 2, '2026-11-01T00:00:00Z')")
            try db.execute("""
                INSERT INTO tickets (source, ticket_id, created_at, created_epoch, solved, segments, content_hash, snapshot_id)
                VALUES ('desk', 't1', '2026-08-01T09:00:00Z', 0, 1, '{}', 'c', 1), ('desk', 't2', '2026-08-03T09:00:00Z', 0, 0, '{}', 'c', 1)
                """)
        }
        let held = try store.holdings()
        #expect(held["api"] == SourceHoldings(source: "api", reviews: 2, earliest: "2026-10-02T10:00:00Z", latest: "2026-10-05T10:00:00Z"))
        #expect(held["csv"] == SourceHoldings(source: "csv", reviews: 1, earliest: "2026-10-05T10:00:00Z", latest: "2026-10-05T10:00:00Z"))
        #expect(held["desk"] == SourceHoldings(source: "desk", reviews: 2, earliest: "2026-08-01T09:00:00Z", latest: "2026-08-03T09:00:00Z"))
        #expect(held.count == 3)
    }

    @Test(arguments: Engine.allCases) func aFailedWriteLeavesNothingBehind(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        struct Stop: Error {}
        #expect(throws: (any Error).self) {
            try store.writing { db in
                try db.execute("INSERT INTO source_state (source) VALUES ('half')")
                throw Stop()
            }
        }
        #expect(try store.sourceStates().isEmpty)
    }
}
