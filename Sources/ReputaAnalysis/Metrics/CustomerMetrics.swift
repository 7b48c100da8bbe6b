import ReputaCore

/// Churn, retention and conversion from counts per period. A counted period shorter than the
/// report's period falls in the bucket that holds it (weeks into a month: S of the first week,
/// E of the last, N, L, visits and sales summed); a longer one is reported under its own span
/// (`2026-10-01..2026-12-31`), never split.
enum CustomerMetrics {
    static func rows(_ periods: [CustomerPeriod], _ request: MetricsRequest) -> [MetricRow] {
        var buckets: [MetricsRequest.Bucket: [CustomerPeriod]] = [:]
        for p in periods where request.includes(p.first) {
            let a = request.period.label(of: p.first), b = request.period.label(of: p.last)
            let label = a == b ? a : "\(p.first)..\(p.last)"
            buckets[MetricsRequest.Bucket(period: label, segment: request.segment(p.segments)), default: []].append(p)
        }
        var rows: [MetricRow] = []
        for (bucket, group) in buckets {
            var spans: [Day: [CustomerPeriod]] = [:]
            for p in group { spans[p.first, default: []].append(p) }
            let ordered = spans.keys.sorted()
            func total(_ items: [CustomerPeriod], _ k: KeyPath<CustomerPeriod, Int?>) -> Int? {
                let v = items.compactMap { $0[keyPath: k] }
                return v.isEmpty ? nil : v.reduce(0, +)
            }
            let s = ordered.first.flatMap { total(spans[$0]!, \.start) }
            let e = ordered.last.flatMap { total(spans[$0]!, \.end) }
            let n = total(group, \.new), l = total(group, \.lost)
            let counts = [("S", s), ("E", e), ("N", n), ("L", l)].compactMap { k, v in v.map { "\(k) \($0)" } }.joined(separator: ", ")
            func row(_ name: String, _ f: Figure, _ detail: String) {
                rows.append(MetricRow(metric: name, period: bucket.period, segment: bucket.segment, scale: "percent", figure: f,
                                      detail: detail))
            }
            if let s, let e {
                row("churn_pct", Formulas.churnPercent(start: s, end: e),
                    s == 0 ? "S = 0: no customers at the start" : "net loss (S − E) ÷ S, negative when the base grew; " + counts)
                if let n {
                    row("retention_pct", Formulas.retentionPercent(start: s, end: e, new: n), s == 0 ? "S = 0: no customers at the start" : counts)
                }
            }
            if let s, let l {
                row("gross_churn_pct", Formulas.grossChurnPercent(start: s, lost: l),
                    s == 0 ? "S = 0: no customers at the start" : "customers lost L ÷ S; with retention, 100 %; " + counts)
            }
            if let visits = total(group, \.visits), let sales = total(group, \.sales) {
                row("conversion_pct", Formulas.conversionPercent(sales: sales, visits: visits), "sales \(sales) of visits \(visits)")
            }
        }
        return rows
    }
}
