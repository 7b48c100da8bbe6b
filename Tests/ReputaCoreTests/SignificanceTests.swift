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
