import ReputaCore

extension LagCorrelation {
    /// Lags tried, in weeks.
    static let lags = -2...2
    /// Fewer weekly pairs than this are not tested: r on a handful of weeks says nothing.
    public static let minimumWeeks = 8

    /// For each location with both series: r between our portal top-2-box share in week t and
    /// CSAT % in week t + lag, over the window's weeks where both exist (Pearson, Fisher-z
    /// interval). Each r with at least `minimumWeeks` pairs gets its p-value, and the p-values
    /// are adjusted together (Holm): with 5 lags × locations tried at once, one of them below
    /// 0.05 by chance alone is likely, so only an adjusted p below 0.05 is a lead or lag.
    static func compute(trends: [TrendPoint], internalCells weekly: [MetricRow], window: [String], request: CompareRequest) -> [LagCorrelation] {
        var out: [LagCorrelation] = []
        let locations = Set(trends.filter { $0.name == "us" }.map(\.location))
        for location in request.sorted(locations) where location != Comparer.all {
            let portal = Dictionary(trends.filter { $0.name == "us" && $0.location == location && $0.topTwo != nil }
                .map { ($0.week, $0.topTwo!) }, uniquingKeysWith: { a, _ in a })
            let csat = weekly.filter { $0.segment == location && $0.metric == "csat_pct" && $0.figure.value != nil }
            for scale in Set(csat.map(\.scale)).sorted() {
                let survey = Dictionary(csat.filter { $0.scale == scale }.map { ($0.period, $0.figure.value!) },
                                        uniquingKeysWith: { a, _ in a })
                for lag in lags {
                    var x: [Double] = [], y: [Double] = []
                    for (i, w) in window.enumerated() where i + lag >= 0 && i + lag < window.count {
                        if let a = portal[w], let b = survey[window[i + lag]] { x.append(a); y.append(b) }
                    }
                    let r = Formulas.pearson(x, y)
                    let p = r.n >= minimumWeeks ? r.value.flatMap { Formulas.correlationPValue(r: $0, n: r.n) } : nil
                    out.append(LagCorrelation(location: location, csatScale: scale, lag: lag, r: r, p: p))
                }
            }
        }
        let tested = out.indices.filter { out[$0].p != nil }
        for (i, q) in zip(tested, Formulas.holm(tested.map { out[$0].p! })) { out[i].adjustedP = q }
        return out
    }
}
