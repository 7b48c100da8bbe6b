/// The scale a survey question is answered on, declared per question (never guessed): its
/// points, its direction, or one of the two non-numeric shapes helpdesks use.
public struct SurveyScale: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Shape: String, Hashable, Sendable, Codable {
        /// Integer points from `range.min` to `range.max` (1–5, 1–7, 0–10).
        case points
        /// Zendesk's `good` / `bad`, a yes/no question: stored as 1 / 0.
        case goodBad = "good-bad"
        /// Freshdesk's smiley codes −103…103, stored on 1–7 (−103 → 1, 100 → 4, 103 → 7).
        case freshdesk
    }

    public var shape: Shape
    public var range: RatingScale
    /// The older CES "effort" scale runs the other way: 1 is best.
    public var lowerIsBetter: Bool

    public init(points range: RatingScale, lowerIsBetter: Bool = false) {
        shape = .points
        self.range = range
        self.lowerIsBetter = lowerIsBetter
    }

    init(shape: Shape, range: RatingScale) {
        self.shape = shape
        self.range = range
        lowerIsBetter = false
    }

    public static let goodBad = SurveyScale(shape: .goodBad, range: RatingScale(min: 0, max: 1))
    public static let freshdesk = SurveyScale(shape: .freshdesk, range: RatingScale(min: 1, max: 7))
    public static let nps = SurveyScale(points: Formulas.npsScale)

    /// `1-5`, `0-10`, `1-5 lower-better`, `good-bad` (also `yes-no`), `freshdesk`.
    public init?(parsing text: String, lowerIsBetter: Bool = false) {
        var t = text.trimmingCharacters(in: .whitespaces).lowercased()
        var lower = lowerIsBetter
        if t.hasSuffix(" lower-better") {
            lower = true
            t = String(t.dropLast(" lower-better".count))
        }
        switch t {
        case "good-bad", "yes-no", "good/bad": self = .goodBad
        case "freshdesk": self = .freshdesk
        default:
            guard let r = RatingScale(parsing: t), r.min == r.min.rounded(), r.max == r.max.rounded() else { return nil }
            self.init(points: r, lowerIsBetter: lower)
            return
        }
        if lower { return nil }
    }

    /// How the scale is shown beside every figure computed on it: rows on different scales
    /// are never merged.
    public var description: String {
        switch shape {
        case .points: return range.description + (lowerIsBetter ? " lower-better" : "")
        case .goodBad: return "good-bad"
        case .freshdesk: return "freshdesk"
        }
    }

    /// A score that is a point of this scale (an integer inside the range).
    public func contains(_ score: Double) -> Bool {
        range.contains(score) && score == score.rounded()
    }

    /// Freshdesk's rating code → its point on 1–7; nil for a code Freshdesk does not use.
    public static func freshdeskPoint(code: Int) -> Double? {
        switch code {
        case -103: 1
        case -102: 2
        case -101: 3
        case 100: 4
        case 101: 5
        case 102: 6
        case 103: 7
        default: nil
        }
    }
}
