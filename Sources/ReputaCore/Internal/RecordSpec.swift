/// How to read a survey, helpdesk or customers export beyond its kind: what its questions
/// measure and on which scale (declared, never guessed), and which columns are segments.
public struct RecordSpec: Equatable, Sendable, Codable {
    /// For a one-question export (`survey-csv`): the metric of every row, unless a mapped
    /// `metric` column says it per row.
    public var metric: SurveyMetric?
    /// For a one-question export: the scale of every row, unless a mapped `scale` column says.
    public var scale: SurveyScale?
    /// For exports with a column per question (Qualtrics, Typeform, SurveyMonkey).
    public var questions: [QuestionSpec]
    /// Segment name (`location`, `channel`, `agent`…) → column, or JSON path for JSON kinds.
    public var segments: [String: String]

    public init(metric: SurveyMetric? = nil, scale: SurveyScale? = nil, questions: [QuestionSpec] = [],
                segments: [String: String] = [:]) {
        self.metric = metric
        self.scale = scale
        self.questions = questions
        self.segments = segments
    }
}

/// One survey question of a wide export: its column, what it measures and its scale.
public struct QuestionSpec: Equatable, Sendable, Codable {
    public var column: String
    public var metric: SurveyMetric
    public var scale: SurveyScale

    public init(column: String, metric: SurveyMetric, scale: SurveyScale) {
        self.column = column
        self.metric = metric
        self.scale = scale
    }

    /// A metric is only computed on the scale it is defined on: NPS on 0–10, a lower-is-better
    /// scale only for CES (the older 1–5 effort question). Nil when the pair is sound, else why not.
    public static func problem(metric: SurveyMetric, scale: SurveyScale) -> String? {
        if metric == .nps, scale != .nps {
            return "NPS is defined on the 0-10 question only, not on \(scale)"
        }
        if scale.lowerIsBetter, metric != .ces {
            return "a lower-better scale is only defined for CES, not for \(metric.rawValue)"
        }
        if scale.shape == .points, scale.range.max - scale.range.min < 1 {
            return "scale \(scale) has fewer than two points"
        }
        return nil
    }
}
