import ReputaCore

/// Survey and helpdesk metrics per location for the compared week and the one before, with
/// the test each difference gets; the weekly CSAT series for the lag correlation; and the
/// company's whole-window figures for the published benchmarks.
struct InternalComparison {
    /// Metric → the test its week-over-week difference gets.
    static let tests: [(String, DifferenceTest)] = [
        ("csat_pct", .twoProportion), ("csat_mean", .welch), ("css_pct", .twoProportion), ("nps", .npsVariance),
        ("ces_mean", .welch), ("ces_agree_pct", .twoProportion), ("first_response_time", .welch),
        ("first_assign_time", .welch), ("resolution_time", .welch), ("fcr_pct", .twoProportion),
    ]

    var cells: [InternalCell] = []
    /// Weekly rows by location over the whole window.
    var weekly: [MetricRow] = []
    /// Company-wide rows over the whole window (period `all`).
    var window: [MetricRow] = []

    init(inputs: CompareInputs, request: CompareRequest, window weeks: [String], previous: String, gridLocations: [String]) {
        let first = Period.days(of: min(weeks[0], previous))?.first, last = Period.days(of: request.week)?.last
        func rows(period: Period, by: String?, since: Day?) -> [MetricRow] {
            MetricsEngine.rows(answers: inputs.answers, tickets: inputs.tickets, periods: [], health: [],
                               request: MetricsRequest(period: period, by: by, since: since, until: last, zone: request.zone))
                .filter { row in Self.tests.contains { $0.0 == row.metric } }
        }
        let byLocation = rows(period: .week, by: "location", since: first).filter { request.includes(location: $0.segment) }
        let company = rows(period: .week, by: nil, since: first)
        weekly = byLocation
        // The window proper (its 12 weeks, not the week before it that week-over-week needs).
        window = rows(period: .whole, by: nil, since: Period.days(of: weeks[0])?.first)

        // Every (metric, scale) seen anywhere this week or last is shown for every location, so a
        // location without surveys says so instead of vanishing from the grid.
        let relevant = (byLocation + company).filter { $0.period == request.week || $0.period == previous }
        var kinds: [(metric: String, scale: String)] = []
        for (metric, _) in Self.tests {
            for scale in Set(relevant.filter { $0.metric == metric }.map(\.scale)).sorted() { kinds.append((metric, scale)) }
        }
        let locations = request.sorted(Set(gridLocations.filter { !$0.isEmpty })
            .union(byLocation.map(\.segment).filter { $0 != "(none)" })) + [Comparer.all]
        for location in locations {
            let source = location == Comparer.all ? company : byLocation.filter { $0.segment == location }
            for kind in kinds {
                func figure(_ period: String) -> MetricRow? {
                    source.first { $0.period == period && $0.metric == kind.metric && $0.scale == kind.scale }
                }
                let now = figure(request.week), before = figure(previous)
                let test = Self.tests.first { $0.0 == kind.metric }!.1
                let week = now?.figure ?? .empty, prev = before?.figure ?? .empty
                let detail: String
                if week.n == 0 {
                    detail = kind.metric.hasSuffix("_time") || kind.metric == "fcr_pct"
                        ? "no tickets at this location this week" : "no survey answers at this location this week"
                } else {
                    detail = now?.detail ?? ""
                }
                cells.append(InternalCell(location: location, metric: kind.metric, scale: kind.scale, week: week, previous: prev,
                                          weekOverWeek: Formulas.difference(week, prev, test: test), detail: detail))
            }
        }
    }
}
