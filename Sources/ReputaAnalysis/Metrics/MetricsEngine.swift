import ReputaCore

/// The one metrics engine: every internal metric of `../shared/notes/metrics.md` from plain
/// values, grouped by period (ISO week, month or quarter in the reporting zone) and segment.
/// The formulas are `Formulas`'; this file only groups and labels.
public enum MetricsEngine {
    public static func rows(answers: [SurveyAnswer], tickets: [Ticket], periods: [CustomerPeriod],
                            health: [HealthSignal], request: MetricsRequest) -> [MetricRow] {
        let rows = SurveyMetrics.rows(answers, request) + HelpdeskMetrics.rows(tickets, request)
            + CustomerMetrics.rows(periods, request) + HealthMetrics.rows(health, request)
        return rows.sorted { MetricRow.sortKey($0) < MetricRow.sortKey($1) }
    }

    /// Values grouped by bucket, keeping only those inside the request's window.
    static func group<T>(_ items: [T], _ request: MetricsRequest, day: (T) -> Day,
                         segments: (T) -> [String: String]) -> [MetricsRequest.Bucket: [T]] {
        var out: [MetricsRequest.Bucket: [T]] = [:]
        for item in items {
            let d = day(item)
            guard request.includes(d) else { continue }
            out[MetricsRequest.Bucket(period: request.period.label(of: d), segment: request.segment(segments(item))), default: []]
                .append(item)
        }
        return out
    }
}
