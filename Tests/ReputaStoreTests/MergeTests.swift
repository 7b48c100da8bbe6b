import Foundation
import GRDB
import ReputaCore
@testable import ReputaStore
import ReputaStoreTesting
import Testing

/// The same review reaching the store by two routes (a portal's API and its owner export) is
/// one review: one row, counted for both sources, the newer copy winning.
@Suite struct MergeTests {
    let api = SourceDescriptor(name: "play-api", kind: "google-play-api", portal: "google-play")
    let csv = SourceDescriptor(name: "play-csv", kind: "csv", portal: "google-play")

    func importReviews(_ store: any SQLStore, _ scratch: Scratch, _ descriptor: SourceDescriptor, _ reviews: [Review],
                       payload: String, captured: Int64) throws -> ImportCounts {
        let bytes = Array(payload.utf8)
        let snapshot = try scratch.archive.store(bytes, sha256: SHA256.hex(bytes), source: descriptor.name,
                                                 originalName: "p", capturedAt: Timestamp(epochSeconds: captured))
        return try store.importBatch(ParsedBatch(reviews: reviews), snapshot: snapshot, origin: "p",
                                     descriptor: descriptor, importedAt: Timestamp(epochSeconds: captured))
    }

    func playReview(_ source: SourceDescriptor, id: String, text: String, author: String = "", title: String = "",
                    updated: Int64, language: String = "") -> Review {
        Review(source: source.name, portal: "google-play", externalID: id, rating: Rating(value: 2, scale: .fiveStars),
               title: title, text: text, language: language, author: author,
               createdAt: Timestamp(epochSeconds: 1_790_000_000), updatedAt: Timestamp(epochSeconds: updated))
    }

    func rowCount(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM reviews")! }
    }

    func rowCount(_ store: any SQLStore) throws -> Int {
        try store.reading { try $0.fetchOne("SELECT COUNT(*) AS n FROM reviews")?["n"] ?? -1 }
    }

    @Test func portalIDsNeedThePortalsShape() {
        let link = "https://play.google.com/console/developers/123/app/456/user-feedback/review-details?reviewId=gp%3AAOqpTOFmAbCdEf1GhIj&corpus=PUBLIC_REVIEWS"
        #expect(PortalIdentity.globalID(portal: "google-play", externalID: link) == "gp:AOqpTOFmAbCdEf1GhIj")
        #expect(PortalIdentity.globalID(portal: "google-play", externalID: "gp:AOqpTOFmAbCdEf1GhIj") == "gp:AOqpTOFmAbCdEf1GhIj")
        #expect(PortalIdentity.globalID(portal: "trustpilot", externalID: "6B0A1C2D3E4F5A6B7C8D9E0F") == "6b0a1c2d3e4f5a6b7c8d9e0f")
        #expect(PortalIdentity.globalID(portal: "google", externalID: "accounts/1/locations/2/reviews/AbFvOqnXr1mN2pQ3") == "AbFvOqnXr1mN2pQ3")
        // Row numbers and other per-file ids never merge across sources.
        #expect(PortalIdentity.globalID(portal: "google-play", externalID: "17") == nil)
        #expect(PortalIdentity.globalID(portal: "tripadvisor", externalID: "1") == nil)
        #expect(PortalIdentity.globalID(portal: "trustpilot", externalID: "6b0a1c2d3e4f5a6b7c8d9e0g") == nil)
        #expect(PortalIdentity.globalID(portal: "csv", externalID: "6b0a1c2d3e4f5a6b7c8d9e0f") == nil)
        #expect(PortalIdentity.key(source: "a", portal: "csv", externalID: "1") != PortalIdentity.key(source: "b", portal: "csv", externalID: "1"))
        #expect(PortalIdentity.key(source: "a", portal: "trustpilot", externalID: "6b0a1c2d3e4f5a6b7c8d9e0f")
                == PortalIdentity.key(source: "b", portal: "trustpilot", externalID: "6B0A1C2D3E4F5A6B7C8D9E0F"))
    }

    @Test(arguments: Engine.allCases) func apiAndExportCopiesAreOneReview(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        let link = "https://play.google.com/console/review-details?reviewId=gp%3AAOqpTOFmAbCdEf1GhIj"
        // The API gives the author but no title; the export a day later has the edited text.
        let first = try importReviews(store, scratch, api, [
            playReview(api, id: "gp:AOqpTOFmAbCdEf1GhIj", text: "lenta", author: "Giulia", updated: 1_790_000_000,
                       language: "it"),
            playReview(api, id: "gp:AOqpTOFmAbCdEf2KlMn", text: "ok", author: "Marco", updated: 1_790_000_000),
        ], payload: "api-1", captured: 1_790_100_000)
        #expect(first.new == 2 && first.merged == 0)
        let second = try importReviews(store, scratch, csv, [
            playReview(csv, id: link, text: "lenta e si blocca", title: "Peggiorata", updated: 1_790_086_400),
            playReview(csv, id: "gp:AOqpTOFmAbCdEf9ZzZz", text: "nuova", updated: 1_790_000_000),
        ], payload: "csv-1", captured: 1_790_200_000)
        #expect(second.new == 1 && second.updated == 1 && second.merged == 1)
        #expect(try rowCount(store) == 3)

        let merged = try store.reviews(ReviewQuery()).map(\.review).first { $0.text.hasPrefix("lenta") }
        #expect(merged?.text == "lenta e si blocca") // the newer copy wins
        #expect(merged?.title == "Peggiorata")
        #expect(merged?.author == "Giulia") // the blank author is filled from the API copy
        #expect(merged?.language == "it")
        #expect(merged?.source == "play-api") // held by the route that brought it first
        #expect(try store.revisions(source: "play-api", externalID: "gp:AOqpTOFmAbCdEf1GhIj").map(\.text) == ["lenta"])

        // Counted for both routes; listing by either source finds it.
        let holdings = try store.holdings()
        #expect(holdings["play-api"]?.reviews == 2)
        #expect(holdings["play-csv"]?.reviews == 2)
        var byCSV = ReviewQuery()
        byCSV.sources = ["play-csv"]
        #expect(Set(try store.reviews(byCSV).map(\.review.text)) == ["lenta e si blocca", "nuova"])

        // The API's older copy, fetched again, changes nothing and is not a second review.
        let third = try importReviews(store, scratch, api, [
            playReview(api, id: "gp:AOqpTOFmAbCdEf1GhIj", text: "lenta", author: "Giulia", updated: 1_790_000_000),
        ], payload: "api-2", captured: 1_790_300_000)
        #expect(third.unchanged == 1 && third.updated == 0 && third.new == 0)
        #expect(try store.reviews(ReviewQuery()).first { $0.review.author == "Giulia" }?.review.text == "lenta e si blocca")
    }

    @Test(arguments: Engine.allCases) func rebuildingTheHoldingSourceHandsTheReviewOn(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        let id = "6b0a1c2d3e4f5a6b7c8d9e0f"
        let tpAPI = SourceDescriptor(name: "tp-api", kind: "trustpilot-api", portal: "trustpilot")
        let tpCSV = SourceDescriptor(name: "tp-csv", kind: "trustpilot-csv", portal: "trustpilot")
        func tp(_ d: SourceDescriptor) -> Review {
            Review(source: d.name, portal: "trustpilot", externalID: id, rating: Rating(value: 1, scale: .fiveStars),
                   text: "truffa", createdAt: Timestamp(epochSeconds: 1_790_000_000))
        }
        _ = try importReviews(store, scratch, tpAPI, [tp(tpAPI)], payload: "a", captured: 1_790_100_000)
        _ = try importReviews(store, scratch, tpCSV, [tp(tpCSV)], payload: "c", captured: 1_790_200_000)
        #expect(try rowCount(store) == 1)

        let counts = try store.rebuild(source: "tp-api", payloads: store.importedSnapshots(source: "tp-api"),
                                       importedAt: Timestamp(epochSeconds: 1_790_300_000)) { _, sink in
            try sink.add(tp(tpAPI))
            return PageInfo()
        }
        #expect(counts.merged == 1 && counts.new == 0)
        #expect(try rowCount(store) == 1)
        #expect(try store.reviews(ReviewQuery()).map(\.review.source) == ["tp-csv"])
        #expect(try store.holdings()["tp-api"]?.reviews == 1)
        #expect(try store.holdings()["tp-csv"]?.reviews == 1)
    }

    @Test(arguments: Engine.allCases) func fullExportTombstonesOnlyItsOwnReviews(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        let tpAPI = SourceDescriptor(name: "tp-api", kind: "trustpilot-api", portal: "trustpilot")
        let tpCSV = SourceDescriptor(name: "tp-csv", kind: "trustpilot-csv", portal: "trustpilot", fullExport: true)
        func tp(_ d: SourceDescriptor, _ id: String) -> Review {
            Review(source: d.name, portal: "trustpilot", externalID: id, rating: Rating(value: 4, scale: .fiveStars),
                   text: "ok \(id)", createdAt: Timestamp(epochSeconds: 1_790_000_000))
        }
        let a = "6b0a1c2d3e4f5a6b7c8d9e0f", b = "6b0a1c2d3e4f5a6b7c8d9e10", c = "6b0a1c2d3e4f5a6b7c8d9e11"
        _ = try importReviews(store, scratch, tpAPI, [tp(tpAPI, a)], payload: "api", captured: 1_790_100_000)
        _ = try importReviews(store, scratch, tpCSV, [tp(tpCSV, a), tp(tpCSV, b), tp(tpCSV, c)], payload: "x1",
                              captured: 1_790_200_000)
        // The newer full export lacks `a` (held by the API source) and `c` (its own).
        let counts = try importReviews(store, scratch, tpCSV, [tp(tpCSV, b)], payload: "x2", captured: 1_790_300_000)
        #expect(counts.removed == 1)
        let live = try store.reviews(ReviewQuery()).map(\.review.externalID).sorted()
        #expect(live == [a, b])
    }

    @Test func migrationToMergeKeysKeepsHistoryAndMergesDuplicates() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: (scratch.storePath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        // A schema-2 store in which two sources already hold the same Trustpilot review and
        // the first one has an edit history.
        let queue = try DatabaseQueue(path: scratch.storePath)
        try queue.write { db in
            for migration in Schema.migrations.prefix(2) { try db.execute(sql: migration.sql) }
            try db.execute(sql: "PRAGMA user_version = 2")
            try db.execute(sql: """
                INSERT INTO snapshots (id, source, sha256, path, origin, bytes, captured_at)
                    VALUES (1, 'tp-api', 'x', 'p', 'o', 1, '2026-10-01T00:00:00Z'),
                           (2, 'tp-csv', 'y', 'p', 'o', 1, '2026-10-02T00:00:00Z');
                INSERT INTO reviews (id, source, portal, external_id, location, competitor, rating, scale_min, scale_max,
                    title, text, language, author, reply_text, has_reply, url, app_version, content_hash, revision,
                    first_snapshot_id, snapshot_id)
                VALUES (1, 'tp-api', 'trustpilot', '6b0a1c2d3e4f5a6b7c8d9e0f', '', '', 2, 1, 5, '', 'v2', 'it', '', '',
                        0, '', '', 'h2', 2, 1, 1),
                       (2, 'tp-csv', 'trustpilot', '6b0a1c2d3e4f5a6b7c8d9e0f', '', '', 2, 1, 5, '', 'v2', 'it', '', '',
                        0, '', '', 'h2', 1, 2, 2),
                       (3, 'tp-csv', 'csv', '7', '', '', 5, 1, 5, '', 'row 7', 'it', '', '', 0, '', '', 'h', 1, 2, 2);
                INSERT INTO review_revisions (review_id, revision, rating, title, text, reply_text, content_hash,
                    snapshot_id, replaced_at) VALUES (1, 1, 3, '', 'v1', '', 'h1', 1, '2026-10-01T00:00:00Z');
                """)
        }
        try queue.close()

        let store = try SQLiteStore(path: scratch.storePath)
        #expect(try store.integrityCheck() == "ok")
        #expect(try rowCount(scratch.storePath) == 2)
        #expect(try store.revisions(source: "tp-api", externalID: "6b0a1c2d3e4f5a6b7c8d9e0f").map(\.text) == ["v1"])
        #expect(try store.holdings()["tp-csv"]?.reviews == 2)
        #expect(try store.holdings()["tp-api"]?.reviews == 1)
        let keys = try DatabaseQueue(path: scratch.storePath).read {
            try String.fetchAll($0, sql: "SELECT merge_key FROM reviews ORDER BY id")
        }
        #expect(keys == ["p:trustpilot\u{1F}6b0a1c2d3e4f5a6b7c8d9e0f", "s:tp-csv\u{1F}7"])
    }
}
