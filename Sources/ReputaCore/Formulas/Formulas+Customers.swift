/// Customer-base and helpdesk metrics (`../shared/notes/metrics.md`, "Internal metrics").
extension Formulas {
    /// Customer churn rate = (S − E) ÷ S × 100, S customers at the period's start, E at its end,
    /// as the metrics note defines it (the seed's CCR). It is the *net* loss of customers: the
    /// new ones offset the lost, so it is negative whenever the base grew, and it does not add
    /// up with retention; `grossChurnPercent` is the share actually lost. Absent (n = 0) when S = 0.
    /// When 0 ≤ S − E ≤ S the rate is a share of the starting customers and carries its Wilson
    /// interval; a base that grew (E > S) gives a negative rate without one.
    public static func churnPercent(start: Int, end: Int) -> Figure {
        guard start > 0 else { return .empty }
        return shareOfStart(start - end, start: start)
    }

    /// k ÷ S × 100, with the Wilson interval when k is a count of the S customers (0 ≤ k ≤ S).
    static func shareOfStart(_ k: Int, start: Int) -> Figure {
        if k >= 0, k <= start { return percentage(successes: k, n: start) }
        return Figure(value: Double(k) / Double(start) * 100, n: start)
    }

    /// Gross churn = L ÷ S × 100, L the customers lost during the period (Fader & Hardie's
    /// "churn rate" of a period; the complement of retention: S − L = E − N when the export's
    /// counts agree, so gross churn + retention = 100 %). Absent (n = 0) when S = 0; Wilson
    /// interval when 0 ≤ L ≤ S.
    public static func grossChurnPercent(start: Int, lost: Int) -> Figure {
        guard start > 0 else { return .empty }
        return shareOfStart(lost, start: start)
    }

    /// Customer retention rate = (E − N) ÷ S × 100, N the customers won during the period.
    /// Absent (n = 0) when S = 0; with its Wilson interval when 0 ≤ E − N ≤ S.
    public static func retentionPercent(start: Int, end: Int, new: Int) -> Figure {
        guard start > 0 else { return .empty }
        return shareOfStart(end - new, start: start)
    }

    /// Conversion rate = sales ÷ visits × 100, with its Wilson interval. Absent when there
    /// were no visits.
    public static func conversionPercent(sales: Int, visits: Int) -> Figure {
        percentage(successes: sales, n: visits)
    }

    /// A helpdesk time (created → first reply, → first assignment, → solved) in minutes: mean
    /// with its t interval, median and p90 (nearest rank), over the tickets where the event
    /// happened. Tickets still waiting are not averaged in: the caller counts them apart.
    public static func duration(_ minutes: [Double]) -> DurationFigure {
        DurationFigure(mean: durationMean(minutes), median: median(minutes), p90: percentile(90, of: minutes))
    }

    /// First-contact resolution % = solved tickets resolved at first contact ÷ solved tickets
    /// × 100, with its Wilson interval. Which signal says "first contact" depends on the export
    /// (no reopen and at most one agent reply; see the importer).
    public static func fcrPercent(resolvedAtFirstContact: Int, solved: Int) -> Figure {
        percentage(successes: resolvedAtFirstContact, n: solved)
    }
}

/// A helpdesk time: mean, median and 90th percentile, in minutes.
public struct DurationFigure: Equatable, Sendable {
    public var mean: Figure
    public var median: Figure
    public var p90: Figure
}
