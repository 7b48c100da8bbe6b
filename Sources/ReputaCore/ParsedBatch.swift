/// What an importer read from one payload: the reviews, the rows it had to skip, entries kept
/// with a warning (an unreadable date), and what the payload says about the portal.
public struct ParsedBatch: Sendable {
    public var reviews: [Review]
    public var skipped: [RowProblem]
    public var warnings: [RowProblem]
    /// The next page: an absolute or relative URL (`link rel="next"`), or an API cursor token.
    public var nextPage: String?
    /// The portal's own count of reviews, where the payload states one (`totalReviewCount`).
    public var portalTotal: Int?

    public init(reviews: [Review] = [], skipped: [RowProblem] = [], warnings: [RowProblem] = [],
                nextPage: String? = nil, portalTotal: Int? = nil) {
        self.reviews = reviews
        self.skipped = skipped
        self.warnings = warnings
        self.nextPage = nextPage
        self.portalTotal = portalTotal
    }
}

/// A row (or entry) that could not be read, with its place in the file.
public struct RowProblem: Equatable, Sendable, CustomStringConvertible {
    /// `file:line` or `file:line:column`.
    public var place: String
    public var message: String

    public init(place: String, message: String) {
        self.place = place
        self.message = message
    }

    public var description: String { "\(place): \(message)" }
}
