import Foundation
import ReputaAnalysis
import ReputaConfig
import ReputaCore
import ReputaStore

/// The internal metrics (surveys, helpdesk, customers, health) from the store, through the
/// metrics engine: `reputa metrics`, and the latest week `reputa run` shows.
package enum InternalMetrics {
    package static func rows(store: any SQLStore, request: MetricsRequest) throws -> [MetricRow] {
        MetricsEngine.rows(answers: try store.surveyAnswers(), tickets: try store.tickets(), periods: try store.customerPeriods(),
                           health: try store.healthSignals(), request: request)
    }

    /// The metrics of the latest ISO week with any figure on data, by location; nil when the
    /// store holds no survey, helpdesk or customer data.
    package static func latestWeek(store: any SQLStore, config: Configuration) throws -> (week: String, rows: [MetricRow])? {
        let zone = ZoneOffsets.of(TimeZone(identifier: config.timezone) ?? .gmt)
        let all = try rows(store: store, request: MetricsRequest(period: .week, by: "location", zone: zone, health: config.health))
        guard let week = all.filter({ $0.figure.n > 0 && $0.period.contains("-W") }).map(\.period).max() else { return nil }
        return (week, all.filter { $0.period == week })
    }
}
