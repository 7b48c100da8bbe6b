/// A published figure to set beside ours (`benchmarks:` in `sources.yml`): an ACSI industry
/// index, a published NPS benchmark, a competitor's own pull. It carries its provenance into
/// every report row that uses it.
public struct Benchmark: Equatable, Sendable, Codable {
    /// `nps`, `csat_pct`, `css_pct`, `ces_mean`, `rating_mean`, `top2_pct` or `acsi`.
    public var metric: String
    /// The scale the value is on: `0-10` for NPS, a survey scale for CSAT/CES, a star scale for
    /// portal figures, `0-100` for an ACSI index.
    public var scale: String
    public var value: Double
    /// Who the figure describes: an industry (`Full service restaurants`) or a competitor.
    public var subject: String
    /// For portal benchmarks (`rating_mean`, `top2_pct`): the portal it was read on, else empty.
    public var portal: String
    public var source: String
    public var year: Int
    public var method: String

    public init(metric: String, scale: String, value: Double, subject: String, portal: String = "", source: String,
                year: Int, method: String) {
        self.metric = metric
        self.scale = scale
        self.value = value
        self.subject = subject
        self.portal = portal
        self.source = source
        self.year = year
        self.method = method
    }

    /// Metrics a benchmark may name, with what each is measured on.
    public static let metrics: [String: String] = [
        "nps": "the 0-10 recommend question",
        "csat_pct": "a survey scale (1-5, 1-7, 1-10, good-bad)",
        "css_pct": "a survey scale (1-5, 1-7, 1-10, good-bad)",
        "ces_mean": "a CES scale (1-7, or 1-5 lower-better)",
        "rating_mean": "a star scale (1-5, 1-10…)",
        "top2_pct": "a star scale (1-5, 1-10…)",
        "acsi": "the ACSI 0-100 index",
    ]

    /// Why this metric and scale cannot go together, or nil when they can.
    public static func scaleProblem(metric: String, scale: String) -> String? {
        guard let what = metrics[metric] else {
            return "unknown benchmark metric \"\(metric)\" (known: \(metrics.keys.sorted().joined(separator: ", ")))"
        }
        let ok: Bool
        switch metric {
        case "nps": ok = scale == "0-10"
        case "csat_pct", "css_pct", "ces_mean":
            let survey: SurveyMetric = metric == "ces_mean" ? .ces : metric == "css_pct" ? .css : .csat
            ok = SurveyScale(parsing: scale).map { QuestionSpec.problem(metric: survey, scale: $0) == nil } ?? false
        case "rating_mean", "top2_pct": ok = RatingScale(parsing: scale) != nil
        default: ok = scale == "0-100"
        }
        return ok ? nil : "scale \"\(scale)\" is not a scale for \(metric) (\(what))"
    }
}
