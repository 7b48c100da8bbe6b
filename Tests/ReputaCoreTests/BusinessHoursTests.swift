import Foundation
import ReputaCore
import Testing

/// Open time between two instants (what the inbox counts down): checked against hours worked
/// out by hand on a calendar, in Rome's zone across a weekend and the end of summer time.
@Suite struct BusinessHoursTests {
    let hours = try! BusinessHours.parse("mon-fri 09:00-18:00; sat 10:00-14:00", zone: "Europe/Rome").get()

    func t(_ iso: String) -> Timestamp { Timestamp(utcISO: iso)! }

    @Test func openTimeCountsOnlyOpeningHours() {
        // Fri 2026-11-20 16:00 Rome (15:00Z) to Mon 2026-11-23 10:00 Rome (09:00Z):
        // Friday 16–18 (2 h) + Saturday 10–14 (4 h) + Monday 9–10 (1 h) = 7 h.
        #expect(hours.openSeconds(from: t("2026-11-20T15:00:00Z"), to: t("2026-11-23T09:00:00Z")) == 7 * 3600)
        // Inside one opening: wall time.
        #expect(hours.openSeconds(from: t("2026-11-24T08:15:00Z"), to: t("2026-11-24T09:00:00Z")) == 45 * 60)
        // Sunday night to Monday 08:59 Rome: nothing is open.
        #expect(hours.openSeconds(from: t("2026-11-22T20:00:00Z"), to: t("2026-11-23T07:59:00Z")) == 0)
        // Backwards or equal: nothing left.
        #expect(hours.openSeconds(from: t("2026-11-24T10:00:00Z"), to: t("2026-11-24T09:00:00Z")) == 0)
        // Across the change from summer time (Sun 2026-10-25): Fri 23 Oct 17:00 Rome (15:00Z) to
        // Mon 26 Oct 09:30 Rome (08:30Z, winter): Fri 1 h + Sat 4 h + Mon 30 min.
        #expect(hours.openSeconds(from: t("2026-10-23T15:00:00Z"), to: t("2026-10-26T08:30:00Z")) == 5 * 3600 + 1800)
    }

    @Test func openTimeUndoesAdding() {
        let start = t("2026-11-20T15:00:00Z")
        for seconds in [60, 3600, 4 * 3600, 24 * 3600, 72 * 3600] {
            #expect(hours.openSeconds(from: start, to: hours.adding(seconds, to: start)) == seconds, "\(seconds)")
        }
    }
}

/// When a source counts as stale: the larger of 7 days and 3 × the mean gap between its reviews.
@Suite struct StaleAfterTests {
    @Test func theThresholdIsSevenDaysOrThreeTypicalGaps() {
        let day: Int64 = 86_400
        func t(_ days: Int64) -> Timestamp { Timestamp(epochSeconds: 1_790_000_000 + days * day) }
        // Ten reviews over 9 days: gap 1 day, 3 gaps = 3 days < 7: 7 days.
        #expect(Formulas.staleAfter(reviews: 10, earliest: t(0), latest: t(9)) == 7 * day)
        // Three reviews over 20 days: gap 10 days: 30 days.
        #expect(Formulas.staleAfter(reviews: 3, earliest: t(0), latest: t(20)) == 30 * day)
        // Fewer than two reviews, or all at one instant: 7 days.
        #expect(Formulas.staleAfter(reviews: 1, earliest: t(0), latest: t(0)) == 7 * day)
        #expect(Formulas.staleAfter(reviews: 5, earliest: t(3), latest: t(3)) == 7 * day)
        #expect(Formulas.staleAfter(reviews: 0, earliest: nil, latest: nil) == 7 * day)
    }
}
