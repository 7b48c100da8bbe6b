import Foundation
import ReputaCore
@testable import ReputaStore
import ReputaStoreTesting
import Testing

/// Flags and the on-call workflow, one shared implementation, on both engines.
@Suite struct FlagRecordsTests {
    /// Two live reviews: r1 (1★, no reply) and r2 (2★, answered 90 minutes after it was written).
    func seed(_ store: any SQLStore) throws {
        try store.writing { db in
            try db.execute("""
                INSERT INTO snapshots (id, source, sha256, path, origin, bytes, captured_at)
                VALUES (1, 'maps', 'h', 'p', 'o', 1, '2026-11-24T08:00:00Z')
                """)
            for (id, rating, text, reply, replyAt, minutes) in [
                (1, 1.0, "Intossicazione dopo cena, mai più", "", nil, nil),
                (2, 2.0, "Attesa lunghissima", "Ci scusi", "2026-11-23T11:30:00Z", 90.0),
            ] as [(Int, Double, String, String, String?, Double?)] {
                try db.execute("""
                    INSERT INTO reviews (id, source, portal, external_id, merge_key, location, competitor, rating, scale_min,
                        scale_max, rating_100, title, text, translation, language, author, created_at, created_offset,
                        reply_text, reply_at, has_reply, url, app_version, content_hash, revision, first_snapshot_id,
                        snapshot_id, reply_minutes)
                    VALUES (?, 'maps', 'google', ?, ?, 'milano', '', ?, 1, 5, ?, '', ?, '', 'it', 'Ada',
                        '2026-11-23T10:00:00Z', 3600, ?, ?, ?, '', '', ?, 1, 1, 1, ?)
                    """, id, "r\(id)", "k\(id)", rating, (rating - 1) * 25, text, reply, replyAt, reply.isEmpty ? 0 : 1,
                    "c\(id)", minutes)
            }
        }
    }

    func at(_ text: String) -> Timestamp { Timestamp(utcISO: text)! }

    @Test(arguments: Engine.allCases) func aPassFlagsQueuesAlertsAndTheWorkflowIsRecorded(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        try seed(store)
        let candidates = try store.flagCandidates(afterRowID: 0, limit: 10, ownOnly: true)
        #expect(candidates.map(\.mergeKey) == ["k1", "k2"])
        let first = try #require(candidates.first)
        #expect(first.review.text == "Intossicazione dopo cena, mai più" && first.review.rating?.value == 1)
        #expect(first.review.createdAt?.utcISO == "2026-11-23T10:00:00Z" && first.review.createdAt?.offsetSeconds == 3600)
        #expect(candidates[1].replyMinutes == 90 && candidates[1].review.replyAt?.utcISO == "2026-11-23T11:30:00Z")

        var urgent = FlagDecision(priority: 95, level: .urgent, reasons: ["rated 1 on 1-5", "health and safety: \"intossicazione\""],
                                  categories: ["health_safety"], topics: ["quality"])
        urgent.channels = ["oncall", "ops"]
        let slow = FlagDecision(priority: 45, level: .normal, reasons: ["rated 2 on 1-5"], topics: ["waiting_time"])
        let now = at("2026-11-24T09:00:00Z")
        let counts = try store.recordFlags([
            FlagUpdate(candidate: candidates[0], decision: urgent, dueAt: at("2026-11-24T11:00:00Z")),
            FlagUpdate(candidate: candidates[1], decision: slow, dueAt: at("2026-11-25T09:00:00Z")),
        ], now: now)
        // r1: a new open urgent flag, owed two alerts; r2: flagged but already answered (resolved, owed none).
        #expect(counts.evaluated == 2 && counts.flagged == 2 && counts.flaggedAnswered == 1)
        #expect(counts.byLevel == [.urgent: 1])
        #expect(try store.queueAlerts(channels: ["oncall", "ops"], maxAge: nil, now: now) == QueueCounts(queued: 2))
        #expect(try store.flagCandidates(afterRowID: 0, limit: 10, ownOnly: true).isEmpty)
        #expect(try store.alerts().map(\.channel) == ["oncall", "ops"])

        let listed = try store.flags(FlagQuery())
        #expect(listed.map(\.review.externalID) == ["r1", "r2"]) // unresolved first
        #expect(listed[1].status == .resolved && listed[1].resolution == "reply" && listed[1].responseMinutes == 90)
        let flag = try #require(try store.flag(id: listed[0].id))
        #expect(flag.decision.reasons == urgent.reasons && flag.decision.categories == ["health_safety"])
        #expect(flag.decision.channels == ["oncall", "ops"] && flag.dueAt.utcISO == "2026-11-24T11:00:00Z")
        #expect(try store.unresolvedFlagCount(atLeast: .urgent) == 1)
        #expect(try store.flags(FlagQuery(overdueAt: at("2026-11-24T12:00:00Z"))).map(\.id) == [flag.id])

        // The same revision evaluated again queues nothing new.
        let again = try store.recordFlags([FlagUpdate(candidate: candidates[0], decision: urgent,
                                                      dueAt: at("2026-11-24T11:00:00Z"))],
                                          now: at("2026-11-24T09:05:00Z"))
        #expect(again.updated == 1)
        #expect(try store.queueAlerts(channels: ["oncall", "ops"], maxAge: nil, now: at("2026-11-24T09:05:00Z")) == QueueCounts())

        #expect(try store.updateFlag(id: flag.id, action: .ack, actor: "ada", at: at("2026-11-24T09:10:00Z")))
        #expect(try store.updateFlag(id: flag.id, action: .assign(to: "bruno"), actor: "ada", at: at("2026-11-24T09:10:00Z")))
        #expect(try store.updateFlag(id: flag.id, action: .resolve(note: "called the guest"), actor: "bruno",
                                     at: at("2026-11-24T09:40:00Z")))
        #expect(try !store.updateFlag(id: 999, action: .ack, actor: "ada", at: now))
        // Written in this order, two of them in the same second: listed in the order written.
        #expect(try store.flagEvents(id: flag.id).map(\.action) == ["flagged", "updated", "acked", "assigned", "resolved"])
        let done = try #require(try store.flag(id: flag.id))
        #expect(done.status == .resolved && done.ackedBy == "ada" && done.assignee == "bruno" && done.note == "called the guest")
        #expect(try store.unresolvedFlagCount(atLeast: .normal) == 0)
        #expect(try store.complaintMarks().map(\.topics).sorted { $0.joined() < $1.joined() } == [["quality"], ["waiting_time"]])
    }

    /// Flags that tie on priority and deadline are listed by the review's time, then its key,
    /// whatever order the pass numbered them in (it follows which fetch finished first).
    @Test(arguments: Engine.allCases) func tiedFlagsAreListedByReviewTimeNotByFlagNumber(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        // Row order (and so flag numbers) z, b, a, m; review times: z and a at 10:00, b at 09:00, m without one.
        try store.writing { db in
            try db.execute("""
                INSERT INTO snapshots (id, source, sha256, path, origin, bytes, captured_at)
                VALUES (1, 'maps', 'h', 'p', 'o', 1, '2026-11-24T08:00:00Z')
                """)
            for (id, key, created) in [(1, "z", "2026-11-23T10:00:00Z"), (2, "b", "2026-11-23T09:00:00Z"),
                                       (3, "a", "2026-11-23T10:00:00Z"), (4, "m", nil)] as [(Int, String, String?)] {
                try db.execute("""
                    INSERT INTO reviews (id, source, portal, external_id, merge_key, location, competitor, rating, scale_min,
                        scale_max, rating_100, title, text, translation, language, author, created_at, created_offset,
                        reply_text, reply_at, has_reply, url, app_version, content_hash, revision, first_snapshot_id, snapshot_id)
                    VALUES (?, 'maps', 'google', ?, ?, 'milano', '', 1, 1, 5, 0, '', 'Freddo', '', 'it', 'Ada',
                        ?, 0, '', NULL, 0, '', '', ?, 1, 1, 1)
                    """, id, "r-\(key)", key, created, "c\(id)")
            }
        }
        let candidates = try store.flagCandidates(afterRowID: 0, limit: 10, ownOnly: true)
        let same = FlagDecision(priority: 50, level: .normal, reasons: ["rated 1 on 1-5"])
        let due = at("2026-11-24T11:00:00Z")
        _ = try store.recordFlags(candidates.map { FlagUpdate(candidate: $0, decision: same, dueAt: due) },
                                  now: at("2026-11-24T09:00:00Z"))
        let listed = try store.flags(FlagQuery())
        // Numbered z, b, a, m; listed b (09:00), then a and z (10:00) by key, then m (no time) last.
        #expect(listed.map(\.review.externalID) == ["r-b", "r-a", "r-z", "r-m"])
    }
}
