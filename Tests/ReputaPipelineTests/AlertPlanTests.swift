import ReputaCore
import ReputaStore
import Testing
@testable import ReputaConfig
@testable import ReputaPipeline

/// How one delivery pass treats a channel's due alerts: urgent ones always at once, quiet hours
/// hold the rest, a throttle turns a burst into one digest or holds it, a planned digest is
/// sent again whole, a summary of older flags is one message.
@Suite struct AlertPlanTests {
    static let now = Timestamp(utcISO: "2026-11-24T22:30:00Z")! // 23:30 in Rome

    func item(_ id: Int64, _ level: FlagLevel, priority: Int, batch: String? = nil) -> AlertPlan.Item {
        let review = Review(source: "s", portal: "google", externalID: "r\(id)", location: "milano",
                            rating: Rating(value: 2, scale: .fiveStars), title: "", text: "t", createdAt: Self.now, url: "")
        let flag = FlaggedReview(id: id, review: review, revision: 1,
                                 decision: FlagDecision(priority: priority, level: level, reasons: ["r"], categories: [], topics: [],
                                                        channels: ["ops"]),
                                 flaggedAt: Self.now, dueAt: Self.now, status: .open)
        let alert = OutboxAlert(id: id, flagID: id, revision: 1, channel: "ops", status: "pending", attempts: 0,
                                createdAt: Self.now.utcISO, nextAttemptAt: Self.now.utcISO, batch: batch)
        return AlertPlan.Item(alert: alert, flag: flag)
    }

    func channel(quiet: String? = nil, throttle: NotificationSettings.Throttle? = nil) throws -> NotificationSettings.Channel {
        var c = NotificationSettings.Channel(name: "ops", kind: .webhook, url: Secret("http://127.0.0.1/h"))
        c.quietHours = try quiet.map { try QuietHours.parse($0, zone: "Europe/Rome").get() }
        c.throttle = throttle
        return c
    }

    /// The plan as text: `single 1`, `digest reputa-digest-2 [3, 2]`, `hold [2] 2026-…`.
    func describe(_ steps: [AlertPlan.Step]) -> [String] {
        steps.map { step in
            switch step {
            case .single(let i): return "single \(i.alert.id)"
            case .digest(let id, let items): return "digest \(id) \(items.map(\.alert.id))"
            case .summary(let id, let items): return "summary \(id) \(items.map(\.alert.id))"
            case .hold(let items, let until, _): return "hold \(items.map(\.alert.id)) \(until.utcISO)"
            }
        }
    }

    @Test func withoutQuietHoursOrThrottleEachAlertGoesAlone() throws {
        let plan = AlertPlan.make([item(1, .normal, priority: 40), item(2, .high, priority: 60)], channel: try channel(),
                                  now: Self.now, recent: (0, nil))
        #expect(describe(plan) == ["single 2", "single 1"]) // the higher priority first
    }

    @Test func quietHoursHoldAllButUrgentUntilMorning() throws {
        let plan = AlertPlan.make([item(1, .normal, priority: 40), item(2, .urgent, priority: 95), item(3, .high, priority: 60)],
                                  channel: try channel(quiet: "22:00-07:00"), now: Self.now, recent: (0, nil))
        // 07:00 in Rome on Wednesday is 06:00Z.
        #expect(describe(plan) == ["single 2", "hold [3, 1] 2026-11-25T06:00:00Z"])
        guard case .hold(_, _, let note) = plan.last else { Issue.record("no hold"); return }
        #expect(note == "quiet hours (22:00-07:00) until 2026-11-25T06:00:00Z")
        // In the morning the same alerts go.
        let morning = AlertPlan.make([item(1, .normal, priority: 40)], channel: try channel(quiet: "22:00-07:00"),
                                     now: Timestamp(utcISO: "2026-11-25T06:00:00Z")!, recent: (0, nil))
        #expect(describe(morning) == ["single 1"])
    }

    @Test func aBurstOverTheBudgetBecomesOneDigest() throws {
        let throttled = try channel(throttle: .init(max: 3, per: 900))
        let burst = (1...6).map { item(Int64($0), .normal, priority: 30 + $0) }
        // One message already in the window: budget 2 < 6 alerts → one digest, most urgent first.
        #expect(describe(AlertPlan.make(burst, channel: throttled, now: Self.now, recent: (1, Self.now)))
                == ["digest reputa-digest-1 [6, 5, 4, 3, 2, 1]"])
        // Within the budget each goes alone.
        #expect(describe(AlertPlan.make(Array(burst.prefix(2)), channel: throttled, now: Self.now, recent: (1, Self.now)))
                == ["single 2", "single 1"])
        // Urgent alerts go alone even over the budget, and use it up: the rest wait for the window.
        let oldest = Timestamp(utcISO: "2026-11-24T22:20:00Z")!
        let plan = AlertPlan.make([item(7, .urgent, priority: 90)] + Array(burst.prefix(2)), channel: throttled,
                                  now: Self.now, recent: (2, oldest))
        #expect(describe(plan) == ["single 7", "hold [2, 1] 2026-11-24T22:35:00Z"])
    }

    @Test func aPlannedDigestIsSentAgainWhole() throws {
        let batch = "reputa-digest-4"
        let plan = AlertPlan.make([item(4, .normal, priority: 40, batch: batch), item(5, .high, priority: 70, batch: batch),
                                   item(9, .normal, priority: 35)],
                                  channel: try channel(quiet: "22:00-07:00", throttle: .init(max: 1, per: 3600)),
                                  now: Self.now, recent: (1, Self.now))
        #expect(describe(plan) == ["digest reputa-digest-4 [4, 5]", "hold [9] 2026-11-25T06:00:00Z"])
    }

    @Test func aSummaryOfOlderFlagsIsOneMessageHeldOnlyByQuietHours() throws {
        let summary = "reputa-summary-2"
        let items = [item(2, .normal, priority: 40, batch: summary), item(3, .urgent, priority: 90, batch: summary),
                     item(8, .high, priority: 60)]
        // Quiet hours hold the summary with the other non-urgent alerts, even its urgent member.
        #expect(describe(AlertPlan.make(items, channel: try channel(quiet: "22:00-07:00"), now: Self.now, recent: (0, nil)))
                == ["hold [2, 3, 8] 2026-11-25T06:00:00Z"])
        // Out of quiet hours it goes as one message, most urgent first, and uses one message of the
        // throttle's budget: with one left, the other alert waits for the window.
        let plan = AlertPlan.make(items, channel: try channel(throttle: .init(max: 2, per: 3600)), now: Self.now,
                                  recent: (1, Self.now))
        #expect(describe(plan) == ["summary reputa-summary-2 [3, 2]", "hold [8] 2026-11-24T23:30:00Z"])
    }
}
