import Foundation
import ReputaCore
@testable import ReputaStore
import ReputaStoreTesting
import Testing

/// Flags in both stores: new flags, resolution by a public reply with its response time,
/// by an edit, the on-call steps and their history, overdue queries, and survival of `reparse`.
@Suite struct FlagStoreTests {
    let source = SourceDescriptor(name: "s", kind: "csv")
    let created: Int64 = 1_788_372_000

    func importReviews(_ store: any SQLStore, _ scratch: Scratch, _ reviews: [Review], payload: String,
                       captured: Int64) throws {
        let bytes = Array(payload.utf8)
        let snapshot = try scratch.archive.store(bytes, sha256: SHA256.hex(bytes), source: "s", originalName: "p.csv",
                                                 capturedAt: Timestamp(epochSeconds: captured))
        _ = try store.importBatch(ParsedBatch(reviews: reviews), snapshot: snapshot, origin: "p.csv", descriptor: source,
                                  importedAt: Timestamp(epochSeconds: captured))
    }

    func complaint(_ id: String, text: String = "pessimo", reply: String = "", replyAfterMinutes: Int64 = 0) -> Review {
        Review(source: "s", portal: "csv", externalID: id, location: "milano", rating: Rating(value: 1, scale: .fiveStars),
               text: text, language: "it", createdAt: Timestamp(epochSeconds: created),
               updatedAt: Timestamp(epochSeconds: created), replyText: reply,
               replyAt: reply.isEmpty ? nil : Timestamp(epochSeconds: created + replyAfterMinutes * 60))
    }

    let decision = FlagDecision(priority: 70, level: .high, reasons: ["rated 1 on 1-5 (complaints: 2 or less)"],
                                topics: ["staff"], channels: ["oncall"], textScore: -3)

    /// Flags every candidate whose text is not "ottimo" (the store test's stand-in for the flagger).
    func pass(_ store: any SQLStore, now: Int64) throws -> FlagPassCounts {
        let candidates = try store.flagCandidates(afterRowID: 0, limit: 100, ownOnly: true)
        return try store.recordFlags(candidates.map {
            FlagUpdate(candidate: $0, decision: $0.review.text == "ottimo" ? nil : decision,
                       dueAt: Timestamp(epochSeconds: created + 24 * 3600))
        }, now: Timestamp(epochSeconds: now))
    }

    @Test(arguments: Engine.allCases) func aPublicReplyResolvesTheFlagAndRecordsTheResponseTime(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        var fine = complaint("2", text: "ottimo")
        fine.rating = Rating(value: 5, scale: .fiveStars)
        var rival = complaint("3")
        rival.competitor = "Rival"
        try importReviews(store, scratch, [complaint("1"), fine, rival], payload: "a", captured: created + 60)
        let first = try pass(store, now: created + 120)
        #expect(first.evaluated == 2) // the competitor's review is not a candidate
        #expect(first.flagged == 1 && first.byLevel == [.high: 1])
        let open = try store.flags(FlagQuery(status: .open))
        #expect(open.map(\.review.externalID) == ["1"])
        #expect(open[0].decision == decision)
        #expect(open[0].dueAt == Timestamp(epochSeconds: created + 24 * 3600))
        // Nothing changed: nothing to evaluate again.
        #expect(try store.flagCandidates(afterRowID: 0, limit: 100, ownOnly: true).isEmpty)

        // The next capture carries the business's reply, 90 minutes after the review.
        try importReviews(store, scratch, [complaint("1", reply: "Ci scusiamo", replyAfterMinutes: 90), fine],
                          payload: "b", captured: created + 7200)
        let second = try pass(store, now: created + 7300)
        #expect(second.evaluated == 1 && second.resolvedByReply == 1 && second.flagged == 0)
        let resolved = try #require(try store.flags(FlagQuery(status: .resolved)).first)
        #expect(resolved.resolution == "reply")
        #expect(resolved.responseMinutes == 90)
        #expect(resolved.resolvedAt == Timestamp(epochSeconds: created + 90 * 60))
        #expect(try store.flagEvents(id: resolved.id).map(\.action) == ["flagged", "resolved"])
        #expect(try store.flagEvents(id: resolved.id).last?.note == "the business replied publicly after 1 h 30 min")
    }

    @Test(arguments: Engine.allCases) func onCallStepsAreKeptWithTheirHistory(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        try importReviews(store, scratch, [complaint("1"), complaint("2")], payload: "a", captured: created + 60)
        _ = try pass(store, now: created + 120)
        let id = try #require(try store.flags(FlagQuery()).first { $0.review.externalID == "1" }?.id)
        let at = Timestamp(epochSeconds: created + 600)
        #expect(try store.updateFlag(id: id, action: .ack, actor: "anna", at: at))
        #expect(try store.updateFlag(id: id, action: .assign(to: "marco"), actor: "anna", at: at))
        var flag = try #require(try store.flag(id: id))
        #expect(flag.status == .acked && flag.ackedBy == "anna" && flag.ackedAt == at && flag.assignee == "marco")
        #expect(try store.updateFlag(id: id, action: .resolve(note: "called the customer"), actor: "marco", at: at))
        flag = try #require(try store.flag(id: id))
        #expect(flag.status == .resolved && flag.resolution == "manual" && flag.note == "called the customer")
        let events = try store.flagEvents(id: id)
        #expect(events.map(\.action) == ["flagged", "acked", "assigned", "resolved"])
        #expect(events.map(\.by) == ["reputa", "anna", "anna", "marco"])
        #expect(try store.updateFlag(id: 999, action: .ack, actor: "anna", at: at) == false)
        // Overdue: unresolved and past the deadline (created + 24 h).
        #expect(try store.flags(FlagQuery(overdueAt: Timestamp(epochSeconds: created + 23 * 3600))).isEmpty)
        #expect(try store.flags(FlagQuery(overdueAt: Timestamp(epochSeconds: created + 25 * 3600))).map(\.review.externalID) == ["2"])
    }

    @Test(arguments: Engine.allCases) func anEditThatNoLongerComplainsResolvesAndAWorseEditReopens(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        try importReviews(store, scratch, [complaint("1")], payload: "a", captured: created + 60)
        _ = try pass(store, now: created + 120)
        var edited = complaint("1", text: "ottimo")
        edited.updatedAt = Timestamp(epochSeconds: created + 3600)
        try importReviews(store, scratch, [edited], payload: "b", captured: created + 7200)
        #expect(try pass(store, now: created + 7300).resolvedByEdit == 1)
        #expect(try store.flags(FlagQuery()).first?.resolution == "edited")
        var worse = complaint("1", text: "peggio ancora")
        worse.updatedAt = Timestamp(epochSeconds: created + 9000)
        try importReviews(store, scratch, [worse], payload: "c", captured: created + 9600)
        #expect(try pass(store, now: created + 9700).reopened == 1)
        let flag = try #require(try store.flags(FlagQuery()).first)
        #expect(flag.status == .open && flag.revision == 3)
        #expect(try store.flagEvents(id: flag.id).map(\.action) == ["flagged", "resolved", "reopened"])
    }

    @Test(arguments: Engine.allCases) func flagsSurviveAReparseOfTheirSource(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        try importReviews(store, scratch, [complaint("1")], payload: "a", captured: created + 60)
        _ = try pass(store, now: created + 120)
        let id = try #require(try store.flags(FlagQuery()).first?.id)
        _ = try store.updateFlag(id: id, action: .ack, actor: "anna", at: Timestamp(epochSeconds: created + 200))
        let stored = try store.importedSnapshots(source: "s")
        _ = try store.rebuild(source: "s", payloads: stored, importedAt: Timestamp(epochSeconds: created + 300)) { _, sink in
            try sink.add(complaint("1"))
            return PageInfo()
        }
        let flag = try #require(try store.flag(id: id))
        #expect(flag.status == .acked && flag.ackedBy == "anna" && flag.review.externalID == "1")
        // Same content after the rebuild: the flagger has nothing new to look at.
        #expect(try store.flagCandidates(afterRowID: 0, limit: 100, ownOnly: true).isEmpty)
    }

    /// `reputa forget`: a rebuild from no snapshot that forgets removes the reviews and, with
    /// them, their flags and the source's HTTP validators; a reparse that loses a review keeps its
    /// flag (it may come back), and neither touches another source's flags.
    @Test(arguments: Engine.allCases) func forgettingASourceRemovesItsReviewsFlags(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        try importReviews(store, scratch, [complaint("1"), complaint("2")], payload: "a", captured: created + 60)
        _ = try pass(store, now: created + 120)
        #expect(try store.flags(FlagQuery()).count == 2)
        try store.saveValidators(HTTPValidators(url: "https://example.com/feed", etag: "\"v1\"", lastModified: nil),
                                 source: "s", at: Timestamp(epochSeconds: created + 130))

        let reparsed = try store.rebuildAccounted(source: "s", importedAt: Timestamp(epochSeconds: created + 200),
                                                  choose: { _ in [] }) { _, _ in PageInfo() }
        #expect(reparsed.flagsRemoved == 0 && reparsed.before.reviews == 2 && reparsed.after == SourceFootprint())
        // Kept, though not listed while their reviews are away.
        #expect(try store.reading { db in try db.fetchOne("SELECT COUNT(*) AS n FROM flags")?["n"] as Int64? } == 2)
        #expect(try store.validators(source: "s", url: "https://example.com/feed") != nil)

        try importReviews(store, scratch, [complaint("1"), complaint("2")], payload: "b", captured: created + 250)
        let forgotten = try store.rebuildAccounted(source: "s", importedAt: Timestamp(epochSeconds: created + 300), forgetting: true,
                                                   choose: { _ in [] }) { _, _ in PageInfo() }
        #expect(forgotten.flagsRemoved == 2)
        #expect(try store.reading { db in try db.fetchOne("SELECT COUNT(*) AS n FROM flags")?["n"] as Int64? } == 0)
        #expect(forgotten.before.reviews == 2 && forgotten.before.imports == 1 && forgotten.after == SourceFootprint())
        #expect(try store.flags(FlagQuery()).isEmpty)
        #expect(try store.validators(source: "s", url: "https://example.com/feed") == nil)
        #expect(try store.importedSources().isEmpty)
    }
}
