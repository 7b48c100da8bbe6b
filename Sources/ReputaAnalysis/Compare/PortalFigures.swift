import ReputaCore

/// The portal-side figures of `../shared/notes/metrics.md` for one group of reviews (a
/// location on one portal, a location on all portals, a competitor…) in one span of weeks.
public struct PortalFigures: Equatable, Sendable, Codable {
    /// Reviews created in the span, rated or not (volume).
    public var reviews: Int
    /// Of them, with a rating.
    public var rated: Int
    /// The scale when every rating is on one (`1-5`); nil when scales are pooled.
    public var scale: String?
    /// Average rating on `scale` (Σ stars ÷ n, t interval); empty when scales are pooled.
    public var mean: Figure
    /// Reviews per point of the scale, lowest first, when one integer scale holds them all.
    public var distribution: [Int]?
    /// Mean of the ratings normalized onto 0–100 ((x − min) ÷ (max − min) × 100).
    public var mean100: Figure
    /// Top-2-box share in %, Wilson interval.
    public var topTwo: Figure
    /// %(two highest points) − %(two lowest points).
    public var netStars: Figure
    /// Bayesian average on 0–100 against the comparison's prior (set by the comparer).
    public var bayesian: Double?
    /// Replied ÷ reviews × 100, by review date whenever the reply came; Wilson interval.
    public var responseRate: Figure
    /// Mean minutes from review to reply over replied reviews, bootstrap interval.
    public var responseTime: Figure
    /// Median minutes from review to reply.
    public var responseTimeMedian: Figure

    public static let empty = PortalFigures(tallies: [], delays: [])

    public init(tallies: [ReviewTally], delays: [ReplyDelay]) {
        var byScale: [RatingScale: RatingCounts] = [:]
        var reviews = 0, replied = 0
        for t in tallies {
            reviews += t.count
            replied += t.replied
            if let r = t.rating { byScale[t.scale, default: RatingCounts(scale: t.scale)].add(r, count: t.count) }
        }
        self.reviews = reviews
        rated = byScale.values.map(\.n).reduce(0, +)
        var pooled = RatingCounts(scale: RatingScale(min: 0, max: 100))
        var top = 0, bottom = 0
        for counts in byScale.values {
            for (v, c) in counts.normalized.counts { pooled.add(v, count: c) }
            top += counts.topTwo
            bottom += counts.bottomTwo
        }
        mean100 = Formulas.meanRating(pooled)
        topTwo = Formulas.percentage(successes: top, n: rated)
        netStars = Formulas.nps(promoters: top, passives: rated - top - bottom, detractors: bottom).figure
        if byScale.count == 1, let only = byScale.first {
            scale = only.key.description
            mean = Formulas.meanRating(only.value)
            let s = only.key
            if s.min == s.min.rounded(), s.max == s.max.rounded(), only.value.counts.keys.allSatisfy({ $0 == $0.rounded() }) {
                distribution = stride(from: s.min, through: s.max, by: 1).map { only.value.counts[$0] ?? 0 }
            }
        } else {
            scale = byScale.isEmpty ? nil : "0-100"
            mean = .empty
        }
        responseRate = Formulas.percentage(successes: replied, n: reviews)
        let minutes = delays.map(\.minutes)
        responseTime = Formulas.durationMean(minutes)
        responseTimeMedian = Formulas.median(minutes)
    }

    /// Differences `self − other` for the shares and means, each with its test.
    public func changes(from other: PortalFigures) -> [Change] {
        [Change(metric: "top2_pct", difference: Formulas.difference(topTwo, other.topTwo, test: .twoProportion)),
         Change(metric: "mean_0_100", difference: Formulas.difference(mean100, other.mean100, test: .welch)),
         Change(metric: "net_stars", difference: Formulas.difference(netStars, other.netStars, test: .npsVariance)),
         Change(metric: "response_rate_pct", difference: Formulas.difference(responseRate, other.responseRate, test: .twoProportion))]
    }
}

/// One metric's difference between two figures (week over week, or us versus a competitor).
public struct Change: Equatable, Sendable, Codable {
    public var metric: String
    public var difference: Difference
}
