import ReputaCore
import Testing

/// Quiet hours in the company's zone, instants worked out by hand (Europe/Rome is UTC+1 in
/// winter, UTC+2 from 2026-03-29 02:00).
@Suite struct QuietHoursTests {
    func hours(_ text: String) throws -> QuietHours {
        try QuietHours.parse(text, zone: "Europe/Rome").get()
    }

    func at(_ iso: String) -> Timestamp { Timestamp(utcISO: iso)! }

    @Test func aNightlyRangeRunsPastMidnight() throws {
        let q = try hours("22:00-07:00")
        // Tuesday 23:30 in Rome is 22:30Z; quiet until Wednesday 07:00 Rome = 06:00Z.
        #expect(q.contains(at("2026-11-24T22:30:00Z")))
        #expect(q.end(after: at("2026-11-24T22:30:00Z")) == at("2026-11-25T06:00:00Z"))
        // Wednesday 03:00 Rome, after midnight: the same night.
        #expect(q.end(after: at("2026-11-25T02:00:00Z")) == at("2026-11-25T06:00:00Z"))
        // Noon and the first minute after the end are not quiet.
        #expect(!q.contains(at("2026-11-25T11:00:00Z")))
        #expect(q.end(after: at("2026-11-25T06:00:00Z")) == at("2026-11-25T06:00:00Z"))
        // 22:00 Rome sharp is quiet, 21:59 is not.
        #expect(q.contains(at("2026-11-25T21:00:00Z")) && !q.contains(at("2026-11-25T20:59:00Z")))
    }

    @Test func daysAreTheEveningsTheRangeStartsOn() throws {
        let q = try hours("fri 22:00-07:00; sat-sun 00:00-24:00")
        // Friday 23:00 Rome: quiet through the weekend, until Monday 00:00 Rome (Sunday 23:00Z).
        #expect(q.end(after: at("2026-11-27T22:00:00Z")) == at("2026-11-29T23:00:00Z"))
        // Thursday night is not quiet.
        #expect(!q.contains(at("2026-11-26T23:00:00Z")))
        let weekdays = try hours("mon-fri 22:00-07:00")
        // Saturday 06:00 Rome follows Friday's evening: quiet until 07:00 Rome = 06:00Z.
        #expect(weekdays.end(after: at("2026-11-28T05:00:00Z")) == at("2026-11-28T06:00:00Z"))
        // Sunday 06:00 Rome follows Saturday, not listed: not quiet.
        #expect(!weekdays.contains(at("2026-11-29T05:00:00Z")))
    }

    @Test func theEndIsInTheLocalTimeOfThatDayAcrossSummerTime() throws {
        // Saturday 2026-03-28 23:00 Rome (22:00Z, UTC+1); 07:00 on Sunday is already UTC+2 = 05:00Z.
        #expect(try hours("22:00-07:00").end(after: at("2026-03-28T22:00:00Z")) == at("2026-03-29T05:00:00Z"))
    }

    @Test func badTextSaysWhy() {
        for (text, problem) in [("25:00-07:00", "\"25:00-07:00\" is not a time range like 22:00-07:00"),
                                ("22:00-22:00", "\"22:00-22:00\" is not a time range like 22:00-07:00"),
                                ("fun 22:00-07:00", "\"fun\" is not a day or day range (mon…sun)"),
                                ("every night 22:00-07:00", "\"every night 22:00-07:00\" is not \"[DAYS] HH:MM-HH:MM\"")] {
            guard case .failure(let p) = QuietHours.parse(text, zone: "UTC") else {
                Issue.record("\(text) was accepted")
                continue
            }
            #expect(p.message == problem, "\(text)")
        }
    }
}
