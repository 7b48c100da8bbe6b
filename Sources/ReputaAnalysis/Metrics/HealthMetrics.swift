import Foundation
import ReputaCore

/// The customer health score per period and segment: each customer's latest signals in the
/// period scored by the configured model, then the mean over customers with its t interval;
/// the detail gives the band counts and each component's mean.
enum HealthMetrics {
    static func rows(_ signals: [HealthSignal], _ request: MetricsRequest) -> [MetricRow] {
        var rows: [MetricRow] = []
        for (bucket, group) in MetricsEngine.group(signals, request, day: \.asOf, segments: \.segments) {
            let scored = latest(group).map { Formulas.healthScore($0, model: request.health) }
            let scores = scored.compactMap(\.score)
            var detail = request.health.bands.map { band in "\(band.name) \(scored.filter { $0.band == band.name }.count)" }
            for (i, c) in request.health.components.enumerated() {
                let points = scored.compactMap { $0.parts[i].points }
                let mean = points.isEmpty ? "n/a" : String(format: "%.0f", points.reduce(0, +) / Double(points.count))
                detail.append("\(c.name) \(mean) ×\(RatingScaleText.format(c.weight))")
            }
            rows.append(MetricRow(metric: "health_score", period: bucket.period, segment: bucket.segment, scale: "0-100",
                                  figure: Formulas.mean(scores), detail: detail.joined(separator: ", ")))
        }
        return rows
    }

    /// Each customer's most recent signals (by `asOf`).
    static func latest(_ signals: [HealthSignal]) -> [HealthSignal] {
        var byCustomer: [String: HealthSignal] = [:]
        for s in signals where byCustomer[s.customerID].map({ s.asOf > $0.asOf }) ?? true { byCustomer[s.customerID] = s }
        return byCustomer.keys.sorted().map { byCustomer[$0]! }
    }
}

enum RatingScaleText {
    static func format(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
