import ReputaCore

/// A published benchmark beside our figure of the same kind and scale over the window, or the
/// reason it is not compared.
public struct BenchmarkComparison: Equatable, Sendable, Codable {
    public var benchmark: Benchmark
    /// Our figure on the same metric and scale over the window, company-wide.
    public var ours: Figure?
    /// `ours above` / `ours below` when the benchmark lies outside our 95 % interval, `within noise` inside it.
    public var verdict: String?
    /// Why it is not compared (different scale, no figure of ours, a different kind of number).
    public var refusal: String?

    static func compare(_ benchmarks: [Benchmark], ourWindow cells: [PortalCell], internalWindow rows: [MetricRow])
        -> [BenchmarkComparison] {
        benchmarks.map { b in
            var candidates: [(scale: String, figure: Figure)] = []
            switch b.metric {
            case "acsi":
                return BenchmarkComparison(benchmark: b, refusal: "an ACSI index (0-100, econometric) is not a CSAT %, an NPS or a star average: shown for reference, not compared")
            case "rating_mean", "top2_pct":
                let portal = b.portal.isEmpty ? Comparer.all : b.portal
                for c in cells where c.location == Comparer.all && c.portal == portal && c.competitor.isEmpty {
                    if let s = c.window.scale { candidates.append((s, b.metric == "rating_mean" ? c.window.mean : c.window.topTwo)) }
                }
            default:
                candidates = rows.filter { $0.metric == b.metric && $0.segment == "all" }.map { ($0.scale, $0.figure) }
            }
            guard !candidates.isEmpty else {
                return BenchmarkComparison(benchmark: b, refusal: "no \(b.metric) of ours in the window to compare with")
            }
            guard let match = candidates.first(where: { $0.scale == b.scale }) else {
                return BenchmarkComparison(benchmark: b, refusal: "not compared: our \(b.metric) is on \(candidates.map(\.scale).joined(separator: ", ")), the benchmark on \(b.scale); figures on different scales are never compared")
            }
            var verdict = "within noise"
            if let lo = match.figure.ciLow, let hi = match.figure.ciHigh {
                if b.value < lo { verdict = "ours above" } else if b.value > hi { verdict = "ours below" }
            } else if match.figure.value == nil {
                return BenchmarkComparison(benchmark: b, ours: match.figure, refusal: "no \(b.metric) of ours in the window to compare with")
            } else {
                verdict = "not testable"
            }
            return BenchmarkComparison(benchmark: b, ours: match.figure, verdict: verdict)
        }
    }

    init(benchmark: Benchmark, ours: Figure? = nil, verdict: String? = nil, refusal: String? = nil) {
        self.benchmark = benchmark
        self.ours = ours
        self.verdict = verdict
        self.refusal = refusal
    }
}
