import ReputaCore

/// One line of `reputa metrics`: a metric for one period and segment, on one scale, with its
/// figure (value, n, 95 % interval) and a plain-words detail (counts behind it).
public struct MetricRow: Equatable, Sendable {
    public var metric: String
    public var period: String
    public var segment: String
    public var scale: String
    public var figure: Figure
    public var detail: String

    public init(metric: String, period: String, segment: String, scale: String, figure: Figure, detail: String = "") {
        self.metric = metric
        self.period = period
        self.segment = segment
        self.scale = scale
        self.figure = figure
        self.detail = detail
    }

    /// The order rows are listed in within a period and segment (the list).
    static let order = ["csat_pct", "csat_mean", "csat_low_count", "css_pct", "nps", "ces_mean", "ces_agree_pct",
                        "churn_pct", "gross_churn_pct", "retention_pct", "conversion_pct",
                        "first_response_time", "first_response_time_median", "first_response_time_p90",
                        "first_assign_time", "first_assign_time_median", "first_assign_time_p90",
                        "resolution_time", "resolution_time_median", "resolution_time_p90", "fcr_pct", "health_score"]

    public static func sortKey(_ r: MetricRow) -> (String, String, Int, String) {
        (r.period, r.segment, order.firstIndex(of: r.metric) ?? order.count, r.scale)
    }
}

/// What to compute: the period size, an optional grouping segment, a date window in the
/// reporting zone, and the health model.
public struct MetricsRequest: Sendable {
    public var period: Period
    public var by: String?
    public var since: Day?
    public var until: Day?
    public var zone: ZoneOffsets
    public var health: HealthModel

    public init(period: Period = .week, by: String? = nil, since: Day? = nil, until: Day? = nil, zone: ZoneOffsets,
                health: HealthModel = .standard) {
        self.period = period
        self.by = by
        self.since = since
        self.until = until
        self.zone = zone
        self.health = health
    }

    func includes(_ day: Day) -> Bool {
        (since.map { day >= $0 } ?? true) && (until.map { day <= $0 } ?? true)
    }

    /// The segment a record falls in: `all` without `--by`, else its value (or `(none)`).
    func segment(_ segments: [String: String]) -> String {
        guard let by else { return "all" }
        return segments[by] ?? "(none)"
    }

    struct Bucket: Hashable { var period: String; var segment: String }
}
