import ReputaCore

/// The weekly comparison: everything `reputa compare` prints and the weekly report shows.
public struct Comparison: Equatable, Sendable, Codable {
    public var week: String
    public var previousWeek: String
    /// The trailing window's weeks, oldest first, ending with `week`.
    public var windowWeeks: [String]
    /// Up to 4 weeks before `week`, inside the window: what the headline compares the week with.
    public var baselineWeeks: [String]
    public var priorWeight: Double
    /// Our reviews: each location × portal, each location on all portals (`portal == "all"`),
    /// and all locations (`location == "all"`).
    public var cells: [PortalCell]
    /// Competitors: each competitor × location on all its portals, compared with us at that location.
    public var competitors: [PortalCell]
    /// Per location with competitors: us and them ranked by Bayesian average of the week.
    public var ranks: [RankEntry]
    public var internalCells: [InternalCell]
    public var correlations: [LagCorrelation]
    public var trends: [TrendPoint]
    public var coverage: [SourceCoverage]
    public var benchmarks: [BenchmarkComparison]
}

extension Comparison {
    /// The latest week of the window in which we have reviews (all locations), nil when none:
    /// what an empty week's report names instead.
    public var latestWeekWithReviews: String? {
        trends.filter { $0.name == "us" && $0.location == Comparer.all && $0.reviews > 0 }.map(\.week).max()
    }

    /// True when there are rows of ours and none has a review in the week.
    public var weekIsEmpty: Bool { !cells.isEmpty && cells.allSatisfy { $0.week.reviews == 0 } }
}

/// One row of the grid.

public struct PortalCell: Equatable, Sendable, Codable {
    public var location: String
    public var portal: String
    /// Empty for us.
    public var competitor: String
    public var week: PortalFigures
    public var previous: PortalFigures
    public var window: PortalFigures
    /// The `baselineWeeks` together.
    public var baseline: PortalFigures
    /// This week versus the previous week.
    public var weekOverWeek: [Change]
    /// A competitor's week versus ours at the same location (empty for our own rows).
    public var versusUs: [Change]
    /// Sources in this cell whose route returns only the latest reviews (App Store feed, APIs).
    public var cappedSources: [String]
    /// For a competitor: the portals of ours it is compared with (`versusUs`), and whether they
    /// differ from its own (we have no reviews on its portal at its location).
    public var ourPortal: String?
    public var crossPortal: Bool?
}

public struct RankEntry: Equatable, Sendable, Codable {
    public var location: String
    /// `us` or the competitor's name.
    public var name: String
    /// 1 for the best; equal Bayesian averages (to one decimal, as shown) share a rank (1, 1, 3);
    /// nil without reviews in the week: nothing to rank.
    public var rank: Int?
    public var bayesian: Double?
    public var reviews: Int
    public var mean100: Double?
    /// The portals the figure is on (`google+trustpilot`).
    public var portal: String
    /// The competitors' portals of this ranking (one per location and competitors' portals).
    public var group: String
    /// True when us and the competitors are measured on different portals.
    public var crossPortal: Bool
}

/// An internal metric (survey, helpdesk) for one location beside the portal figures.
public struct InternalCell: Equatable, Sendable, Codable {
    public var location: String
    public var metric: String
    public var scale: String
    public var week: Figure
    public var previous: Figure
    public var weekOverWeek: Difference
    public var detail: String
}

/// Pearson's r between our weekly portal top-2-box share and weekly CSAT % at one location,
/// CSAT taken `lag` weeks later (lag > 0: the portal leads; lag < 0: CSAT leads).
public struct LagCorrelation: Equatable, Sendable, Codable {
    public var location: String
    public var csatScale: String
    public var lag: Int
    public var r: Figure
    /// Two-sided p of r against 0 (Fisher z); nil below `LagCorrelation.minimumWeeks` pairs.
    public var p: Double?
    /// `p` after Holm's adjustment for every correlation of the comparison tested together.
    public var adjustedP: Double?
}

/// One week of one series for the trend charts.
public struct TrendPoint: Equatable, Sendable, Codable {
    public var location: String
    /// `us` or the competitor's name.
    public var name: String
    public var week: String
    public var reviews: Int
    public var mean100: Double?
    public var topTwo: Double?
    public var responseTimeMedian: Double?
}

/// How much of a portal the store holds, for the coverage note on every figure.
public struct SourceCoverage: Equatable, Sendable, Codable {
    public var source: String
    public var stored: Int
    /// What the portal says it has, when it says.
    public var portalTotal: Int?
    /// Most reviews the route returns per fetch, when capped.
    public var routeCap: Int?
    public var earliest: String?

    public init(source: String, stored: Int, portalTotal: Int?, routeCap: Int?, earliest: String?) {
        self.source = source
        self.stored = stored
        self.portalTotal = portalTotal
        self.routeCap = routeCap
        self.earliest = earliest
    }

    /// stored ÷ portal total × 100, when the portal gives a total.
    public var percent: Double? {
        guard let t = portalTotal, t > 0 else { return nil }
        return Double(stored) / Double(t) * 100
    }
}
