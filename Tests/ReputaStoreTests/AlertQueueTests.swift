import Foundation
import ReputaCore
@testable import ReputaStore
import ReputaStoreTesting
import Testing

/// What every unresolved flag is owed, queued once, on both engines: a channel configured late
/// still gets each open flag, old flags go into one summary, an edit is owed a new alert, and
/// flags routed to channels nobody configured are counted.
@Suite struct AlertQueueTests {
    func at(_ text: String) -> Timestamp { Timestamp(utcISO: text)! }

    /// (id, status, channels, review created) — flagged at 2026-11-24T09:00Z.
    func seed(_ store: any SQLStore, _ flags: [(Int, String, String, String?)]) throws {
        try store.writing { db in
            for (id, status, channels, created) in flags {
                try db.execute("""
                    INSERT INTO flags (id, merge_key, revision, priority, level, reasons, categories, topics, channels, text_score,
                        location, review_created, flagged_at, due_at, status)
                    VALUES (?, ?, 1, 60, 'high', '[]', '[]', '[]', ?, -3, 'milano', ?, '2026-11-24T09:00:00Z',
                        '2026-11-24T13:00:00Z', ?)
                    """, id, "k\(id)", channels, created, status)
            }
        }
    }

    func rows(_ store: any SQLStore) throws -> [String] {
        try store.alerts().map { "\($0.flagID) r\($0.revision) \($0.channel)" + ($0.isSummary ? " summary" : "") }
    }

    @Test(arguments: Engine.allCases) func eachOpenFlagIsOwedOneAlertPerRoutedChannelAndRevision(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        try seed(store, [
            (1, "open", #"["oncall","ops"]"#, "2026-11-23T20:00:00Z"),   // recent
            (2, "open", #"["oncall"]"#, "2026-08-01T12:00:00Z"),         // older than 7 days
            (3, "resolved", #"["oncall"]"#, "2026-11-23T20:00:00Z"),     // answered: owed nothing
            (4, "acked", #"["app-team"]"#, "2026-11-23T20:00:00Z"),      // a channel nobody configured
            (5, "open", #"["axb"]"#, "2026-11-23T20:00:00Z"),            // "a_b" must not match it
        ])
        let now = at("2026-11-24T10:00:00Z")
        let week = 7 * 86_400
        // ops (flag 1), app-team (flag 4) and axb (flag 5) are routed but not among the channels.
        let unrouted = ["ops": 1, "app-team": 1, "axb": 1]
        #expect(try store.queueAlerts(channels: ["oncall", "a_b"], maxAge: week, now: now)
                == QueueCounts(queued: 1, summarized: ["oncall": 1], unrouted: unrouted))
        #expect(try rows(store) == ["1 r1 oncall", "2 r1 oncall summary"])
        let summary = try #require(try store.alerts().last)
        #expect(summary.batch == "reputa-summary-\(summary.id)")
        // Run again: nothing more.
        #expect(try store.queueAlerts(channels: ["oncall", "a_b"], maxAge: week, now: now) == QueueCounts(unrouted: unrouted))
        // A channel configured later hears of the open flags it is routed, once; the old one was
        // not heard of on it yet, and is old: a summary of its own channel.
        try store.writing { db in try db.execute("UPDATE flags SET channels = ? WHERE id = 2", #"["oncall","ops"]"#) }
        let nobody = ["app-team": 1, "axb": 1]
        #expect(try store.queueAlerts(channels: ["oncall", "ops"], maxAge: week, now: now)
                == QueueCounts(queued: 1, summarized: ["ops": 1], unrouted: nobody))
        #expect(try store.queueAlerts(channels: ["oncall", "ops"], maxAge: week, now: now) == QueueCounts(unrouted: nobody))
        // An edit (revision 2) of the old review: the channels already heard of it, so it goes alone.
        try store.writing { db in try db.execute("UPDATE flags SET revision = 2 WHERE id = 2") }
        #expect(try store.queueAlerts(channels: ["oncall", "ops"], maxAge: week, now: now) == QueueCounts(queued: 2, unrouted: nobody))
        #expect(try rows(store) == ["1 r1 oncall", "2 r1 oncall summary", "1 r1 ops", "2 r1 ops summary",
                                    "2 r2 oncall", "2 r2 ops"])
        // Without an age limit, an old flag goes alone like any other.
        try seed(store, [(6, "open", #"["oncall"]"#, "2025-01-01T00:00:00Z")])
        #expect(try store.queueAlerts(channels: ["oncall"], maxAge: nil, now: now)
                == QueueCounts(queued: 1, unrouted: ["ops": 2, "app-team": 1, "axb": 1]))

        #expect(try store.queueAlerts(channels: ["oncall", "ops"], maxAge: week, now: now) == QueueCounts(unrouted: nobody))
        #expect(try store.undeliverableAlerts(configured: ["oncall", "ops", "axb"])
                == [UndeliverableAlert(flagID: 4, revision: 1, channel: "app-team", level: .high)])
        #expect(try store.queueAlerts(channels: ["oncall", "ops", "app-team", "axb"], maxAge: nil, now: now).unrouted.isEmpty)
    }

    /// A quiet source's spell is claimed once (a second worker gets false), given back when its
    /// alert failed, and forgotten when the source is no longer quiet.
    @Test(arguments: Engine.allCases) func aQuietSpellIsClaimedOnce(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        let at = Timestamp(epochSeconds: 1_796_000_000)
        #expect(try store.claimQuietAlert(source: "daily", at: at))
        #expect(try !store.claimQuietAlert(source: "daily", at: at))
        try store.releaseQuietAlert(source: "daily")
        #expect(try store.claimQuietAlert(source: "daily", at: at))
        #expect(try store.claimQuietAlert(source: "slow", at: at))
        try store.clearQuietAlerts(keeping: ["slow"])
        #expect(try store.claimQuietAlert(source: "daily", at: at))
        #expect(try !store.claimQuietAlert(source: "slow", at: at))
    }

    @Test(arguments: Engine.allCases) func aRehearsalLeavesTheStoreAsItWas(_ engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { _ = keep }
        try seed(store, [(1, "open", #"["oncall"]"#, "2026-11-23T20:00:00Z")])
        let seen = try store.rehearse { scratch -> [String] in
            _ = try scratch.queueAlerts(channels: ["oncall"], maxAge: nil, now: at("2026-11-24T10:00:00Z"))
            try scratch.markAlertsSent(ids: try scratch.alerts().map(\.id), at: at("2026-11-24T10:00:00Z"))
            return try scratch.alerts().map(\.status)
        }
        #expect(seen == ["sent"]) // inside, every step saw the one before
        #expect(try store.alerts().isEmpty) // outside, nothing happened
        #expect(try store.queueAlerts(channels: ["oncall"], maxAge: nil, now: at("2026-11-24T10:00:00Z")) == QueueCounts(queued: 1))
    }
}
