import ReputaCore

/// Everything the comparer reads, as plain values (the CLI loads them from the store).
public struct CompareInputs: Sendable {
    /// Review tallies covering the window and the week before the compared one.
    public var tallies: [ReviewTally]
    public var delays: [ReplyDelay]
    /// Survey answers and tickets created in the window.
    public var answers: [SurveyAnswer]
    public var tickets: [Ticket]
    public var coverage: [SourceCoverage]
    public var benchmarks: [Benchmark]

    public init(tallies: [ReviewTally], delays: [ReplyDelay], answers: [SurveyAnswer] = [], tickets: [Ticket] = [],
                coverage: [SourceCoverage] = [], benchmarks: [Benchmark] = []) {
        self.tallies = tallies
        self.delays = delays
        self.answers = answers
        self.tickets = tickets
        self.coverage = coverage
        self.benchmarks = benchmarks
    }
}

/// Builds the weekly comparison. Grouping and labelling only: every figure is `Formulas`'.
public enum Comparer {
    /// Our reviews, every location together, and every portal together, are keyed `all`.
    public static let all = "all"

    public static func compare(_ inputs: CompareInputs, _ request: CompareRequest) -> Comparison? {
        guard let window = request.windowWeeks, let previous = request.previousWeek else { return nil }
        let windowSet = Set(window)
        let portalOf = Dictionary(inputs.tallies.map { ($0.source, $0.portal) }, uniquingKeysWith: { a, _ in a })
        let ours = inputs.tallies.filter { $0.competitor.isEmpty && request.includes(location: $0.location) }
        let ourDelays = inputs.delays.filter { $0.competitor.isEmpty && request.includes(location: $0.location) }

        // The Bayesian prior: the mean (0–100) of every review of the span, ours and competitors'.
        func prior(_ weeks: Set<String>) -> Double {
            PortalFigures(tallies: inputs.tallies.filter { weeks.contains($0.week) }, delays: []).mean100.value ?? 50
        }
        let weekPrior = prior([request.week]), windowPrior = prior(windowSet)
        func figures(_ tallies: [ReviewTally], _ delays: [ReplyDelay], weeks: Set<String>, prior: Double?) -> PortalFigures {
            var f = PortalFigures(tallies: tallies.filter { weeks.contains($0.week) }, delays: delays.filter { weeks.contains($0.week) })
            if let prior {
                f.bayesian = Formulas.bayesianAverage(mean: f.mean100.value, count: f.rated, priorMean: prior,
                                                      priorWeight: request.priorWeight)
            }
            return f
        }
        let capped = Set(inputs.coverage.filter { $0.routeCap != nil }.map(\.source))
        func cell(location: String, portal: String, competitor: String, _ tallies: [ReviewTally],
                  _ delays: [ReplyDelay]) -> PortalCell {
            let week = figures(tallies, delays, weeks: [request.week], prior: weekPrior)
            let prev = figures(tallies, delays, weeks: [previous], prior: nil)
            return PortalCell(location: location, portal: portal, competitor: competitor, week: week, previous: prev,
                              window: figures(tallies, delays, weeks: windowSet, prior: windowPrior),
                              weekOverWeek: week.changes(from: prev), versusUs: [],
                              cappedSources: Set(tallies.map(\.source)).intersection(capped).sorted())
        }

        // Our grid: location × portal, location × all portals, all locations × portal, and the total.
        let locations = request.sorted(Set(ours.map(\.location)))
        let portals = Set(ours.map(\.portal)).sorted()
        var cells: [PortalCell] = []
        for location in locations + [all] {
            let here = location == all ? ours : ours.filter { $0.location == location }
            let hereDelays = location == all ? ourDelays : ourDelays.filter { $0.location == location }
            for portal in portals + [all] {
                let t = portal == all ? here : here.filter { $0.portal == portal }
                guard !t.isEmpty else { continue }
                let d = portal == all ? hereDelays : hereDelays.filter { portalOf[$0.source] == portal }
                cells.append(cell(location: location, portal: portal, competitor: "", t, d))
            }
        }
        /// Us at a competitor's location (all our locations for a competitor without one); no
        /// reviews of ours there compares with nothing, not with another location.
        func ourWeek(_ location: String) -> PortalFigures {
            cells.first { $0.location == (location.isEmpty ? all : location) && $0.portal == all }?.week ?? .empty
        }

        // Competitors: each competitor at each location, on all its portals, against us there.
        let theirs = inputs.tallies.filter { !$0.competitor.isEmpty && request.includes(location: $0.location) }
        var competitors: [PortalCell] = []
        let pairs = Set(theirs.map { [$0.competitor, $0.location] })
        for pair in pairs.sorted(by: { ($0[1], $0[0]) < ($1[1], $1[0]) }) {
            let t = theirs.filter { $0.competitor == pair[0] && $0.location == pair[1] }
            let d = inputs.delays.filter { $0.competitor == pair[0] && $0.location == pair[1] }
            var c = cell(location: pair[1], portal: Set(t.map(\.portal)).sorted().joined(separator: "+"), competitor: pair[0], t, d)
            c.versusUs = c.week.changes(from: ourWeek(pair[1]))
            competitors.append(c)
        }
        let competitorLocations = request.sorted(Set(pairs.map { $0[1] }))
        competitors.sort { (competitorLocations.firstIndex(of: $0.location) ?? 0, $0.competitor)
            < (competitorLocations.firstIndex(of: $1.location) ?? 0, $1.competitor) }

        // Ranks by Bayesian average of the week, per location where competitors are.
        var ranks: [RankEntry] = []
        for location in competitorLocations {
            var entries: [(String, PortalFigures)] = competitors.filter { $0.location == location }.map { ($0.competitor, $0.week) }
            entries.append(("us", ourWeek(location)))
            entries.sort { ($0.1.bayesian ?? -1, $1.0) > ($1.1.bayesian ?? -1, $0.0) }
            // Competition ranking on the shown figure: ties share a rank; no reviews, no rank.
            let shown = entries.map { $0.1.bayesian.map { String(format: "%.1f", $0) } } // as the table prints it
            for (i, e) in entries.enumerated() {
                let rank = shown[i].map { value in (shown.firstIndex { $0 == value } ?? i) + 1 }
                ranks.append(RankEntry(location: location, name: e.0, rank: rank, bayesian: e.1.bayesian, reviews: e.1.reviews,
                                       mean100: e.1.mean100.value))
            }
        }

        // Trend series: us per location (and all), each competitor per location, every window week.
        var trends: [TrendPoint] = []
        func series(_ location: String, _ name: String, _ t: [ReviewTally], _ d: [ReplyDelay]) {
            for w in window {
                let f = figures(t, d, weeks: [w], prior: nil)
                trends.append(TrendPoint(location: location, name: name, week: w, reviews: f.reviews, mean100: f.mean100.value,
                                         topTwo: f.topTwo.value, responseTimeMedian: f.responseTimeMedian.value))
            }
        }
        for location in locations + [all] {
            series(location, "us", location == all ? ours : ours.filter { $0.location == location },
                   location == all ? ourDelays : ourDelays.filter { $0.location == location })
        }
        for pair in pairs.sorted(by: { ($0[1], $0[0]) < ($1[1], $1[0]) }) {
            series(pair[1], pair[0], theirs.filter { $0.competitor == pair[0] && $0.location == pair[1] },
                   inputs.delays.filter { $0.competitor == pair[0] && $0.location == pair[1] })
        }

        let internalSide = InternalComparison(inputs: inputs, request: request, window: window, previous: previous,
                                              gridLocations: locations)
        let sources = Set(inputs.tallies.map(\.source))
        return Comparison(
            week: request.week, previousWeek: previous, windowWeeks: window, priorWeight: request.priorWeight,
            cells: cells, competitors: competitors, ranks: ranks, internalCells: internalSide.cells,
            correlations: LagCorrelation.compute(trends: trends, internalCells: internalSide.weekly, window: window, request: request),
            trends: trends, coverage: inputs.coverage.filter { sources.contains($0.source) },
            benchmarks: BenchmarkComparison.compare(inputs.benchmarks, ourWindow: cells, internalWindow: internalSide.window))
    }
}
