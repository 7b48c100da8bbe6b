import ReputaCore

/// The facts a weekly report opens with, as plain values: our average and volume in the week
/// (every location, every portal) against the previous week and the previous weeks of the
/// baseline, each with its test; where we stand among competitors; and the week's complaints.
/// Figures only: `HeadlineText` words them.
public struct ReportHeadline: Equatable, Sendable, Codable {
    public var week: String
    public var previousWeek: String
    public var baselineWeeks: [String]
    /// `1-5` when every rating of the three spans is on that scale (the average is then in
    /// stars), else `0-100` (every rating normalized).
    public var scale: String
    public var average: Figure
    public var previousAverage: Figure
    /// The baseline weeks' reviews pooled.
    public var baselineAverage: Figure
    /// Welch t.
    public var averageVsPrevious: Difference
    public var averageVsBaseline: Difference
    public var reviews: Int
    public var previousReviews: Int
    /// The baseline's reviews per week; nil without baseline weeks.
    public var baselineReviewsPerWeek: Double?
    /// Conditional Poisson-rate test, per week.
    public var volumeVsPrevious: Difference
    public var volumeVsBaseline: Difference
    /// Sources whose route returns only the latest reviews (App Store feed, APIs): their
    /// earlier weeks may hold fewer reviews than the portal had, so the volume says so.
    public var cappedSources: [String]
    public var standings: [Standing]
    /// The week's flags; nil when the report was made without the store's flags.
    public var complaints: ComplaintSummary?
    /// No review of ours in the week: the report says so and names the latest week with some.
    public var emptyWeek: Bool
    public var latestWeekWithReviews: String?

    /// Our place among the competitors at one location, on one portal (or cross-portal).
    public struct Standing: Equatable, Sendable, Codable {
        public var location: String
        /// Nil without reviews of ours in the week.
        public var rank: Int?
        /// Entries with a rank (ours included).
        public var of: Int
        /// Competitors sharing our rank.
        public var tiedWith: [String]
        public var competitorPortal: String
        public var ourPortal: String
        public var crossPortal: Bool
    }

    public init?(_ c: Comparison, complaints: ComplaintSummary?) {
        guard let total = c.cells.first(where: { $0.location == Comparer.all && $0.portal == Comparer.all }) else { return nil }
        week = c.week
        previousWeek = c.previousWeek
        baselineWeeks = c.baselineWeeks
        let scales = Set([total.week.scale, total.previous.scale, total.baseline.scale].compactMap { $0 })
        if scales.count == 1, let only = scales.first, only != "0-100" {
            scale = only
            average = total.week.mean
            previousAverage = total.previous.mean
            baselineAverage = total.baseline.mean
        } else {
            scale = "0-100"
            average = total.week.mean100
            previousAverage = total.previous.mean100
            baselineAverage = total.baseline.mean100
        }
        averageVsPrevious = Formulas.difference(average, previousAverage, test: .welch)
        averageVsBaseline = Formulas.difference(average, baselineAverage, test: .welch)
        reviews = total.week.reviews
        previousReviews = total.previous.reviews
        let weeks = Double(c.baselineWeeks.count)
        baselineReviewsPerWeek = weeks > 0 ? Double(total.baseline.reviews) / weeks : nil
        volumeVsPrevious = Formulas.rateDifference(reviews, weeks: 1, previousReviews, weeks: 1)
        volumeVsBaseline = Formulas.rateDifference(reviews, weeks: 1, total.baseline.reviews, weeks: weeks)
        cappedSources = total.cappedSources
        emptyWeek = c.weekIsEmpty
        latestWeekWithReviews = c.latestWeekWithReviews
        self.complaints = complaints
        var standings: [Standing] = []
        for r in c.ranks where r.name == "us" {
            let ranked = c.ranks.filter { $0.location == r.location && $0.group == r.group && $0.rank != nil }
            standings.append(Standing(location: r.location, rank: r.rank, of: ranked.count,
                                      tiedWith: r.rank == nil ? [] : ranked.filter { $0.name != "us" && $0.rank == r.rank }.map(\.name),
                                      competitorPortal: r.group, ourPortal: r.portal, crossPortal: r.crossPortal))
        }
        self.standings = standings
    }
}
