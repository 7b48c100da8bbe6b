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
        // The weeks before this one that the headline compares with: up to 4, inside the window.
        let baselineWeeks = Array(window.filter { $0 < request.week }.suffix(4))
        func cell(location: String, portal: String, competitor: String, _ tallies: [ReviewTally],
                  _ delays: [ReplyDelay]) -> PortalCell {
            let week = figures(tallies, delays, weeks: [request.week], prior: weekPrior)
            let prev = figures(tallies, delays, weeks: [previous], prior: nil)
            return PortalCell(location: location, portal: portal, competitor: competitor, week: week, previous: prev,
                              window: figures(tallies, delays, weeks: windowSet, prior: windowPrior),
                              baseline: figures(tallies, delays, weeks: Set(baselineWeeks), prior: nil),
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
        /// Us at a competitor's location (all our locations for a competitor without one) on the
        /// competitor's portals when we have reviews there in the window (a same-portal
        /// comparison), else on all our portals (cross-portal, labelled so); no reviews of ours
        /// there compares with nothing, not with another location.
        func ourBasis(_ location: String, portals: Set<String>) -> (figures: PortalFigures, portal: String, crossPortal: Bool) {
            let here = location.isEmpty ? ours : ours.filter { $0.location == location }
            let same = here.filter { portals.contains($0.portal) }
            if !same.isEmpty {
                let d = (location.isEmpty ? ourDelays : ourDelays.filter { $0.location == location })
                    .filter { portalOf[$0.source].map(portals.contains) ?? false }
                return (figures(same, d, weeks: [request.week], prior: weekPrior), portals.sorted().joined(separator: "+"), false)
            }
            let all = cells.first { $0.location == (location.isEmpty ? Self.all : location) && $0.portal == Self.all }
            return (all?.week ?? .empty, Set(here.map(\.portal)).sorted().joined(separator: "+"), true)
        }

        // Competitors: each competitor at each location, on all its portals, against us there.
        let theirs = inputs.tallies.filter { !$0.competitor.isEmpty && request.includes(location: $0.location) }
        var competitors: [PortalCell] = []
        let pairs = Set(theirs.map { [$0.competitor, $0.location] })
        for pair in pairs.sorted(by: { ($0[1], $0[0]) < ($1[1], $1[0]) }) {
            let t = theirs.filter { $0.competitor == pair[0] && $0.location == pair[1] }
            let d = inputs.delays.filter { $0.competitor == pair[0] && $0.location == pair[1] }
            var c = cell(location: pair[1], portal: Set(t.map(\.portal)).sorted().joined(separator: "+"), competitor: pair[0], t, d)
            let basis = ourBasis(pair[1], portals: Set(t.map(\.portal)))
            c.versusUs = c.week.changes(from: basis.figures)
            c.ourPortal = basis.portal
            c.crossPortal = basis.crossPortal
            competitors.append(c)
        }
        let competitorLocations = request.sorted(Set(pairs.map { $0[1] }))
        competitors.sort { (competitorLocations.firstIndex(of: $0.location) ?? 0, $0.competitor)
            < (competitorLocations.firstIndex(of: $1.location) ?? 0, $1.competitor) }

        // Ranks by Bayesian average of the week, per location and portal where competitors are:
        // us on the same portal when we are there, else on all ours (cross-portal).
        var ranks: [RankEntry] = []
        for location in competitorLocations {
            let here = competitors.filter { $0.location == location }
            var groups: [String] = []
            for c in here where !groups.contains(c.portal) { groups.append(c.portal) }
            for portal in groups {
                let group = here.filter { $0.portal == portal }
                let basis = ourBasis(location, portals: Set(portal.split(separator: "+").map(String.init)))
                var entries: [(name: String, figures: PortalFigures, portal: String)] = group.map { ($0.competitor, $0.week, $0.portal) }
                entries.append(("us", basis.figures, basis.portal))
                entries.sort { ($0.figures.bayesian ?? -1, $1.name) > ($1.figures.bayesian ?? -1, $0.name) }
                // Competition ranking on the shown figure: ties share a rank; no reviews, no rank.
                let shown = entries.map { $0.figures.bayesian.map { String(format: "%.1f", $0) } } // as the table prints it
                for (i, e) in entries.enumerated() {
                    let rank = shown[i].map { value in (shown.firstIndex { $0 == value } ?? i) + 1 }
                    ranks.append(RankEntry(location: location, name: e.name, rank: rank, bayesian: e.figures.bayesian,
                                           reviews: e.figures.reviews, mean100: e.figures.mean100.value, portal: e.portal,
                                           group: portal, crossPortal: basis.crossPortal))
                }
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
            week: request.week, previousWeek: previous, windowWeeks: window, baselineWeeks: baselineWeeks, priorWeight: request.priorWeight,
            cells: cells, competitors: competitors, ranks: ranks, internalCells: internalSide.cells,
            correlations: LagCorrelation.compute(trends: trends, internalCells: internalSide.weekly, window: window, request: request),
            trends: trends, coverage: inputs.coverage.filter { sources.contains($0.source) },
            benchmarks: BenchmarkComparison.compare(inputs.benchmarks, ourWindow: cells, internalWindow: internalSide.window))
    }
}
