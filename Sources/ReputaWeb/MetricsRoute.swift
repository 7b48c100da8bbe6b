import Foundation
import Hummingbird
import Prometheus
import ReputaCore
import ReputaPipeline
import ReputaStore

/// `/metrics` in Prometheus's text format (swift-prometheus): the store's figures read at each
/// scrape (flags unresolved by level, overdue, alerts pending and failing, fetch failures per
/// source: the same from every instance) and this instance's request latency per route. It
/// needs a session, or `Authorization: Bearer $REPUTA_METRICS_TOKEN` for a scraper.
final class InboxMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    static let buckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5)]

    /// The latency histogram of one route (its pattern, never the path a visitor typed).
    func latency(_ route: String) -> DurationHistogram {
        registry.makeDurationHistogram(descriptor: MetricNameDescriptor(metricName: "reputa_http_request_duration",
                                                                        unitName: "seconds",
                                                                        helpText: "Time to answer a request to the inbox, per route"),
                                       labels: [("route", route)], buckets: Self.buckets)
    }

    func update(_ g: StoreGauges) {
        for level in FlagLevel.allCases {
            gauge("reputa_flags_unresolved", "Flags open or acknowledged, by level", [("level", level.rawValue)])
                .set(Double(g.unresolvedByLevel[level.rawValue] ?? 0))
        }
        gauge("reputa_flags_overdue", "Unresolved flags past their deadline", []).set(Double(g.overdue))
        gauge("reputa_alerts_pending", "Alerts waiting to be delivered", []).set(Double(g.alertsPending))
        gauge("reputa_alerts_failing", "Pending alerts whose last delivery attempt failed", []).set(Double(g.alertsFailing))
        for s in g.sourceErrors {
            gauge("reputa_source_consecutive_failures", "Fetches of the source that failed in a row", [("source", s.source)])
                .set(Double(s.consecutive))
            gauge("reputa_source_failures", "Fetches of the source that failed, in all", [("source", s.source)]).set(Double(s.total))
        }
    }

    func gauge(_ name: String, _ help: String, _ labels: [(String, String)]) -> Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, helpText: help), labels: labels)
    }
}

/// Times every request into `InboxMetrics`, by the route that answered it.
struct LatencyMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: InboxMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        defer {
            let route = context.endpointPath ?? "unmatched"
            metrics.latency(route).record(ContinuousClock.now - start)
        }
        return try await next(request, context)
    }
}

extension WebApp {
    func metricsPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let store = self.store
        metrics.update(try await blocking { try store.gauges(at: Clock.now()) })
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
    }

    /// Whether a request may read `/metrics` without a session: the scraper's bearer token.
    func scraperToken(_ request: Request) -> Bool {
        guard let token = ProcessInfo.processInfo.environment["REPUTA_METRICS_TOKEN"], token.count >= 16,
              let sent = request.headers[.authorization], sent.hasPrefix("Bearer ") else { return false }
        return Self.sameSecret(String(sent.dropFirst(7)), token)
    }
}
