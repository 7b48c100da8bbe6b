import ReputaCore

/// The week's complaints as the report's headline tells them: the flags raised on the week's
/// reviews, how many were urgent, how many flags (of any week) are past their deadline, the
/// share answered within the deadline, the median response time and the commonest topics.
public struct ComplaintSummary: Equatable, Sendable, Codable {
    /// Flags on reviews created in the week.
    public var flagged: Int
    public var urgent: Int
    public var high: Int
    /// Open or acknowledged flags of any week whose deadline had passed when the report was made.
    public var overdue: Int
    /// Of the week's flags whose outcome is known (answered, or unanswered past the deadline), the
    /// share answered by the deadline, in %, Wilson interval. A flag answered by the business's
    /// public reply counts at the reply's time; one resolved by hand (`flags resolve`) at that
    /// time; one resolved because the review was edited is left out; one still open before its
    /// deadline is not known yet.
    public var answeredInTime: Figure
    /// Median minutes from the review to the business's public reply, over the week's flags
    /// answered that way.
    public var responseMedian: Figure
    /// The week's commonest complaint topics (ids), most frequent first, at most three.
    public var topTopics: [TopicCount]

    public struct TopicCount: Equatable, Sendable, Codable {
        public var topic: String
        public var flags: Int
    }

    /// `week` holds the flags whose review was created in the week; `open` every unresolved flag
    /// (any week) of the report's locations; `now` is when the report is made.
    public init(week: [FlaggedReview], open: [FlaggedReview], now: Timestamp) {
        flagged = week.count
        urgent = week.filter { $0.decision.level == .urgent }.count
        high = week.filter { $0.decision.level == .high }.count
        overdue = open.filter { $0.isOverdue(at: now) }.count
        var known = 0, inTime = 0
        for f in week {
            switch Self.answeredAt(f) {
            case .some(let at):
                known += 1
                if at <= f.dueAt { inTime += 1 }
            case .none where f.status != .resolved && f.dueAt < now:
                known += 1
            case .none:
                break
            }
        }
        answeredInTime = Formulas.percentage(successes: inTime, n: known)
        responseMedian = Formulas.median(week.filter { $0.resolution == "reply" }.compactMap(\.responseMinutes))
        var counts: [String: Int] = [:]
        for f in week { for t in Set(f.decision.topics) { counts[t, default: 0] += 1 } }
        topTopics = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { TopicCount(topic: $0.key, flags: $0.value) }
    }

    /// When the flag was answered: the public reply's time, or the hand resolution's; nil when
    /// unanswered or resolved by an edit of the review.
    static func answeredAt(_ f: FlaggedReview) -> Timestamp? {
        guard f.status == .resolved else { return nil }
        switch f.resolution {
        case "reply":
            guard let created = f.review.createdAt, let minutes = f.responseMinutes else { return f.resolvedAt }
            return Timestamp(epochSeconds: created.epochSeconds + Int64((minutes * 60).rounded()))
        case "manual": return f.resolvedAt
        default: return nil
        }
    }
}
