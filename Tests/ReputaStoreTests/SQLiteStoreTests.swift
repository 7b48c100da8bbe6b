import Foundation
import GRDB
import ReputaCore
import ReputaPostgres
@testable import ReputaStore
import ReputaStoreTesting
import Testing

/// A fresh folder with a snapshot archive in it, removed afterwards, and with an engine a new
/// store: a SQLite file at `storePath`, or a new database of the test PostgreSQL server.
final class Scratch {
    let folder: URL
    private let opened: (any SQLStore)?
    init(_ engine: Engine? = nil, name: String = #function) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch engine {
        case nil: opened = nil
        case .sqlite: opened = try SQLiteStore(path: folder.appendingPathComponent("store/reputa.sqlite").path)
        case .postgres: opened = try PostgresStore(try TestPostgres.shared.get().freshDatabase(name))
        }
    }
    /// The store opened for the engine given.
    var store: any SQLStore { opened! }
    deinit { try? FileManager.default.removeItem(at: folder) }
    var storePath: String { folder.appendingPathComponent("store/reputa.sqlite").path }
    var archive: SnapshotArchive { SnapshotArchive(root: folder.appendingPathComponent("snapshots")) }
}

func review(_ id: String, rating: Double = 4, text: String = "buono", created: Int64 = 1_788_372_245,
            updated: Int64? = nil, reply: String = "") -> Review {
    Review(source: "s", portal: "csv", externalID: id, rating: Rating(value: rating, scale: .fiveStars), text: text,
           language: "it", createdAt: Timestamp(epochSeconds: created),
           updatedAt: Timestamp(epochSeconds: updated ?? created), replyText: reply)
}

@Suite struct SQLiteStoreTests {
    let source = SourceDescriptor(name: "s", kind: "csv")

    func importReviews(_ store: any SQLStore, _ scratch: Scratch, _ reviews: [Review], payload: String,
                       captured: Int64 = 1_790_000_000, descriptor: SourceDescriptor? = nil, skipped: Int = 0) throws -> ImportCounts {
        let bytes = Array(payload.utf8)
        let sha = SHA256.hex(bytes)
        let snapshot = try scratch.archive.store(bytes, sha256: sha, source: "s", originalName: "p.csv",
                                                 capturedAt: Timestamp(epochSeconds: captured))
        let batch = ParsedBatch(reviews: reviews, skipped: (0..<skipped).map { RowProblem(place: "p:\($0)", message: "x") })
        return try store.importBatch(batch, snapshot: snapshot, origin: "p.csv", descriptor: descriptor ?? source,
                                     importedAt: Timestamp(epochSeconds: captured))
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func newStoreIsMigratedInWALMode() throws {
        let scratch = try Scratch()
        let store = try SQLiteStore(path: scratch.storePath)
        #expect(try store.integrityCheck() == "ok")
        let queue = try DatabaseQueue(path: scratch.storePath)
        #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == SQLiteStore.schemaVersion)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test(arguments: Engine.allCases) func ledgerRemembersImportedBytes(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        let counts = try importReviews(store, scratch, [review("1"), review("2")], payload: "a")
        #expect(counts.new == 2)
        #expect(try store.hasImported(source: "s", sha256: SHA256.hex(Array("a".utf8))))
        #expect(try !store.hasImported(source: "s", sha256: SHA256.hex(Array("b".utf8))))
        #expect(try !store.hasImported(source: "other", sha256: SHA256.hex(Array("a".utf8))))
    }

    @Test(arguments: Engine.allCases) func overlappingPayloadAddsOnlyNewReviews(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        _ = try importReviews(store, scratch, [review("1"), review("2")], payload: "a")
        let counts = try importReviews(store, scratch, [review("2"), review("3")], payload: "b")
        #expect(counts.new == 1)
        #expect(counts.unchanged == 1)
        #expect(try store.reviews(ReviewQuery()).map(\.review.externalID).sorted() == ["1", "2", "3"])
    }

    @Test(arguments: Engine.allCases) func editKeepsTheOldRevision(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        _ = try importReviews(store, scratch, [review("1", rating: 1, text: "pessimo")], payload: "a", captured: 1_790_000_000)
        let counts = try importReviews(store, scratch, [review("1", rating: 4, text: "dopo la risposta, meglio", updated: 1_788_400_000)],
                                       payload: "b", captured: 1_790_100_000)
        #expect(counts.updated == 1)
        let stored = try #require(try store.reviews(ReviewQuery()).first)
        #expect(stored.review.text == "dopo la risposta, meglio")
        #expect(stored.revision == 2)
        #expect(stored.review.createdAt?.epochSeconds == 1_788_372_245)
        let old = try store.revisions(source: "s", externalID: "1")
        #expect(old.count == 1)
        #expect(old.first?.text == "pessimo")
        #expect(old.first?.rating == 1)
    }

    @Test(arguments: Engine.allCases) func countersAreRefreshedInPlaceWithoutARevision(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        func counted(votes: Int?, written: Int?) -> Review {
            var r = review("1", rating: 1, text: "pessimo")
            r.helpfulVotes = votes
            r.authorReviews = written
            return r
        }
        _ = try importReviews(store, scratch, [counted(votes: 1, written: 3)], payload: "a")
        var stored = try #require(try store.reviews(ReviewQuery()).first)
        #expect(stored.review.helpfulVotes == 1 && stored.review.authorReviews == 3)
        // The author has written more reviews since: same content, so no new revision.
        let counts = try importReviews(store, scratch, [counted(votes: 1, written: 4)], payload: "b")
        #expect(counts.unchanged == 1 && counts.updated == 0)
        stored = try #require(try store.reviews(ReviewQuery()).first)
        #expect(stored.review.authorReviews == 4 && stored.revision == 1)
        // A route that does not say keeps what is known; an edit keeps it too.
        _ = try importReviews(store, scratch, [counted(votes: nil, written: nil)], payload: "c")
        #expect(try store.reviews(ReviewQuery()).first?.review.authorReviews == 4)
        var edited = counted(votes: nil, written: nil)
        edited.text = "pessimo, e nessuna risposta"
        edited.updatedAt = Timestamp(epochSeconds: 1_788_400_000)
        #expect(try importReviews(store, scratch, [edited], payload: "d").updated == 1)
        stored = try #require(try store.reviews(ReviewQuery()).first)
        #expect(stored.review.authorReviews == 4 && stored.review.helpfulVotes == 1 && stored.revision == 2)
    }

    @Test(arguments: Engine.allCases) func aReviewTwiceInOnePayloadIsWrittenInOrder(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        // PostgreSQL gathers 500 reviews a statement: the second copy must still come after the first.
        let counts = try importReviews(store, scratch, [review("1", text: "prima", updated: 1_788_400_000), review("2"),
                                                        review("1", text: "dopo", updated: 1_788_500_000)], payload: "a")
        #expect(counts.new == 2 && counts.updated == 1)
        let first = try #require(try store.reviews(ReviewQuery()).first { $0.review.externalID == "1" })
        #expect(first.review.text == "dopo" && first.revision == 2)
        #expect(try store.revisions(source: "s", externalID: "1").map(\.text) == ["prima"])
    }

    /// Several edits in one payload (PostgreSQL writes them together, by `COPY`): each keeps
    /// its own previous content as a revision, any text crosses unchanged, the creation time
    /// moves only earlier (and its week with it), and counters a payload leaves out are kept.
    @Test(arguments: Engine.allCases) func editsInOnePayloadEachKeepTheirOwnRevision(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        var voted = review("2", text: "ok")
        voted.helpfulVotes = 3
        _ = try importReviews(store, scratch, [review("1", rating: 1, text: "pessimo"), voted, review("3")], payload: "a")
        let odd = "tab\there \\N back\\slash\r\nriga 😀"
        // 1: edited, created "later" (stays); 2: edited, created earlier (moves to 2026-08-29, week 35), no votes given.
        let counts = try importReviews(store, scratch, [
            review("1", rating: 3, text: odd, created: 1_788_472_245, updated: 1_788_500_000),
            review("2", rating: 2, text: "peggio", created: 1_788_000_000, updated: 1_788_500_000),
            review("3"), review("4"),
        ], payload: "b")
        #expect(counts.new == 1 && counts.updated == 2 && counts.unchanged == 1)
        let stored = Dictionary(uniqueKeysWithValues: try store.reviews(ReviewQuery()).map { ($0.review.externalID, $0) })
        #expect(stored["1"]?.review.text == odd && stored["1"]?.review.rating?.value == 3 && stored["1"]?.revision == 2)
        #expect(stored["1"]?.review.createdAt?.epochSeconds == 1_788_372_245)
        #expect(stored["2"]?.review.createdAt?.epochSeconds == 1_788_000_000 && stored["2"]?.review.helpfulVotes == 3)
        #expect(stored["2"]?.review.text == "peggio" && stored["2"]?.revision == 2 && stored["3"]?.revision == 1)
        let weeks = try store.reading { db in
            try db.fetch("SELECT external_id, week FROM reviews ORDER BY external_id").map { "\($0["external_id"] as String) \($0["week"] as String)" }
        }
        #expect(weeks == ["1 2026-W36", "2 2026-W35", "3 2026-W36", "4 2026-W36"])
        #expect(try store.revisions(source: "s", externalID: "1").map(\.text) == ["pessimo"])
        #expect(try store.revisions(source: "s", externalID: "2").map(\.text) == ["ok"])
        #expect(try store.revisions(source: "s", externalID: "3").isEmpty)
    }

    /// PostgreSQL's new reviews cross as `COPY` text, where a tab, a line break, a backslash
    /// and `\N` mean something: each must come back as written, and rows keep payload order.
    @Test(arguments: Engine.allCases) func anyTextCrossesUnchangedAndIdsFollowThePayload(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        let odd = "tab\there, back\\slash \\N, \\t, CRLF\r\nLF\nCR\r end \"quoted\" perché 😀 \\"
        var first = review("z", text: odd, reply: "\\N")
        first.title = "\\N"
        first.author = "Anna\tB."
        first.rating = nil
        var second = review("a", rating: 2.5, text: "")
        second.url = "https://example.com/r?a=1&b=\\2"
        let third = review("m", rating: 1, text: "\\")
        let counts = try importReviews(store, scratch, [first, second, third], payload: "odd")
        #expect(counts.new == 3)
        let stored = Dictionary(uniqueKeysWithValues: try store.reviews(ReviewQuery()).map { ($0.review.externalID, $0.review) })
        #expect(stored["z"]?.text == odd && stored["z"]?.title == "\\N" && stored["z"]?.author == "Anna\tB.")
        #expect(stored["z"]?.replyText == "\\N" && stored["z"]?.rating == nil)
        #expect(stored["a"]?.text == "" && stored["a"]?.rating?.value == 2.5 && stored["a"]?.url == "https://example.com/r?a=1&b=\\2")
        #expect(stored["m"]?.text == "\\" && stored["m"]?.rating?.value == 1)
        let order = try store.reading { db in try db.fetch("SELECT external_id FROM reviews ORDER BY id").map { $0["external_id"] as String } }
        #expect(order == ["z", "a", "m"])
    }

    @Test(arguments: Engine.allCases) func olderCopyOfAnEditedReviewChangesNothing(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        _ = try importReviews(store, scratch, [review("1", text: "new", updated: 1_788_500_000)], payload: "b")
        let counts = try importReviews(store, scratch, [review("1", text: "old", updated: 1_788_400_000)], payload: "a")
        #expect(counts.unchanged == 1)
        #expect(try store.reviews(ReviewQuery()).first?.review.text == "new")
    }

    @Test(arguments: Engine.allCases) func fullExportTombstonesMissingReviewsAndRevivesThem(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        var full = source
        full.fullExport = true
        _ = try importReviews(store, scratch, [review("1"), review("2")], payload: "a", captured: 100, descriptor: full)
        let second = try importReviews(store, scratch, [review("1")], payload: "b", captured: 200, descriptor: full)
        #expect(second.removed == 1)
        #expect(try store.reviews(ReviewQuery()).map(\.review.externalID) == ["1"])
        var all = ReviewQuery()
        all.includeDeleted = true
        let tombstoned = try #require(try store.reviews(all).first { $0.review.externalID == "2" })
        #expect(tombstoned.deletedAt == "1970-01-01T00:03:20Z")
        // An older full export imported late must not tombstone anything.
        let late = try importReviews(store, scratch, [review("2")], payload: "c", captured: 50, descriptor: full)
        #expect(late.removed == 0)
        #expect(late.updated == 1)   // revived
        #expect(try store.reviews(ReviewQuery()).count == 2)
    }

    @Test(arguments: Engine.allCases) func fullExportWithSkippedRowsDoesNotTombstone(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        var full = source
        full.fullExport = true
        _ = try importReviews(store, scratch, [review("1"), review("2")], payload: "a", captured: 100, descriptor: full)
        let counts = try importReviews(store, scratch, [review("1")], payload: "b", captured: 200, descriptor: full, skipped: 1)
        #expect(counts.removed == 0)
        #expect(try store.reviews(ReviewQuery()).count == 2)
    }

    @Test(arguments: Engine.allCases) func rebuildReplaysSnapshotsInOneTransaction(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        _ = try importReviews(store, scratch, [review("1", text: "v1")], payload: "a", captured: 100)
        _ = try importReviews(store, scratch, [review("1", text: "v2", updated: 1_788_400_000), review("2")], payload: "b", captured: 200)
        let stored = try store.importedSnapshots(source: "s")
        #expect(stored.count == 2)
        let batches = [stored[0].snapshot.sha256: ParsedBatch(reviews: [review("1", text: "v1")]),
                       stored[1].snapshot.sha256: ParsedBatch(reviews: [review("1", text: "v2", updated: 1_788_400_000), review("2")])]
        let counts = try store.rebuild(source: "s", payloads: stored, importedAt: Timestamp(epochSeconds: 300)) { snapshot, sink in
            let batch = batches[snapshot.snapshot.sha256]!
            try batch.forward(to: sink)
            return batch.page
        }
        #expect(counts.new == 2)
        #expect(counts.updated == 1)
        #expect(try store.reviews(ReviewQuery()).map(\.review.text) == ["v2", "buono"])
        #expect(try store.revisions(source: "s", externalID: "1").map(\.text) == ["v1"])
    }

    @Test(arguments: Engine.allCases) func weeklySummaryUsesTheCoveringIndexAndCounts(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        // 2026-09-02 (W36) twice, 2026-09-08 (W37) once.
        _ = try importReviews(store, scratch, [review("1", rating: 5, reply: "grazie"), review("2", rating: 2),
                                               review("3", rating: 4, created: 1_788_900_000)], payload: "a")
        let rows = try store.weeklySummary()
        #expect(rows.map(\.week) == ["2026-W36", "2026-W37"])
        #expect(rows.map(\.count) == [2, 1])
        #expect(rows[0].meanRating == 3.5)
        #expect(rows[0].meanRating100 == 62.5)
        #expect(rows[0].replied == 1)
        if let sqlite = store as? SQLiteStore {
            #expect(try sqlite.weeklyPlan().contains { $0.contains("COVERING INDEX reviews_weekly") })
        }
    }

    @Test(arguments: Engine.allCases) func comparisonTalliesAndReplyDelaysComeFromTheCoveringIndex(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        let created: Int64 = 1_788_372_245 // 2026-09-02, W36 in Rome
        var replied = review("1", rating: 5, reply: "grazie")
        replied.replyAt = Timestamp(epochSeconds: created + 5_400)
        _ = try importReviews(store, scratch, [replied, review("2", rating: 5), review("3", rating: 2)], payload: "a")
        let tallies = try store.reviewTallies(firstWeek: "2026-W36", lastWeek: "2026-W36")
        #expect(tallies.map { [$0.rating, Double($0.count), Double($0.replied)] } == [[2, 1, 0], [5, 2, 1]])
        #expect(tallies.allSatisfy { $0.portal == "csv" && $0.scale == .fiveStars && $0.week == "2026-W36" })
        #expect(try store.replyDelays(firstWeek: "2026-W36", lastWeek: "2026-W36").map(\.minutes) == [90])
        #expect(try store.reviewTallies(firstWeek: "2026-W37", lastWeek: "2026-W40").isEmpty)
        // An edit brings a later reply and a later creation time: the row keeps its creation time,
        // so the delay is counted from it (7 200 s = 120 min), not from the edit's.
        var edited = review("1", rating: 5, created: created + 600, updated: created + 7_300, reply: "grazie mille")
        edited.replyAt = Timestamp(epochSeconds: created + 7_200)
        _ = try importReviews(store, scratch, [edited], payload: "b")
        #expect(try store.replyDelays(firstWeek: "2026-W36", lastWeek: "2026-W36").map(\.minutes) == [120])
        if let sqlite = store as? SQLiteStore {
            #expect(try sqlite.tallyPlan().contains { $0.contains("COVERING INDEX reviews_weekly") })
        }
    }

    @Test func newerSchemaIsRefusedWithBothVersions() throws {
        let scratch = try Scratch()
        _ = try SQLiteStore(path: scratch.storePath)
        try DatabaseQueue(path: scratch.storePath).write { try $0.execute(sql: "PRAGMA user_version = 99") }
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: scratch.storePath) }
        #expect(error?.message == "written by a newer Reputa (schema 99); this binary knows schema \(SQLiteStore.schemaVersion) at most")
    }

    @Test func aV9StoreKeepsItsFlagHistoryInOrderThroughV10() throws {
        let scratch = try Scratch()
        _ = try SQLiteStore(path: scratch.storePath)
        // Put the file back at v9: flag_events as v6 made it (no id), three events, the third
        // written first in time order but last in the table.
        try DatabaseQueue(path: scratch.storePath).write { db in
            try db.execute(sql: """
                INSERT INTO flags (id, merge_key, revision, priority, level, reasons, categories, topics, channels,
                    text_score, location, flagged_at, due_at, status)
                VALUES (7, 'k', 1, 50, 'normal', '[]', '[]', '[]', '[]', 0, '', '2026-11-24T09:00:00Z', '2026-11-25T09:00:00Z', 'open');
                DROP TABLE flag_events;
                CREATE TABLE flag_events (
                    flag_id INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
                    at TEXT NOT NULL, action TEXT NOT NULL, actor TEXT NOT NULL, note TEXT NOT NULL
                ) STRICT;
                INSERT INTO flag_events VALUES (7, '2026-11-24T09:00:00Z', 'flagged', 'reputa', ''),
                    (7, '2026-11-24T09:00:00Z', 'acked', 'ada', ''), (7, '2026-11-24T08:00:00Z', 'assigned', 'ada', 'to bo');
                DROP TABLE leases;
                DROP TABLE web_sessions; DROP TABLE login_failures; DROP TABLE reply_drafts; DROP TABLE users;
                DROP INDEX flags_queue;
                ALTER TABLE source_state DROP COLUMN quiet_alerted_at;
                PRAGMA user_version = 9;
                """)
        }
        let store = try SQLiteStore(path: scratch.storePath)
        #expect(try store.flagEvents(id: 7).map(\.action) == ["flagged", "acked", "assigned"])
        let ids = try DatabaseQueue(path: scratch.storePath).read { try Int64.fetchAll($0, sql: "SELECT id FROM flag_events ORDER BY id") }
        #expect(ids == [1, 2, 3])
        #expect(try DatabaseQueue(path: scratch.storePath).read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == SQLiteStore.schemaVersion)
    }

    @Test func garbageFileIsNotADatabaseAndIsLeftUntouched() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: (scratch.storePath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x42, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: scratch.storePath))
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: scratch.storePath) }
        #expect(error?.message.contains("not a SQLite database") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.storePath)) == garbage)
    }

    @Test func unusableStorePathIsAStoreError() throws {
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: "/proc/reputa-nope/store.sqlite") }
        #expect(error?.description.hasPrefix("store: /proc/reputa-nope/store.sqlite: ") == true)
    }

    @Test func snapshotsAreStoredOnceByContent() throws {
        let scratch = try Scratch()
        let bytes = Array("same bytes".utf8)
        let sha = SHA256.hex(bytes)
        let a = try scratch.archive.store(bytes, sha256: sha, source: "s", originalName: "../../etc/x.csv",
                                          capturedAt: Timestamp(epochSeconds: 1_790_000_000))
        let b = try scratch.archive.store(bytes, sha256: sha, source: "s", originalName: "other.csv",
                                          capturedAt: Timestamp(epochSeconds: 1_790_999_999))
        #expect(a.isNew && !b.isNew)      // the second call found the kept bytes
        #expect(a.relativePath == b.relativePath && a.capturedAt == b.capturedAt)
        #expect(a.relativePath == "s/20260921T141320Z-\(sha.prefix(16))-x.csv")
        #expect(FileManager.default.contents(atPath: scratch.archive.path(of: a)).map { [UInt8]($0) } == bytes)
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.archive.root.appendingPathComponent("s").path)
        #expect(files.count == 1)
        #expect(SnapshotArchive.capturedAt(fileName: "20260921T141320Z-abc-x.csv")?.epochSeconds == 1_790_000_000)
    }
}

/// A file's snapshot written while it is parsed: kept only when the bytes read are the bytes
/// hashed for the ledger.
@Suite struct PendingSnapshotTests {
    func pieces(_ text: String, into pending: PendingSnapshot) {
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: 3) {
            bytes[start..<min(start + 3, bytes.count)].withUnsafeBytes { pending.write($0) }
        }
    }

    func files(_ archive: SnapshotArchive, _ source: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: archive.root.appendingPathComponent(source).path)) ?? []).sorted()
    }

    @Test func matchingBytesAreKeptUnderTheirHash() throws {
        let scratch = try Scratch()
        let text = "id,rating\n1,5\n2,4\n"
        let sha = SHA256.hex(Array(text.utf8))
        guard case let .pending(pending) = try scratch.archive.begin(
            sha256: sha, source: "s", origin: "/in/a.csv", originalName: "a.csv",
            capturedAt: Timestamp(epochSeconds: 1_790_000_000), byteCount: text.utf8.count) else {
            Issue.record("expected a new snapshot"); return
        }
        pieces(text, into: pending)
        try pending.finish()
        let kept = try String(contentsOfFile: scratch.archive.path(of: pending.snapshot), encoding: .utf8)
        #expect(kept == text)
        #expect(files(scratch.archive, "s") == ["20260921T141320Z-\(sha.prefix(16))-a.csv"]) // 1 790 000 000 s is 2026-09-21 14:13:20 UTC
        // The same bytes again are found, not written twice.
        let again = try scratch.archive.begin(sha256: sha, source: "s", origin: "/in/b.csv", originalName: "b.csv",
                                              capturedAt: Timestamp(epochSeconds: 1_790_000_999), byteCount: 18)
        guard case .existing = again else { Issue.record("expected the kept snapshot"); return }
    }

    @Test func bytesThatChangedSinceHashingAreRefusedAndLeaveNothing() throws {
        let scratch = try Scratch()
        let sha = SHA256.hex(Array("id,rating\n1,5\n".utf8))
        guard case let .pending(pending) = try scratch.archive.begin(
            sha256: sha, source: "s", origin: "/in/a.csv", originalName: "a.csv",
            capturedAt: Timestamp(epochSeconds: 1_790_000_000), byteCount: 14) else {
            Issue.record("expected a new snapshot"); return
        }
        pieces("id,rating\n1,1\n", into: pending)
        #expect(throws: StoreError(place: "/in/a.csv", message: "the file changed while it was being imported; nothing was stored")) {
            try pending.finish()
        }
        #expect(files(scratch.archive, "s").isEmpty)
    }
}
