import Foundation

/// How many reviews gave each rating value, on one scale: enough to compute every portal
/// figure of `../shared/notes/metrics.md` ("Portal (review) metrics") exactly, variances
/// included, without holding the reviews themselves.
public struct RatingCounts: Equatable, Sendable {
    public var scale: RatingScale
    /// Rating value → reviews.
    public var counts: [Double: Int]

    public init(scale: RatingScale, counts: [Double: Int] = [:]) {
        self.scale = scale
        self.counts = counts
    }

    public var n: Int { counts.values.reduce(0, +) }

    public mutating func add(_ value: Double, count: Int = 1) { counts[value, default: 0] += count }

    /// Reviews in the two highest points of the scale (4–5★ on 1–5, 9–10 on 0–10).
    public var topTwo: Int { counts.filter { Formulas.isTopTwoBox($0.key, on: scale) }.map(\.value).reduce(0, +) }
    /// Reviews in the two lowest points (1–2★ on 1–5).
    public var bottomTwo: Int { counts.filter { $0.key <= scale.min + 1 }.map(\.value).reduce(0, +) }

    /// Every value mapped onto 0–100 (min–max), so counts on different scales can be pooled.
    public var normalized: RatingCounts {
        var out = RatingCounts(scale: RatingScale(min: 0, max: 100))
        for (v, c) in counts { out.add(Formulas.minMaxNormalized(v, min: scale.min, max: scale.max), count: c) }
        return out
    }
}

extension Formulas {
    /// Average rating = Σ stars ÷ n over the reviews created in the period, with a Student-t
    /// 95 % interval (s from the counts: Σc(v − m)² ÷ (n − 1)), kept inside the scale.
    public static func meanRating(_ r: RatingCounts) -> Figure {
        let n = r.n
        guard n > 0 else { return .empty }
        // Summed in rating order: a dictionary's order changes from run to run, and so would
        // the last digits of the sums (the same store gave three different JSON reports).
        let counts = r.counts.sorted { $0.key < $1.key }
        let m = counts.reduce(0.0) { $0 + $1.key * Double($1.value) } / Double(n)
        guard n > 1 else { return Figure(value: m, n: 1) }
        let variance = counts.reduce(0.0) { $0 + Double($1.value) * ($1.key - m) * ($1.key - m) } / Double(n - 1)
        let se = (variance / Double(n)).squareRoot()
        let half = tQuantile975(degreesOfFreedom: n - 1) * se
        return Figure(value: m, n: n, ciLow: max(r.scale.min, m - half), ciHigh: min(r.scale.max, m + half), standardError: se)
    }

    /// Top-2-box of stars = reviews in the two highest points ÷ reviews × 100, Wilson interval:
    /// the CSAT-like figure set beside survey CSAT (a comparable trend, not the same number).
    public static func topTwoBoxPercent(_ r: RatingCounts) -> Figure {
        percentage(successes: r.topTwo, n: r.n)
    }

    /// Net stars = %(two highest points) − %(two lowest points), the NPS-like figure for any
    /// scale. Its interval treats each review as +1 / 0 / −1, exactly as NPS's does.
    public static func netStars(_ r: RatingCounts) -> Figure {
        let top = r.topTwo, bottom = r.bottomTwo
        return nps(promoters: top, passives: r.n - top - bottom, detractors: bottom).figure
    }

    /// Bayesian average = (v·R + m·C) ÷ (v + m): R the item's mean, v its count, C the prior
    /// mean (the whole comparison's), m the prior weight. An item with few reviews is pulled
    /// towards C, so two reviews at 5★ do not outrank two hundred at 4.6★. Nil without reviews
    /// (v = 0): the prior alone says nothing about the item, and a week without reviews must not
    /// show a figure (issue 25).
    public static func bayesianAverage(mean r: Double?, count v: Int, priorMean c: Double, priorWeight m: Double) -> Double? {
        guard v > 0 else { return nil }
        let v = Double(v)
        return ((r ?? 0) * v + m * c) / (v + m)
    }

    /// Pearson's r between paired values, with n pairs; nil below 3 pairs or without spread.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Figure {
        let n = min(x.count, y.count)
        guard n >= 3 else { return Figure(value: nil, n: n) }
        let mx = x.prefix(n).reduce(0, +) / Double(n), my = y.prefix(n).reduce(0, +) / Double(n)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<n {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        guard sxx > 0, syy > 0 else { return Figure(value: nil, n: n) }
        let r = sxy / (sxx * syy).squareRoot()
        // Fisher's z: atanh(r) ± z95/√(n − 3), back through tanh (needs n > 3).
        guard n > 3, abs(r) < 1 else { return Figure(value: r, n: n) }
        let z = atanh(r), half = z95 / Double(n - 3).squareRoot()
        return Figure(value: r, n: n, ciLow: tanh(z - half), ciHigh: tanh(z + half))
    }
}

extension Formulas {
    /// When a source has gone quiet (issue 25): its newest review is older than this many
    /// seconds. By default the larger of 7 days and 3 × its typical gap, the typical gap being
    /// the mean interval between the reviews it holds, (latest − earliest) ÷ (n − 1); with fewer
    /// than two reviews, 7 days. A source's `stale_after` replaces the default.
    public static func staleAfter(reviews n: Int, earliest: Timestamp?, latest: Timestamp?) -> Int64 {
        let week: Int64 = 7 * 86_400
        guard n >= 2, let earliest, let latest, latest > earliest else { return week }
        return max(week, 3 * (latest.epochSeconds - earliest.epochSeconds) / Int64(n - 1))
    }
}
