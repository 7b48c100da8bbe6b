import Testing
import ReputaCore
@testable import ReputaAnalysis

/// The headline's complaints on hand-made flags; every figure is counted in the comments.
@Suite struct ComplaintSummaryTests {
    static let day: Int64 = 86_400
    static let monday: Int64 = 1_763_334_000 // 2025-11-16T23:00Z, the week's start in Rome

    func flag(_ id: Int64, _ level: FlagLevel, topics: [String] = [], createdDay: Int64 = 0, dueDays: Int64 = 1,
              status: FlagStatus = .open, resolution: String? = nil, resolvedDays: Int64? = nil, replyMinutes: Double? = nil) -> FlaggedReview {
        let created = Timestamp(epochSeconds: Self.monday + createdDay * Self.day)
        let review = Review(source: "s", portal: "google", externalID: "r\(id)", location: "milano", competitor: "",
                            rating: Rating(value: 1, scale: .fiveStars), text: "x", language: "it", createdAt: created)
        return FlaggedReview(id: id, review: review, revision: 1,
                             decision: FlagDecision(priority: 50, level: level, reasons: [], topics: topics),
                             flaggedAt: created, dueAt: Timestamp(epochSeconds: created.epochSeconds + dueDays * Self.day), status: status,
                             resolvedAt: resolvedDays.map { Timestamp(epochSeconds: created.epochSeconds + $0 * Self.day) },
                             resolution: resolution, responseMinutes: replyMinutes)
    }

    @Test func answeredInTimeResponseAndTopics() {
        let now = Timestamp(epochSeconds: Self.monday + 10 * Self.day)
        let week = [
            // Replied after 2 h, due in 1 day: in time.
            flag(1, .urgent, topics: ["staff", "price"], status: .resolved, resolution: "reply", resolvedDays: 0, replyMinutes: 120),
            // Replied after 3 days, due in 1: late.
            flag(2, .high, topics: ["staff"], status: .resolved, resolution: "reply", resolvedDays: 3, replyMinutes: 4_320),
            // Resolved by hand on day 0, due in 1: in time (no reply time: not in the median).
            flag(3, .high, topics: ["staff"], status: .resolved, resolution: "manual", resolvedDays: 0),
            // The review was edited: left out of the share.
            flag(4, .normal, topics: ["price"], status: .resolved, resolution: "edited", resolvedDays: 0),
            // Open past its deadline: late.
            flag(5, .normal, topics: ["noise"]),
            // Open, due after now: not known yet.
            flag(6, .normal, createdDay: 6, dueDays: 30),
        ]
        // Open flags of any week: #5 (overdue), #6 (not yet), and an older overdue one.
        let open = [week[4], week[5], flag(7, .high, createdDay: -20)]
        let s = ComplaintSummary(week: week, open: open, now: now)
        #expect(s.flagged == 6 && s.urgent == 1 && s.high == 2)
        #expect(s.overdue == 2)
        // Known: #1 #2 #3 #5 → 4; in time: #1 #3 → 50 %.
        #expect(s.answeredInTime.n == 4 && s.answeredInTime.value == 50)
        // Replies: 120 and 4,320 minutes: median 2,220.
        #expect(s.responseMedian.value == 2_220 && s.responseMedian.n == 2)
        // staff 3, price 2, noise 1.
        #expect(s.topTopics.map(\.topic) == ["staff", "price", "noise"] && s.topTopics.map(\.flags) == [3, 2, 1])
    }

    @Test func noFlagsNoFigures() {
        let s = ComplaintSummary(week: [], open: [], now: Timestamp(epochSeconds: Self.monday))
        #expect(s.flagged == 0 && s.answeredInTime.value == nil && s.responseMedian.value == nil && s.topTopics.isEmpty)
    }
}
