import ReputaCore

extension LagCorrelation {
    /// Lags tried, in weeks.
    static let lags = -2...2

    /// For each location with both series: r between our portal top-2-box share in week t and
    /// CSAT % in week t + lag, over the window's weeks where both exist (Pearson, Fisher-z
    /// interval). A lag whose interval excludes 0 suggests one series leads the other; twelve
    /// weeks rarely show one, and the report says so.
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
                    out.append(LagCorrelation(location: location, csatScale: scale, lag: lag, r: Formulas.pearson(x, y)))
                }
            }
        }
        return out
    }
}
