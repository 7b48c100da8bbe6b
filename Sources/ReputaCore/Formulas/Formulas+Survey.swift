/// A metric asked of data it is not defined for: NPS on a 1–5 question, a score outside the
/// declared scale. The message says which and why; nothing is computed.
public struct MetricError: Error, Equatable, Sendable, CustomStringConvertible {
    public var metric: String
    public var message: String

    public init(metric: String, message: String) {
        self.metric = metric
        self.message = message
    }

    public var description: String { "\(metric): \(message)" }
}

/// Survey metrics (`../shared/notes/metrics.md`, "Internal metrics"). Scores are on the
/// question's declared scale, validated here as well as at import: a score outside it is an
/// error, never clipped.
extension Formulas {
    /// Net Promoter Score scale: 0–10, the only one NPS is defined on.
    public static let npsScale = RatingScale(min: 0, max: 10)

    /// The top-2 boxes of an integer scale: its two highest points (4–5 on 1–5, 6–7 on 1–7,
    /// 9–10 on 1–10).
    public static func isTopTwoBox(_ score: Double, on scale: RatingScale) -> Bool { score >= scale.max - 1 }

    /// A low score: at or below the scale's midpoint (≤ 3 on 1–5, the figure call centres watch;
    /// ≤ 4 on 1–7, ≤ 5 on 0–10 and 1–10).
    public static func isLow(_ score: Double, on scale: RatingScale) -> Bool { score <= (scale.min + scale.max) / 2 }

    /// CSAT % = answers in the top-2 boxes ÷ all answers × 100, with its Wilson interval. Not
    /// the mean (that is `csatMean`, labelled as such). Also CSS %, on the same machinery.
    public static func csatPercent(_ scores: [Double], scale: RatingScale) throws(MetricError) -> Figure {
        try check(scores, scale: scale, metric: "csat_pct")
        return percentage(successes: scores.filter { isTopTwoBox($0, on: scale) }.count, n: scores.count)
    }

    /// CSAT from binary ratings (Zendesk good/bad, a yes/no CSS question): good ÷ (good + bad)
    /// × 100. "Offered" but unanswered surveys are not in either count.
    public static func csatPercent(good: Int, bad: Int) -> Figure {
        percentage(successes: good, n: good + bad)
    }

    /// CSAT mean: the arithmetic mean of the scores on their scale, with a t interval.
    public static func csatMean(_ scores: [Double], scale: RatingScale) throws(MetricError) -> Figure {
        try check(scores, scale: scale, metric: "csat_mean")
        return mean(scores)
    }

    /// Count of low scores (`isLow`) as the value, with n and the Wilson interval of their share
    /// in percent.
    public static func lowScoreCount(_ scores: [Double], scale: RatingScale) throws(MetricError) -> Figure {
        try check(scores, scale: scale, metric: "csat_low_count")
        let low = scores.filter { isLow($0, on: scale) }.count
        guard let ci = wilson(successes: low, n: scores.count) else { return .empty }
        return Figure(value: Double(low), n: scores.count, ciLow: ci.low * Double(scores.count),
                      ciHigh: ci.high * Double(scores.count))
    }

    /// NPS = %promoters (9–10) − %detractors (0–6) on the 0–10 question; passives (7–8) count in
    /// the denominator. Range −100…+100. The interval treats each answer as +1 / 0 / −1:
    /// Var = p + d − (p − d)², SE = √(Var / n), NPS ± z·SE·100, kept inside −100…+100. The
    /// interval collapses to the value when every answer is in one group (n > 1) and is absent for n = 1.
    public static func nps(_ scores: [Double]) throws(MetricError) -> NPSFigure {
        try check(scores, scale: npsScale, metric: "nps")
        let promoters = scores.filter { $0 >= 9 }.count
        let detractors = scores.filter { $0 <= 6 }.count
        return nps(promoters: promoters, passives: scores.count - promoters - detractors, detractors: detractors)
    }

    /// NPS from counts (see `nps(_:)`).
    public static func nps(promoters: Int, passives: Int, detractors: Int) -> NPSFigure {
        let n = promoters + passives + detractors
        guard n > 0 else { return NPSFigure(figure: .empty, promoters: 0, passives: 0, detractors: 0) }
        let p = Double(promoters) / Double(n), d = Double(detractors) / Double(n)
        let score = (p - d) * 100
        // One answer has no spread to estimate: no interval, as for a mean of one.
        guard n > 1 else {
            return NPSFigure(figure: Figure(value: score, n: 1), promoters: promoters, passives: passives, detractors: detractors)
        }
        let se = max(0, p + d - (p - d) * (p - d)).squareRoot() / Double(n).squareRoot()
        return NPSFigure(figure: Figure(value: score, n: n, ciLow: max(-100, score - z95 * se * 100),
                                        ciHigh: min(100, score + z95 * se * 100), standardError: se * 100),
                         promoters: promoters, passives: passives, detractors: detractors)
    }

    /// CES on the 1–7 agreement scale ("The company made it easy for me…"): the mean.
    public static func cesMean(_ scores: [Double], scale: RatingScale) throws(MetricError) -> Figure {
        try check(scores, scale: scale, metric: "ces_mean")
        return mean(scores)
    }

    /// CES % agree: answers 5–7 on the 1–7 agreement scale ÷ all × 100, with its Wilson
    /// interval. Refused on other scales: the older 1–5 effort scale runs the other way and has
    /// no "agree".
    public static func cesAgreePercent(_ scores: [Double], scale: RatingScale) throws(MetricError) -> Figure {
        guard scale == RatingScale(min: 1, max: 7) else {
            throw MetricError(metric: "ces_agree_pct", message: "defined on the 1-7 agreement scale only, not on \(scale)")
        }
        try check(scores, scale: scale, metric: "ces_agree_pct")
        return percentage(successes: scores.filter { $0 >= 5 }.count, n: scores.count)
    }

    static func check(_ scores: [Double], scale: RatingScale, metric: String) throws(MetricError) {
        if let bad = scores.first(where: { !scale.contains($0) || $0 != $0.rounded() }) {
            throw MetricError(metric: metric, message: "score \(RatingScale.format(bad)) is not a point of the declared \(scale) scale")
        }
    }
}

/// NPS with its three counts.
public struct NPSFigure: Equatable, Sendable {
    public var figure: Figure
    public var promoters: Int
    public var passives: Int
    public var detractors: Int
}
