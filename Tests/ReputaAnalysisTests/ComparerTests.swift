import Foundation
import Testing
import ReputaCore
@testable import ReputaAnalysis

/// The comparer on small hand-made tallies; every expected figure is worked out in the comments.
@Suite struct ComparerTests {
    static let zone = ZoneOffsets.of(TimeZone(identifier: "Europe/Rome")!)
    func tally(_ week: String, _ rating: Double?, _ count: Int, location: String = "milano", portal: String = "google",
               competitor: String = "", replied: Int = 0) -> ReviewTally {
        ReviewTally(source: competitor.isEmpty ? "gbp-\(location)" : "rival", portal: portal, location: location,
                    competitor: competitor, week: week, rating: rating, scale: .fiveStars, count: count, replied: replied)
    }

    var inputs: CompareInputs {
        CompareInputs(
            tallies: [tally("2026-W47", 5, 3, replied: 2), tally("2026-W47", 4, 1), tally("2026-W47", 1, 1),
                      tally("2026-W46", 5, 1), tally("2026-W46", 2, 2),
                      tally("2026-W47", 3, 4, location: "roma"),
                      tally("2026-W47", 5, 2, portal: "tripadvisor", competitor: "Rival")],
            delays: [ReplyDelay(source: "gbp-milano", location: "milano", competitor: "", week: "2026-W47", minutes: 60),
                     ReplyDelay(source: "gbp-milano", location: "milano", competitor: "", week: "2026-W47", minutes: 300),
                     ReplyDelay(source: "gbp-milano", location: "milano", competitor: "", week: "2026-W47", minutes: 120)],
            answers: [SurveyAnswer(responseID: "r1", question: "Q2", metric: .csat, scale: SurveyScale(parsing: "1-5")!, score: 5,
                                   submittedAt: Timestamp(epochSeconds: 1_794_996_000), segments: ["location": "milano"])],
            benchmarks: [Benchmark(metric: "csat_pct", scale: "1-10", value: 80, subject: "Restaurants", source: "s", year: 2025, method: "m"),
                         Benchmark(metric: "rating_mean", scale: "1-5", value: 4.5, subject: "Restaurants", source: "s", year: 2025, method: "m")])
    }

    func compare(_ week: String = "2026-W47") throws -> Comparison {
        try #require(Comparer.compare(inputs, CompareRequest(week: week, weeks: 4, zone: Self.zone, locationOrder: ["milano", "roma"])))
    }

    @Test func gridFiguresAndWeekOverWeek() throws {
        let c = try compare()
        #expect(c.windowWeeks == ["2026-W44", "2026-W45", "2026-W46", "2026-W47"])
        #expect(c.previousWeek == "2026-W46")
        let milano = try #require(c.cells.first { $0.location == "milano" && $0.portal == "google" })
        // 5★×3, 4★, 1★: mean 20/5 = 4, distribution [1,0,0,1,3], top-2 4/5, replied 2/5.
        #expect(milano.week.reviews == 5)
        #expect(abs(milano.week.mean.value! - 4) < 1e-12)
        #expect(milano.week.distribution == [1, 0, 0, 1, 3])
        #expect(milano.week.topTwo.value == 80)
        #expect(milano.week.responseRate.value == 40)
        // Reply delays 60, 120, 300: mean 160, median 120.
        #expect(milano.week.responseTime.value == 160)
        #expect(milano.week.responseTimeMedian.value == 120)
        // Previous week 5★, 2★×2: top-2 1/3. 4/5 vs 1/3 → pooled 5/8, SE = √(0.625·0.375·(1/5 + 1/3)) = 0.35355,
        // z = 0.46667 / 0.35355 = 1.32: within noise.
        let top2 = try #require(milano.weekOverWeek.first { $0.metric == "top2_pct" }?.difference)
        #expect(abs(top2.statistic! - 1.3199) < 1e-3)
        #expect(top2.verdict == .withinNoise)
        #expect(c.cells.map { "\($0.location)/\($0.portal)" } == ["milano/google", "milano/all", "roma/google", "roma/all", "all/google", "all/all"])
    }

    @Test func competitorWithTwoReviewsIsRankedWithItsTinyN() throws {
        let c = try compare()
        let rival = try #require(c.competitors.first)
        #expect(rival.competitor == "Rival" && rival.week.reviews == 2)
        // Prior: every review of the week on 0–100: milano 100×3, 75, 0; roma 50×4; rival 100×2
        // → (300 + 75 + 0 + 200 + 200) / 11 = 70.4545. Milano: (5·75 + 10·70.4545)/15 = 71.9697;
        // Rival: (2·100 + 10·70.4545)/12 = 75.3788 — two perfect reviews barely move it.
        let prior = 775.0 / 11
        #expect(abs(rival.week.bayesian! - (200 + 10 * prior) / 12) < 1e-9)
        let ours = try #require(c.cells.first { $0.location == "milano" && $0.portal == "all" })
        #expect(abs(ours.week.bayesian! - (375 + 10 * prior) / 15) < 1e-9)
        #expect(c.ranks.map(\.name) == ["Rival", "us"])
        #expect(c.ranks.map(\.reviews) == [2, 5])
        // Versus us: top-2 2/2 vs 4/5 on n 2 and 5 is within noise.
        #expect(rival.versusUs.first { $0.metric == "top2_pct" }?.difference.verdict == .withinNoise)
    }

    /// Equal Bayesian averages (to the decimal shown) share a rank, the next rank skips (1, 1, 3),
    /// and a competitor without reviews that week is not ranked.
    @Test func tiesShareARankAndNoReviewsNoRank() throws {
        // Milano that week: us 4★×2 and Twin 4★×2 (the same figures); Low 3★×2; Quiet only in W46.
        let inputs = CompareInputs(tallies: [tally("2026-W47", 4, 2), tally("2026-W47", 4, 2, competitor: "Twin"),
                                             tally("2026-W47", 3, 2, competitor: "Low"), tally("2026-W46", 5, 3, competitor: "Quiet")],
                                   delays: [], answers: [], benchmarks: [])
        let c = try #require(Comparer.compare(inputs, CompareRequest(week: "2026-W47", weeks: 4, zone: Self.zone, locationOrder: ["milano"])))
        let ranks = Dictionary(uniqueKeysWithValues: c.ranks.map { ($0.name, $0.rank) })
        #expect(ranks["us"] == 1 && ranks["Twin"] == 1 && ranks["Low"] == 3)
        #expect(ranks["Quiet"] == .some(nil) && c.ranks.first { $0.name == "Quiet" }?.bayesian == nil)
    }

    /// A competitor is compared with us on its own portal when we are there too; else with all
    /// our portals, and the comparison says it is cross-portal.
    @Test func competitorsOnTheSamePortalOrSaidToBeCrossPortal() throws {
        let cross = try compare()
        #expect(cross.competitors.first?.crossPortal == true && cross.competitors.first?.ourPortal == "google")
        #expect(cross.ranks.allSatisfy { $0.crossPortal && $0.group == "tripadvisor" })
        // Us on Tripadvisor in Milano too (2★×2 in W47): Rival (5★×2) against those two only.
        var inputs = self.inputs
        inputs.tallies.append(tally("2026-W47", 2, 2, portal: "tripadvisor"))
        let c = try #require(Comparer.compare(inputs, CompareRequest(week: "2026-W47", weeks: 4, zone: Self.zone, locationOrder: ["milano", "roma"])))
        let rival = try #require(c.competitors.first)
        #expect(rival.crossPortal == false && rival.ourPortal == "tripadvisor")
        // top-2: 2/2 against 0/2.
        #expect(rival.versusUs.first { $0.metric == "top2_pct" }?.difference.delta == 100)
        let us = try #require(c.ranks.first { $0.name == "us" })
        #expect(us.reviews == 2 && us.portal == "tripadvisor" && !us.crossPortal && us.rank == 2)
        let h = try #require(ReportHeadline(c, complaints: nil))
        #expect(h.standings == [ReportHeadline.Standing(location: "milano", rank: 2, of: 2, tiedWith: [], competitorPortal: "tripadvisor",
                                                        ourPortal: "tripadvisor", crossPortal: false)])
    }

    /// The headline's baseline: the 4 weeks before the week (here the window's 3), pooled.
    @Test func theHeadlineAgainstThePreviousWeeks() throws {
        let c = try compare()
        #expect(c.baselineWeeks == ["2026-W44", "2026-W45", "2026-W46"])
        let h = try #require(ReportHeadline(c, complaints: nil))
        // Ours, all locations, W47: milano 5×3, 4, 1 and roma 3×4 → 9 reviews, mean (15 + 4 + 1 + 12)/9 = 3.5556 stars.
        #expect(h.scale == "1-5" && h.reviews == 9 && abs(h.average.value! - 32.0 / 9) < 1e-12)
        // W46: 5, 2, 2 → 3 reviews, mean 3; the baseline is the same 3 reviews over 3 weeks: 1 a week.
        #expect(h.previousReviews == 3 && h.previousAverage.value == 3 && h.baselineReviewsPerWeek == 1)
        // Volume 9 against 3: p₀ = 1/2, z = (9 − 6)/√3 = 1.732 (within noise); against 3 in 3 weeks:
        // p₀ = 1/4, z = (9 − 3)/√(12·0.1875) = 4.0 (more, beyond noise).
        #expect(h.volumeVsPrevious.verdict == .withinNoise && h.volumeVsBaseline.verdict == .higher)
        #expect(!h.emptyWeek && h.standings.count == 1)
    }

    @Test func locationsWithoutSurveysAndWeeksWithoutData() throws {
        let c = try compare()
        let roma = try #require(c.internalCells.first { $0.location == "roma" && $0.metric == "csat_pct" })
        #expect(roma.week == .empty)
        #expect(roma.detail == "no survey answers at this location this week")
        #expect(c.internalCells.first { $0.location == "milano" && $0.metric == "csat_pct" }?.week.value == 100)

        let later = try compare("2026-W48")
        let milano = try #require(later.cells.first { $0.location == "milano" && $0.portal == "google" })
        #expect(milano.week.reviews == 0)
        #expect(milano.week.mean == .empty && milano.week.topTwo == .empty)
        #expect(milano.weekOverWeek.allSatisfy { $0.difference.verdict == .untestable })
    }

    @Test func benchmarksOnlyBesideTheSameScale() throws {
        let c = try compare()
        let csat = try #require(c.benchmarks.first { $0.benchmark.metric == "csat_pct" })
        #expect(csat.refusal == "not compared: our csat_pct is on 1-5, the benchmark on 1-10; figures on different scales are never compared")
        let rating = try #require(c.benchmarks.first { $0.benchmark.metric == "rating_mean" })
        #expect(rating.refusal == nil)
        // Our window (W44–W47): milano 5 + 3, roma 4 = 12 reviews, mean (15 + 4 + 1 + 5 + 4 + 12)/12 = 41/12.
        #expect(rating.ours?.n == 12)
        #expect(abs(rating.ours!.value! - 41.0 / 12) < 1e-12)
        #expect(rating.verdict == "ours below")
        #expect(Benchmark.scaleProblem(metric: "nps", scale: "1-10") != nil)
        #expect(Benchmark.scaleProblem(metric: "csat_pct", scale: "good-bad") == nil)
        #expect(Benchmark.scaleProblem(metric: "acsi", scale: "0-100") == nil)
    }
}
