import ReputaCore

/// CSAT %, CSAT mean, low scores, CSS %, NPS, CES mean and % agree, one set per period,
/// segment, metric and scale: answers on different scales are never pooled.
enum SurveyMetrics {
    static func rows(_ answers: [SurveyAnswer], _ request: MetricsRequest) -> [MetricRow] {
        var rows: [MetricRow] = []
        let buckets = MetricsEngine.group(answers, request, day: { Day($0.submittedAt, in: request.zone) }, segments: \.segments)
        for (bucket, items) in buckets {
            var byScale: [String: (SurveyMetric, SurveyScale, [SurveyAnswer])] = [:]
            for a in items {
                let key = a.metric.rawValue + "\u{1F}" + a.scale.description
                byScale[key, default: (a.metric, a.scale, [])].2.append(a)
            }
            for (_, (metric, scale, group)) in byScale {
                rows += self.rows(metric: metric, scale: scale, group, bucket: bucket)
            }
        }
        return rows
    }

    static func rows(metric: SurveyMetric, scale: SurveyScale, _ answers: [SurveyAnswer],
                     bucket: MetricsRequest.Bucket) -> [MetricRow] {
        let scores = answers.compactMap(\.score)
        let offered = answers.count - scores.count
        let questions = Set(answers.map(\.question)).sorted()
        let pooled = questions.count > 1 ? "; questions pooled: \(questions.joined(separator: ", "))" : ""
        let unanswered = (offered > 0 ? "; \(offered) offered, not answered" : "") + pooled
        func row(_ name: String, _ f: Figure, _ detail: String) -> MetricRow {
            MetricRow(metric: name, period: bucket.period, segment: bucket.segment, scale: scale.description, figure: f,
                      detail: detail)
        }
        func attempt(_ name: String, _ detail: (Figure) -> String, _ compute: () throws(MetricError) -> Figure) -> MetricRow {
            do {
                let f = try compute()
                return row(name, f, detail(f))
            } catch {
                return row(name, .empty, error.message)
            }
        }
        switch metric {
        case .csat, .css:
            let prefix = metric.rawValue
            if scale.shape == .goodBad {
                let good = scores.filter { $0 == 1 }.count, bad = scores.count - good
                var out = [row("\(prefix)_pct", Formulas.csatPercent(good: good, bad: bad), "good \(good), bad \(bad)\(unanswered)")]
                if metric == .csat {
                    // On good-bad (0–1) the low scores are exactly the bad ones.
                    out.append(attempt("csat_low_count", { _ in "bad \(bad) of \(scores.count)" }) { () throws(MetricError) in
                        try Formulas.lowScoreCount(scores, scale: scale.range)
                    })
                }
                return out
            }
            let range = scale.range
            let top = Formulas.boxLabel(range)
            var out = [attempt("\(prefix)_pct", { f in "top-2-box \(top): \(Int((f.value ?? 0) * Double(f.n) / 100 + 0.5)) of \(f.n)\(unanswered)" }) { () throws(MetricError) in
                try Formulas.csatPercent(scores, scale: range)
            }]
            if metric == .csat {
                out.append(attempt("csat_mean", { _ in "mean of the \(range) scores, not a share" }) { () throws(MetricError) in
                    try Formulas.csatMean(scores, scale: range)
                })
                out.append(attempt("csat_low_count", { f in "scores ≤ \(Formulas.lowLabel(range)): \(Int(f.value ?? 0)) of \(f.n)" }) { () throws(MetricError) in
                    try Formulas.lowScoreCount(scores, scale: range)
                })
            }
            return out
        case .nps:
            do {
                let n = try Formulas.nps(scores)
                return [row("nps", n.figure, "promoters \(n.promoters), passives \(n.passives), detractors \(n.detractors)\(unanswered)")]
            } catch {
                return [row("nps", .empty, error.message)]
            }
        case .ces:
            var out = [attempt("ces_mean", { _ in scale.lowerIsBetter ? "effort scale: lower is better" : "agreement scale: higher is easier" }) { () throws(MetricError) in
                try Formulas.cesMean(scores, scale: scale.range)
            }]
            if scale.range == RatingScale(min: 1, max: 7), !scale.lowerIsBetter {
                out.append(attempt("ces_agree_pct", { f in "agree (5-7): \(Int((f.value ?? 0) * Double(f.n) / 100 + 0.5)) of \(f.n)" }) { () throws(MetricError) in
                    try Formulas.cesAgreePercent(scores, scale: scale.range)
                })
            }
            return out
        }
    }
}

extension Formulas {
    /// `4-5` on 1–5: the points `isTopTwoBox` counts, for labels.
    static func boxLabel(_ scale: RatingScale) -> String {
        "\(Int(scale.max) - 1)-\(Int(scale.max))"
    }

    static func lowLabel(_ scale: RatingScale) -> String {
        let mid = (scale.min + scale.max) / 2
        return mid == mid.rounded() ? String(Int(mid)) : String(mid)
    }
}
