import ReputaCore

/// A review as read back from the store, with its bookkeeping.
public struct StoredReview: Equatable, Sendable {
    public var review: Review
    public var revision: Int
    public var snapshotPath: String
    public var deletedAt: String?
}

/// Which reviews to list.
public struct ReviewQuery: Sendable {
    public var sources: [String] = []
    /// Inclusive lower bound on `created_at` (UTC ISO text compare).
    public var since: String?
    /// Exclusive upper bound on `created_at`.
    public var until: String?
    /// On the review's own scale.
    public var maxRating: Double?
    public var includeDeleted = false

    public init() {}
}

/// One row of the per-source weekly summary.
public struct WeeklyRow: Equatable, Sendable {
    public var source: String
    public var week: String
    public var count: Int
    public var meanRating: Double?
    public var meanRating100: Double?
    public var replied: Int
}
