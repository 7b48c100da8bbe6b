/// Reviews of one source, location and competitor in one ISO week that share a rating value:
/// the grain the weekly comparer reads from the store (one covering-index scan, no review text).
public struct ReviewTally: Equatable, Sendable {
    public var source: String
    public var portal: String
    public var location: String
    /// Empty for our own reviews.
    public var competitor: String
    public var week: String
    /// Nil for reviews without a rating (they count in volume only).
    public var rating: Double?
    public var scale: RatingScale
    public var count: Int
    /// Of `count`, how many carry the business's public reply.
    public var replied: Int

    public init(source: String, portal: String, location: String, competitor: String, week: String, rating: Double?,
                scale: RatingScale, count: Int, replied: Int) {
        self.source = source
        self.portal = portal
        self.location = location
        self.competitor = competitor
        self.week = week
        self.rating = rating
        self.scale = scale
        self.count = count
        self.replied = replied
    }
}

/// Minutes from one review to the business's reply, by the review's week.
public struct ReplyDelay: Equatable, Sendable {
    public var source: String
    public var location: String
    public var competitor: String
    public var week: String
    public var minutes: Double

    public init(source: String, location: String, competitor: String, week: String, minutes: Double) {
        self.source = source
        self.location = location
        self.competitor = competitor
        self.week = week
        self.minutes = minutes
    }
}
