import Foundation
import ReputaAnalysis
import ReputaCore
import Testing

/// The metrics engine on small hand-made data; every expected figure is worked out by hand
/// in the comment beside it.
@Suite struct MetricsEngineTests {
    static let rome = ZoneOffsets.of(TimeZone(identifier: "Europe/Rome")!)
    static let fiveScale = SurveyScale(parsing: "1-5")!

    /// 2026-11-16 is the Monday of ISO week 47.
    static func at(_ day: Int, hour: Int = 10) -> Timestamp {
        Timestamp(epochSeconds: (Timestamp.days(year: 2026, month: 11, day: day) * 86_400) + Int64(hour - 1) * 3600)
    }

    static func answer(_ id: String, _ metric: SurveyMetric, _ scale: SurveyScale, _ score: Double?, day: Int = 16,
                       location: String = "milano") -> SurveyAnswer {
        SurveyAnswer(responseID: id, question: metric.rawValue, metric: metric, scale: scale, score: score,
                     submittedAt: at(day), segments: ["location": location])
    }

    func rows(answers: [SurveyAnswer] = [], tickets: [Ticket] = [], periods: [CustomerPeriod] = [],
              health: [HealthSignal] = [], period: Period = .week, by: String? = nil,
              model: HealthModel = .standard) -> [MetricRow] {
        MetricsEngine.rows(answers: answers, tickets: tickets, periods: periods, health: health,
                           request: MetricsRequest(period: period, by: by, zone: Self.rome, health: model))
    }

    func row(_ rows: [MetricRow], _ metric: String, period: String = "2026-W47", segment: String = "all",
             scale: String? = nil) -> MetricRow? {
        rows.first { $0.metric == metric && $0.period == period && $0.segment == segment && (scale == nil || $0.scale == scale) }
    }

    @Test func npsEdgeCases() throws {
        // All promoters: 100, zero variance. All detractors: −100. n = 1 passive: 0.
        let promoters = (0..<4).map { Self.answer("p\($0)", .nps, .nps, [9, 10, 9, 10][$0]) }
        #expect(row(rows(answers: promoters), "nps")?.figure.value == 100)
        let detractors = (0..<3).map { Self.answer("d\($0)", .nps, .nps, [0, 6, 3][$0]) }
        #expect(row(rows(answers: detractors), "nps")?.figure.value == -100)
        let one = row(rows(answers: [Self.answer("x", .nps, .nps, 7)]), "nps")
        #expect(one?.figure.value == 0 && one?.figure.n == 1 && one?.detail.hasPrefix("promoters 0, passives 1, detractors 0") == true)
        // Boundaries: 6 detractor, 7 and 8 passive, 9 promoter → (1 − 1)/4 = 0.
        let edges = [6, 7, 8, 9].enumerated().map { Self.answer("e\($0.offset)", .nps, .nps, Double($0.element)) }
        let r = try #require(row(rows(answers: edges), "nps"))
        #expect(r.figure.value == 0 && r.detail == "promoters 1, passives 2, detractors 1")
        // Var = p + d − (p − d)² = 0.5, SE = √(0.5/4) = 0.35355; ±1.96·35.355 = ±69.30.
        #expect(abs(r.figure.ciHigh! - 69.2954) < 0.001 && abs(r.figure.ciLow! + 69.2954) < 0.001)
    }

    @Test func csatTopTwoBoxMeanAndLowScoresAtTheBoundaries() throws {
        // 1–5: 3 is low and not top-2; 4 is top-2 and not low.
        let answers = [3, 4, 5, 2].enumerated().map { Self.answer("c\($0.offset)", .csat, Self.fiveScale, Double($0.element)) }
        let out = rows(answers: answers)
        #expect(row(out, "csat_pct")?.figure.value == 50)            // 4, 5 of 4 answers
        #expect(row(out, "csat_mean")?.figure.value == 3.5)          // (3+4+5+2)/4
        #expect(row(out, "csat_low_count")?.figure.value == 2)       // 3, 2
        #expect(row(out, "csat_pct")?.scale == "1-5")
    }

    @Test func scalesAreNeverPooled() {
        let seven = SurveyScale(parsing: "1-7")!
        let answers = [Self.answer("a", .csat, Self.fiveScale, 5), Self.answer("b", .csat, seven, 5)]
        let out = rows(answers: answers).filter { $0.metric == "csat_pct" }
        // 5 on 1–5 is top-2; 5 on 1–7 is not (6–7 are): two rows, 100 and 0.
        #expect(out.map(\.scale) == ["1-5", "1-7"])
        #expect(out.map(\.figure.value) == [100, 0])
    }

    @Test func goodBadCSATExcludesOffered() {
        let answers = [1, 1, 0, nil, 1].enumerated().map { Self.answer("z\($0.offset)", .csat, .goodBad, $0.element) }
        let r = row(rows(answers: answers), "csat_pct")
        #expect(r?.figure.value == 75 && r?.figure.n == 4)           // 3 good ÷ (3 good + 1 bad)
        #expect(r?.detail == "good 3, bad 1; 1 offered, not answered")
        #expect(row(rows(answers: answers), "csat_mean") == nil)      // no mean of good/bad
        let low = row(rows(answers: answers), "csat_low_count")
        #expect(low?.figure.value == 1 && low?.figure.n == 4 && low?.detail == "bad 1 of 4")
    }

    @Test func cesAgreeOnlyOnTheSevenPointAgreementScale() {
        let seven = SurveyScale(parsing: "1-7")!
        let out = rows(answers: [7, 5, 2].enumerated().map { Self.answer("c\($0.offset)", .ces, seven, Double($0.element)) })
        #expect(abs(row(out, "ces_mean")!.figure.value! - 14.0 / 3) < 1e-9)
        #expect(abs(row(out, "ces_agree_pct")!.figure.value! - 200.0 / 3) < 1e-9)
        let effort = SurveyScale(parsing: "1-5 lower-better")!
        let old = rows(answers: [Self.answer("o", .ces, effort, 2)])
        #expect(row(old, "ces_mean")?.scale == "1-5 lower-better" && row(old, "ces_agree_pct") == nil)
    }

    @Test func emptyPeriodsHaveNoRowsAndSegmentsSplit() {
        let answers = [Self.answer("a", .nps, .nps, 10, day: 16, location: "milano"),
                       Self.answer("b", .nps, .nps, 0, day: 24, location: "roma")]
        let out = rows(answers: answers, by: "location")
        #expect(out.map { "\($0.period) \($0.segment) \($0.figure.value!)" } == ["2026-W47 milano 100.0", "2026-W48 roma -100.0"])
        #expect(rows(answers: []).isEmpty)
    }

    @Test func theReportingZoneDecidesTheWeek() {
        // Sunday 22 November 23:30 UTC is Monday 00:30 in Rome: week 48, not 47.
        var a = Self.answer("a", .nps, .nps, 10)
        a.submittedAt = Timestamp(epochSeconds: Timestamp.days(year: 2026, month: 11, day: 22) * 86_400 + 23 * 3600 + 1800)
        #expect(rows(answers: [a]).first?.period == "2026-W48")
    }

    static func ticket(_ id: String, reply: Double?, assign: Double?, resolution: Double?, reopens: Int = 0, replies: Int = 1,
                       business: Double? = nil) -> Ticket {
        Ticket(id: id, createdAt: at(17), firstReply: Elapsed(calendar: reply, business: business),
               firstAssign: Elapsed(calendar: assign), resolution: Elapsed(calendar: resolution),
               solved: resolution != nil, reopens: reopens, replies: replies)
    }

    @Test func helpdeskTimesLeaveUnresolvedTicketsOut() {
        let tickets = [Self.ticket("1", reply: 30, assign: 5, resolution: 120, business: 30),
                       Self.ticket("2", reply: 120, assign: 30, resolution: 1440, reopens: 1, replies: 2, business: 60),
                       Self.ticket("3", reply: nil, assign: nil, resolution: nil),
                       Self.ticket("4", reply: 60, assign: 20, resolution: 240)]
        let out = rows(tickets: tickets)
        let cal = "minutes (calendar)", bus = "minutes (business)"
        #expect(row(out, "first_response_time", scale: cal)?.figure.value == 70)        // (30+120+60)/3
        #expect(row(out, "first_response_time_median", scale: cal)?.figure.value == 60)
        #expect(row(out, "first_response_time_p90", scale: cal)?.figure.value == 120)   // rank ⌈2.7⌉ = 3
        #expect(row(out, "first_response_time", scale: bus)?.figure.value == 45)        // (30+60)/2
        #expect(row(out, "resolution_time", scale: cal)?.figure.value == 600)           // (120+1440+240)/3
        #expect(row(out, "resolution_time", scale: cal)?.figure.n == 3)
        #expect(row(out, "resolution_time", scale: cal)?.detail == "3 solved; 1 unresolved, not averaged")
        #expect(row(out, "resolution_time", scale: bus) == nil)
        #expect(row(out, "first_assign_time_median", scale: cal)?.figure.value == 20)   // 5, 20, 30
        let fcr = row(out, "fcr_pct")
        #expect(fcr?.figure.n == 3 && abs(fcr!.figure.value! - 200.0 / 3) < 1e-9)      // 1 and 4 of 1, 2, 4
    }

    static func counts(_ label: String, _ location: String, s: Int?, e: Int?, n: Int?, l: Int?, visits: Int? = nil,
                       sales: Int? = nil) -> CustomerPeriod {
        let r = Period.days(of: label)!
        return CustomerPeriod(first: r.first, last: r.last, segments: ["location": location], start: s, end: e, new: n, lost: l,
                              visits: visits, sales: sales)
    }

    @Test func churnRetentionConversion() {
        let periods = [Self.counts("2026-W46", "milano", s: 200, e: 190, n: 5, l: 15, visits: 4000, sales: 120),
                       Self.counts("2026-W47", "milano", s: 190, e: 196, n: 10, l: 4, visits: 4200, sales: 150),
                       Self.counts("2026-W47", "roma", s: 0, e: 12, n: 12, l: 0, visits: 0, sales: 0),
                       Self.counts("2026-10", "napoli", s: 100, e: 90, n: 4, l: 14)]
        let weekly = rows(periods: periods, by: "location")
        #expect(row(weekly, "churn_pct", period: "2026-W46", segment: "milano")?.figure.value == 5)      // (200−190)/200
        #expect(row(weekly, "retention_pct", period: "2026-W46", segment: "milano")?.figure.value == 92.5) // (190−5)/200
        #expect(row(weekly, "conversion_pct", period: "2026-W46", segment: "milano")?.figure.value == 3)  // 120/4000
        let grew = row(weekly, "churn_pct", segment: "milano")!
        #expect(abs(grew.figure.value! - (-600.0 / 190)) < 1e-9 && grew.figure.ciLow == nil)            // E > S: no interval
        let empty = row(weekly, "churn_pct", segment: "roma")!
        #expect(empty.figure == .empty && empty.detail == "S = 0: no customers at the start")
        #expect(row(weekly, "conversion_pct", segment: "roma")?.figure == .empty)                       // no visits
        // A month counted as a whole is never split into weeks.
        #expect(row(weekly, "churn_pct", period: "2026-10-01..2026-10-31", segment: "napoli")?.figure.value == 10)
        // Weeks roll up into their month: S of the first week, E of the last, N summed.
        let monthly = rows(periods: periods, period: .month, by: "location")
        #expect(row(monthly, "churn_pct", period: "2026-11", segment: "milano")?.figure.value == 2)          // (200−196)/200
        #expect(row(monthly, "retention_pct", period: "2026-11", segment: "milano")?.figure.value == 90.5)  // (196−15)/200
        #expect(row(monthly, "churn_pct", period: "2026-10", segment: "napoli")?.figure.value == 10)
    }

    @Test func healthScoreShowsItsComponents() throws {
        let model = HealthModel(components: [
            .init(name: "tenure", signal: "tenure", weight: 1, low: 0, high: 40),
            .init(name: "plan", signal: "plan", weight: 1, points: ["free": 0, "paid": 100]),
            .init(name: "nps", signal: "nps", weight: 2, low: 0, high: 10)],
            bands: [.init(name: "healthy", from: 70), .init(name: "at risk", from: 40), .init(name: "critical", from: 0)])
        let day = Day("2026-11-20")!
        let a = HealthSignal(customerID: "a", asOf: day, numbers: ["tenure": 20, "nps": 10], labels: ["plan": "paid"])
        let b = HealthSignal(customerID: "b", asOf: day, numbers: ["tenure": 80], labels: ["plan": "free"])
        // a: (50·1 + 100·1 + 100·2)/4 = 87.5, healthy. b: tenure clamps to 100; no nps: (100 + 0)/2 = 50, at risk.
        #expect(Formulas.healthScore(a, model: model).score == 87.5)
        #expect(Formulas.healthScore(b, model: model).band == "at risk")
        #expect(Formulas.healthScore(b, model: model).parts.map(\.points) == [100, 0, nil])
        let r = try #require(row(rows(health: [a, b], model: model), "health_score"))
        #expect(r.figure.value == 68.75 && r.figure.n == 2)
        #expect(r.detail == "healthy 1, at risk 1, critical 0, tenure 75 ×1, plan 50 ×1, nps 100 ×2")
    }
}
