import ReputaCore
import Testing

/// Every expected value here was worked out by hand from the definition in
/// `../shared/notes/metrics.md` (and cross-checked in a Python shell), never by running the
/// code under test.
@Suite struct FormulaTests {
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 0.0005) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func wilsonMatchesPublishedValues() throws {
        // 8 of 10: 0.4902–0.9433 (Newcombe 1998, table I, method 3).
        let eight = try #require(Formulas.wilson(successes: 8, n: 10))
        #expect(close(eight.low, 0.49016) && close(eight.high, 0.94332))
        // 0 of 3 keeps its lower bound at 0 and is still an interval.
        let none = try #require(Formulas.wilson(successes: 0, n: 3))
        #expect(none.low == 0 && close(none.high, 0.56150))
        #expect(Formulas.wilson(successes: 1, n: 0) == nil)
        #expect(Formulas.wilson(successes: 4, n: 3) == nil)
    }

    @Test func csatIsTheTopTwoBoxShareNotTheMean() throws {
        // 1–5: 5, 4, 4 are top-2 of five answers → 60 %; Wilson 3/5 = 23.07–88.24 %.
        let csat = try Formulas.csatPercent([5, 4, 3, 4, 1], scale: .fiveStars)
        #expect(csat.value == 60 && csat.n == 5)
        #expect(close(csat.ciLow, 23.0724, 0.001) && close(csat.ciHigh, 88.2379, 0.001))
        // Box boundaries per scale: 6–7 on 1–7, 9–10 on 1–10.
        #expect(try Formulas.csatPercent([7, 6, 5], scale: RatingScale(min: 1, max: 7)).value.map { ($0 * 100).rounded() } == 6667)
        #expect(try Formulas.csatPercent([9, 8, 10, 1], scale: RatingScale(min: 1, max: 10)).value == 50)
        #expect(try Formulas.csatMean([5, 4, 3, 4, 1], scale: .fiveStars).value == 3.4)
        // Zendesk good/bad: offered-but-unanswered is in neither count.
        #expect(Formulas.csatPercent(good: 3, bad: 1).value == 75)
        #expect(Formulas.csatPercent(good: 0, bad: 0) == .empty)
    }

    @Test func lowScoresAreAtOrBelowTheMidpoint() throws {
        #expect(try Formulas.lowScoreCount([5, 4, 3, 4, 1], scale: .fiveStars).value == 2)
        #expect(try Formulas.lowScoreCount([4, 5, 7], scale: RatingScale(min: 1, max: 7)).value == 1)
    }

    @Test func scoresOutsideTheScaleAreRefused() {
        #expect(throws: MetricError(metric: "csat_pct", message: "score 9 is not a point of the declared 1-5 scale")) {
            try Formulas.csatPercent([5, 9], scale: .fiveStars)
        }
        #expect(throws: MetricError.self) { try Formulas.csatMean([4.5], scale: .fiveStars) }
        #expect(throws: MetricError.self) { try Formulas.nps([11]) }
        #expect(throws: MetricError(metric: "ces_agree_pct", message: "defined on the 1-7 agreement scale only, not on 1-5")) {
            try Formulas.cesAgreePercent([1, 2], scale: .fiveStars)
        }
    }

    @Test func npsCountsPassivesInTheDenominator() throws {
        // Promoters 10, 9, 9, 10; passives 8, 7; detractors 6, 3, 0, 5 → 40 % − 40 % = 0.
        // Var = 0.4 + 0.4 − 0² = 0.8; SE = √(0.8/10); half-width 1.96·SE·100 = 55.436.
        let nps = try Formulas.nps([10, 9, 9, 8, 7, 6, 3, 0, 10, 5])
        #expect(nps.promoters == 4 && nps.passives == 2 && nps.detractors == 4)
        #expect(nps.figure.value == 0 && nps.figure.n == 10)
        #expect(close(nps.figure.ciLow, -55.436, 0.001) && close(nps.figure.ciHigh, 55.436, 0.001))
        // Edge cases: all promoters, all detractors, n = 1, the 6/7 and 8/9 boundaries.
        #expect(try Formulas.nps([9, 10, 10]).figure == Figure(value: 100, n: 3, ciLow: 100, ciHigh: 100, standardError: 0))
        #expect(try Formulas.nps([0, 6]).figure.value == -100)
        #expect(try Formulas.nps([7]).figure == Figure(value: 0, n: 1))   // one answer: no interval
        let boundaries = try Formulas.nps([6, 7, 8, 9])
        #expect(boundaries.detractors == 1 && boundaries.passives == 2 && boundaries.promoters == 1)
        #expect(try Formulas.nps([]).figure == .empty)
    }

    @Test func cesMeanAndAgreement() throws {
        let ces = RatingScale(min: 1, max: 7)
        #expect(try Formulas.cesAgreePercent([5, 4, 7, 1], scale: ces).value == 50)
        #expect(try Formulas.cesMean([5, 4, 7, 1], scale: ces).value == 4.25)
    }

    @Test func meanHasAStudentTInterval() {
        // Mean 5, s = √(32/7) = 2.13809, t(0.975, 7) = 2.365 → 5 ± 1.78777.
        let m = Formulas.mean([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(m.value == 5 && m.n == 8)
        #expect(close(m.ciLow, 3.21223) && close(m.ciHigh, 6.78777))
        #expect(Formulas.mean([3]) == Figure(value: 3, n: 1))
        #expect(Formulas.mean([]) == .empty)
    }

    @Test func medianAndNearestRankPercentile() {
        #expect(Formulas.median([3, 1, 2]).value == 2)
        #expect(Formulas.median([4, 1, 3, 2]).value == 2.5)
        let oneToTen = (1...10).map(Double.init)
        #expect(Formulas.percentile(90, of: oneToTen).value == 9)          // rank ⌈9⌉ = 9
        #expect(Formulas.percentile(90, of: oneToTen + [11]).value == 10)  // rank ⌈9.9⌉ = 10
        #expect(Formulas.percentile(90, of: [5]).value == 5)
        let d = Formulas.duration([30, 10, 20, 600])
        #expect(d.mean.value == 165 && d.median.value == 25 && d.p90.value == 600)
    }

    @Test func customerRatesFollowTheirDefinitions() {
        #expect(Formulas.churnPercent(start: 200, end: 180).value == 10)
        #expect(Formulas.retentionPercent(start: 200, end: 180, new: 30).value == 75)
        #expect(Formulas.churnPercent(start: 0, end: 5) == .empty)       // S = 0: absent, not a division by zero
        #expect(Formulas.retentionPercent(start: 0, end: 5, new: 5) == .empty)
        let conversion = Formulas.conversionPercent(sales: 25, visits: 1000)
        #expect(conversion.value == 2.5 && close(conversion.ciLow, 1.6990, 0.001) && close(conversion.ciHigh, 3.6645, 0.001))
        #expect(Formulas.conversionPercent(sales: 0, visits: 0) == .empty)
        #expect(Formulas.fcrPercent(resolvedAtFirstContact: 3, solved: 4).value == 75)
    }
}
