/// A flag as the store keeps it: the decision about the review's latest flagged revision and
/// where the on-call workflow has taken it.
public struct FlaggedReview: Equatable, Sendable {
    /// The flag's own number, what `reputa flags show ID` takes.
    public var id: Int64
    public var review: Review
    /// The review revision the decision is about.
    public var revision: Int
    public var decision: FlagDecision
    public var flaggedAt: Timestamp
    public var dueAt: Timestamp
    public var status: FlagStatus
    public var assignee: String?
    public var ackedBy: String?
    public var ackedAt: Timestamp?
    public var resolvedAt: Timestamp?
    /// `reply` (the business's public reply arrived), `manual` (`flags resolve`), or `edited`
    /// (the review was edited and no longer meets the rules).
    public var resolution: String?
    public var note: String?
    /// Minutes from the review's creation to the public reply, when the reply resolved it.
    public var responseMinutes: Double?

    public init(id: Int64, review: Review, revision: Int, decision: FlagDecision, flaggedAt: Timestamp, dueAt: Timestamp,
                status: FlagStatus, assignee: String? = nil, ackedBy: String? = nil, ackedAt: Timestamp? = nil,
                resolvedAt: Timestamp? = nil, resolution: String? = nil, note: String? = nil, responseMinutes: Double? = nil) {
        self.id = id
        self.review = review
        self.revision = revision
        self.decision = decision
        self.flaggedAt = flaggedAt
        self.dueAt = dueAt
        self.status = status
        self.assignee = assignee
        self.ackedBy = ackedBy
        self.ackedAt = ackedAt
        self.resolvedAt = resolvedAt
        self.resolution = resolution
        self.note = note
        self.responseMinutes = responseMinutes
    }

    /// Open or acknowledged, and past its deadline at `now`.
    public func isOverdue(at now: Timestamp) -> Bool {
        status != .resolved && dueAt < now
    }
}
