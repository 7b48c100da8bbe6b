/// What a survey question measures, which decides the formulas applied to its answers.
public enum SurveyMetric: String, CaseIterable, Hashable, Sendable, Codable {
    case csat, nps, ces, css
}

/// One answer to one survey question (a response with an NPS and a CSAT question is two
/// answers with the same `responseID`).
public struct SurveyAnswer: Equatable, Sendable {
    public var responseID: String
    /// The question's name in the export (`Q3`, a column title), or the metric when the export
    /// has one question.
    public var question: String
    public var metric: SurveyMetric
    public var scale: SurveyScale
    /// On `scale`; nil when the survey was offered but not answered (Zendesk `offered`), which
    /// no formula counts.
    public var score: Double?
    public var submittedAt: Timestamp
    public var comment: String
    /// Grouping columns: location, touchpoint, channel, agent, product line…
    public var segments: [String: String]
    /// `file:line` of the row, for errors found after parsing.
    public var place: String

    public init(responseID: String, question: String, metric: SurveyMetric, scale: SurveyScale, score: Double?,
                submittedAt: Timestamp, comment: String = "", segments: [String: String] = [:], place: String = "") {
        self.responseID = responseID
        self.question = question
        self.metric = metric
        self.scale = scale
        self.score = score
        self.submittedAt = submittedAt
        self.comment = comment
        self.segments = segments
        self.place = place
    }
}
