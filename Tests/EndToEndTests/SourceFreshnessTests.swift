import Foundation
import Testing

/// `reputa sources` says when a source has gone quiet: stale once its newest review is older than
/// the larger of 7 days and 3 × its mean gap between reviews, or than its own `stale_after`. The
/// exports' dates are chosen so each threshold falls between two `REPUTA_NOW`s worked out by hand.
@Suite struct SourceFreshnessTests {
    @Test func aSourceThatStoppedBringingReviewsIsStale() throws {
        let temp = try TempFolder()
        // Daily: ten reviews, 11–20 November (gap 1 day: the 7-day floor applies).
        _ = try temp.write("daily.csv", "id,date,stars,text\n" + (11...20).map { "d\($0),2026-11-\($0) 12:00:00,4,ok\n" }.joined())
        // Every ten days: 1, 11, 21 October (gap 10 days: stale after 30).
        _ = try temp.write("slow.csv", "id,date,stars,text\n" + [1, 11, 21].map { "s\($0),2026-10-\(String(format: "%02d", $0)) 12:00:00,4,ok\n" }.joined())
        let config = try temp.write("sources.yml", """
            version: 1
            store: "s.sqlite"
            timezone: UTC
            sources:
              - {name: daily, kind: csv, path: daily.csv, timezone: UTC, map: {id: id, date: date, rating: stars, text: text}}
              - {name: slow, kind: csv, path: slow.csv, timezone: UTC, map: {id: id, date: date, rating: stars, text: text}}
              - {name: strict, kind: csv, path: daily.csv, timezone: UTC, stale_after: 2d, map: {id: id, date: date, rating: stars, text: text}}
              - {name: missing, kind: csv, path: none.csv, timezone: UTC, map: {id: id, date: date, rating: stars, text: text}}
            """)
        _ = try reputa(["fetch", "--config", config])
        func status(at now: String) throws -> [String: String] {
            let out = try reputa(["sources", "--config", config, "--format", "json"], environment: ["REPUTA_NOW": now])
            #expect(out.status == 0, "\(out.stderr)")
            return Dictionary(uniqueKeysWithValues: try jsonArray(out.stdout).map { ($0["source"] as? String ?? "", $0["status"] as? String ?? "") })
        }
        // 21 Nov: one day after the daily sources' last review, a month after the slow one's.
        #expect(try status(at: "2026-11-21T12:00:00Z") == ["daily": "ok", "slow": "stale", "strict": "ok", "missing": "failing"])
        // 10 Nov: the slow source's last review is 20 days old, under its 30.
        #expect(try status(at: "2026-11-10T12:00:00Z")["slow"] == "ok")
        // 24 Nov: 4 days: past strict's 2 days, under daily's 7.
        #expect(try status(at: "2026-11-24T12:00:00Z") == ["daily": "ok", "slow": "stale", "strict": "stale", "missing": "failing"])
        // 28 Nov: 8 days: the daily source too.
        #expect(try status(at: "2026-11-28T12:00:00Z")["daily"] == "stale")
        let row = try jsonArray(try reputa(["sources", "--config", config, "--format", "json"],
                                           environment: ["REPUTA_NOW": "2026-11-28T12:00:00Z"]).stdout).first { $0["source"] as? String == "slow" }
        #expect(row?["stale_after_days"] as? Double == 30 && row?["newest_age_days"] as? Double == 38)
    }
}
