import Testing
@testable import ReputaCore

/// Portal formulas and significance tests against values worked out by hand.
@Suite struct SignificanceTests {
    @Test func twoProportionZ() {
        // 40/50 vs 30/50: pooled 0.7, SE = √(0.7·0.3·(2/50)) = 0.091652, z = 0.2 / 0.091652 = 2.1822.
        let d = Formulas.difference(Formulas.percentage(successes: 40, n: 50), Formulas.percentage(successes: 30, n: 50), test: .twoProportion)
        #expect(abs(d.delta! - 20) < 1e-9)
        #expect(abs(d.statistic! - 2.1822) < 1e-4)
        #expect(d.verdict == .higher)
        // 20/50 vs 18/50: pooled 0.38, SE = 0.097082, z = 0.04 / 0.097082 = 0.412: within noise.
        let small = Formulas.difference(Formulas.percentage(successes: 20, n: 50), Formulas.percentage(successes: 18, n: 50), test: .twoProportion)
        #expect(abs(small.statistic! - 0.4120) < 1e-4)
        #expect(small.verdict == .withinNoise)
    }

    @Test func welchT() {
        // 1…5 vs 4…8: means 3 and 6, s² = 2.5 each, SE = √0.5 each; t = −3 / 1 = −3;
        // df = 1² / (0.25/4 + 0.25/4) = 8, t(0.975, 8) = 2.306 < 3: significant, lower.
        let d = Formulas.difference(Formulas.mean([1, 2, 3, 4, 5]), Formulas.mean([4, 5, 6, 7, 8]), test: .welch)
        #expect(abs(d.statistic! + 3) < 1e-9)
        #expect(d.verdict == .lower)
        // 1…5 vs 2…6: t = −1: within noise.
        #expect(Formulas.difference(Formulas.mean([1, 2, 3, 4, 5]), Formulas.mean([2, 3, 4, 5, 6]), test: .welch).verdict == .withinNoise)
    }

    @Test func npsVarianceZ() {
        // 6/2/2 of 10: NPS 40, Var = 0.8 − 0.16 = 0.64, SE = 0.8/√10 = 25.298 points; 2/2/6: NPS −40, same SE.
        // z = 80 / √(2 · 25.298²) = 2.2361: higher.
        let a = Formulas.nps(promoters: 6, passives: 2, detractors: 2).figure
        let b = Formulas.nps(promoters: 2, passives: 2, detractors: 6).figure
        #expect(abs(a.standardError! - 25.2982) < 1e-3)
        let d = Formulas.difference(a, b, test: .npsVariance)
        #expect(abs(d.statistic! - 2.2361) < 1e-4)
        #expect(d.verdict == .higher)
    }

    @Test func poissonRates() {
        // 30 reviews this week against 40 in 4 weeks: p₀ = 1/5, expected 70/5 = 14, SD = √(70·0.2·0.8) = 3.3466,
        // z = 16 / 3.3466 = 4.781: more, beyond noise; delta 30 − 10 = 20 a week.
        let up = Formulas.rateDifference(30, weeks: 1, 40, weeks: 4)
        #expect(abs(up.delta! - 20) < 1e-9 && abs(up.statistic! - 4.7809) < 1e-4 && up.verdict == .higher)
        // 72 against 81 the week before: p₀ = 1/2, z = (72 − 76.5) / √(153·0.25) = −0.7276: within noise.
        let same = Formulas.rateDifference(72, weeks: 1, 81, weeks: 1)
        #expect(abs(same.statistic! + 0.7276) < 1e-4 && same.verdict == .withinNoise)
        // 2 against 60 in 4 weeks (15 a week): z = (2 − 12.4) / √(62·0.2·0.8) = −3.302: fewer.
        #expect(Formulas.rateDifference(2, weeks: 1, 60, weeks: 4).verdict == .lower)
        // Under 10 events in all, or no weeks: nothing to test.
        #expect(Formulas.rateDifference(5, weeks: 1, 3, weeks: 1).verdict == .untestable)
        #expect(Formulas.rateDifference(5, weeks: 1, 30, weeks: 0).delta == nil)
    }

    @Test func correlationPAndHolm() {
        // r 0.78 on 11 pairs: z = atanh(0.78)·√8 = 1.0454·2.8284 = 2.9568, p = erfc(2.9568/√2) = 0.00311.
        #expect(abs(Formulas.correlationPValue(r: 0.78, n: 11)! - 0.00311) < 1e-4)
        #expect(Formulas.correlationPValue(r: 0.5, n: 3) == nil && Formulas.correlationPValue(r: 1, n: 20) == nil)
        // Holm on 0.01, 0.04, 0.03, 0.5: sorted 0.01·4 = 0.04, 0.03·3 = 0.09, 0.04·2 = 0.08 → 0.09 (monotone), 0.5·1 = 0.5.
        let q = Formulas.holm([0.01, 0.04, 0.03, 0.5])
        #expect(zip(q, [0.04, 0.09, 0.09, 0.5]).allSatisfy { abs($0 - $1) < 1e-12 })
        // 0.8·2 = 1.6 capped at 1, then 0.9·1 raised to the running 1.
        #expect(Formulas.holm([]).isEmpty && Formulas.holm([0.9, 0.8]) == [1, 1])
    }

    /// Times: 1, 2, 2, 3 and 600 minutes. The t interval is 121.6 ± 2.776·266.9/√5 and runs
    /// to −210.4; the bootstrap one stays between the smallest and largest time, and is the same
    /// at every run.
    @Test func durationIntervalsNeverRunBelowZero() {
        let times = [1.0, 2, 2, 3, 600]
        #expect(Formulas.mean(times).ciLow! < -200)
        let f = Formulas.durationMean(times)
        #expect(f.value == 121.6 && f.n == 5 && f.standardError == Formulas.mean(times).standardError)
        #expect(f.ciLow! >= 1 && f.ciHigh! <= 600 && f.ciLow! < f.value! && f.ciHigh! > f.value!)
        #expect(Formulas.durationMean(times) == f)
        #expect(Formulas.durationMean([5]).ciLow == nil && Formulas.durationMean([]).value == nil)
        // Over the bootstrap's limit: the t interval, its ends kept within the smallest and largest
        // time (600 times of 1–3 minutes and one of 10 days: the t interval alone goes below 0).
        let many = [Double](repeating: 1, count: 300) + [Double](repeating: 3, count: 300) + [14_400]
        let t = Formulas.mean(many)
        #expect(t.ciLow! < 1)
        let kept = Formulas.durationMean(many)
        #expect(kept.ciLow == 1 && kept.ciHigh == t.ciHigh && kept.value == t.value)
    }

    @Test func tooLittleDataIsNotTestable() {
        let one = Formulas.percentage(successes: 1, n: 1), many = Formulas.percentage(successes: 5, n: 10)
        #expect(Formulas.difference(one, many, test: .twoProportion).verdict == .untestable)
        #expect(Formulas.difference(.empty, many, test: .twoProportion).delta == nil)
        // Both sides without spread and equal: nothing to tell apart.
        #expect(Formulas.difference(Formulas.mean([4, 4]), Formulas.mean([4, 4, 4]), test: .welch).verdict == .withinNoise)
    }

    @Test func portalFiguresFromCounts() {
        // 1★×2, 3★×1, 4★×3, 5★×4: n 10, mean (2 + 3 + 12 + 20)/10 = 3.7, top-2 7/10, bottom-2 2/10.
        let counts = RatingCounts(scale: .fiveStars, counts: [1: 2, 3: 1, 4: 3, 5: 4])
        #expect(Formulas.meanRating(counts).value == 3.7)
        #expect(Formulas.topTwoBoxPercent(counts).value == 70)
        #expect(abs(Formulas.netStars(counts).value! - 50) < 1e-9)
        // 0–100: 1★ 0, 3★ 50, 4★ 75, 5★ 100 → (0 + 50 + 225 + 400)/10 = 67.5.
        #expect(Formulas.meanRating(counts.normalized).value == 67.5)
        // (10 · 3.7 + 10 · 4.0) / 20 = 3.85; two reviews at 5 with the same prior: (10 + 40)/12 = 4.1667.
        #expect(abs(Formulas.bayesianAverage(mean: 3.7, count: 10, priorMean: 4, priorWeight: 10)! - 3.85) < 1e-9)
        #expect(abs(Formulas.bayesianAverage(mean: 5, count: 2, priorMean: 4, priorWeight: 10)! - 4.1667) < 1e-4)
        // No reviews, no figure: the prior alone says nothing of the row.
        #expect(Formulas.bayesianAverage(mean: nil, count: 0, priorMean: 4, priorWeight: 10) == nil)
        // The interval of a mean stays inside the scale: 1 and 5 have a t interval past both ends.
        let wide = Formulas.meanRating(RatingCounts(scale: .fiveStars, counts: [1: 1, 5: 1]))
        #expect(wide.ciLow == 1 && wide.ciHigh == 5)
    }

    @Test func pearson() {
        // dx = −2…2, dy = (−1, −2, 1, 0, 2): Sxy 8, Sxx 10, Syy 10 → r = 0.8.
        let r = Formulas.pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])
        #expect(abs(r.value! - 0.8) < 1e-12)
        #expect(r.n == 5)
        // Fisher z: atanh(0.8) = 1.0986, ± 1.96/√2 = 1.3859 → tanh(−0.2873) = −0.2796, tanh(2.4845) = 0.9861.
        #expect(abs(r.ciLow! + 0.2796) < 1e-3 && abs(r.ciHigh! - 0.9861) < 1e-3)
        #expect(Formulas.pearson([1, 2], [1, 2]).value == nil)
        #expect(Formulas.pearson([1, 1, 1], [1, 2, 3]).value == nil)
    }
}
