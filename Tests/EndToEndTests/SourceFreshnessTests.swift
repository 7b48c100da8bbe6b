import Foundation
import Testing

/// `reputa sources` says when a source has gone quiet: stale once its newest review is older than
/// the larger of 7 days and 3 × its mean gap between reviews, or than its own `stale_after`. The
/// exports' dates are chosen so each threshold falls between two `REPUTA_NOW`s worked out by hand.
@Suite struct SourceFreshnessTests {
    /// A config whose first source reads daily.csv (reviews dated 11–20 November, one a day).
    static let daily = """
        version: 1
        store: "s.sqlite"
        timezone: UTC
        sources:
          - {name: daily, kind: csv, path: daily.csv, timezone: UTC, map: {id: id, date: date, rating: stars, text: text}}

        """
    static let dailyCSV = "id,date,stars,text\n" + (11...20).map { "d\($0),2026-11-\($0) 12:00:00,4,ok\n" }.joined()

    @Test func aSourceThatStoppedBringingReviewsIsStale() throws {
        let temp = try TempFolder()
        // Daily: ten reviews, 11–20 November (gap 1 day: the 7-day floor applies).
        _ = try temp.write("daily.csv", Self.dailyCSV)
        // Every ten days: 1, 11, 21 October (gap 10 days: stale after 30).
        _ = try temp.write("slow.csv", "id,date,stars,text\n" + [1, 11, 21].map { "s\($0),2026-10-\(String(format: "%02d", $0)) 12:00:00,4,ok\n" }.joined())
        let config = try temp.write("sources.yml", Self.daily + """
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

    /// `notifications.quiet_sources`: a stale source is told to its channels once per quiet spell,
    /// in each channel's language; a failed delivery is tried again next cycle; once the source
    /// brings reviews again, its next quiet spell is told again.
    @Test func aQuietSourceIsToldToItsChannelsOncePerSpell() throws {
        let temp = try TempFolder()
        let sink = try WebhookSink(fail: 1)
        _ = try temp.write("daily.csv", Self.dailyCSV)
        let config = try temp.write("sources.yml", Self.daily + """
            notifications:
              channels:
                - {name: ops, webhook: "http://127.0.0.1:\(sink.port)/ops", allow_private_network: true, lang: it}
                - {name: team, slack: "http://127.0.0.1:\(sink.port)/slack", allow_private_network: true}
              quiet_sources: [ops, team]
            """)
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        func cycle(_ now: String) throws -> Outcome {
            try reputa(["alerts", "send", "--config", config], environment: ["REPUTA_NOW": now])
        }
        // 21 Nov: the newest review is a day old: nothing to tell.
        _ = try cycle("2026-11-21T12:00:00Z")
        #expect(sink.requests.isEmpty)
        // The export goes missing: the source is failing now, and quiet by age all the same.
        try FileManager.default.removeItem(atPath: temp.path("daily.csv"))
        #expect(try reputa(["fetch", "--config", config], environment: ["REPUTA_NOW": "2026-11-28T11:00:00Z"]).status != 0)
        // 28 Nov: 8 days, past the 7-day floor. The first request (ops) fails: both are tried again next cycle.
        let first = try cycle("2026-11-28T12:00:00Z")
        #expect(sink.requests.count == 2 && first.stderr.contains("quiet sources: not delivered to ops"), "\(first.stderr)")
        let second = try cycle("2026-11-28T13:00:00Z")
        #expect(sink.requests.count == 4 && second.stderr.contains("quiet sources: ops told that daily went quiet"), "\(second.stderr)")
        let ops = try #require(sink.requests.last { ($0["path"] as? String) == "/ops" && ($0["status"] as? Int) == 200 })
        let opsBody = try #require(ops["body"] as? String)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(opsBody.utf8)) as? [String: Any])
        let told = try #require((body["quiet_sources"] as? [[String: Any]])?.first)
        #expect(told["source"] as? String == "daily" && told["status"] as? String == "failing"
                && told["newest_age_days"] as? Double == 8 && told["stale_after_days"] as? Double == 7)
        #expect((body["text"] as? String)?.hasPrefix("1 fonte silenziosa\ndaily: ultimo recupero non riuscito; ultima recensione 8 giorni fa; attesa entro 7 giorni") == true,
                "\(body)")
        let slack = try #require(sink.requests.last { ($0["path"] as? String) == "/slack" })
        #expect((slack["body"] as? String)?.contains("*1 source gone quiet*") == true)
        // The same spell is not told again.
        _ = try cycle("2026-11-29T12:00:00Z")
        #expect(sink.requests.count == 4)
        // A new review ends the spell; nine days later the next one is told.
        _ = try temp.write("daily.csv", "id,date,stars,text\n" + (11...30).map { "d\($0),2026-11-\($0) 12:00:00,4,ok\n" }.joined())
        #expect(try reputa(["fetch", "--config", config], environment: ["REPUTA_NOW": "2026-11-30T13:00:00Z"]).status == 0)
        _ = try cycle("2026-11-30T14:00:00Z")
        #expect(sink.requests.count == 4)
        _ = try cycle("2026-12-08T14:00:00Z")
        #expect(sink.requests.count == 6)
    }

    /// `sources` lists every source the store holds: a source brought by `reputa import
    /// --source` beside the configured ones, read as its import was; and without a config, from
    /// the store alone.
    @Test func sourcesTheConfigDoesNotNameAreListedToo() throws {
        let temp = try TempFolder()
        _ = try temp.write("daily.csv", Self.dailyCSV)
        _ = try temp.write("manual.csv", "id,date,stars,text\nm1,2026-11-01 10:00:00,2,slow\nm2,2026-11-02 10:00:00,5,ok\nm3,2026-11-03 10:00:00,4,ok\n")
        let config = try temp.write("sources.yml", Self.daily)
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        let imported = try reputa(["import", "--config", config, "--kind", "csv", "--source", "manual",
                                   "--map", "id=id,date=date,rating=stars,text=text", temp.path("manual.csv")])
        #expect(imported.status == 0, "\(imported.stderr)")
        func rows(_ arguments: [String]) throws -> [String: [String: Any]] {
            let out = try reputa(["sources", "--format", "json"] + arguments, environment: ["REPUTA_NOW": "2026-11-21T12:00:00Z"], cwd: temp.url)
            #expect(out.status == 0, "\(out.stderr)")
            return Dictionary(uniqueKeysWithValues: try jsonArray(out.stdout).map { ($0["source"] as? String ?? "", $0) })
        }
        let listed = try rows(["--config", config])
        #expect(listed.keys.sorted() == ["daily", "manual"])
        #expect(listed["daily"]?["defined_by"] as? String == "config" && listed["daily"]?["held"] as? Int == 10)
        let manual = try #require(listed["manual"])
        #expect(manual["defined_by"] as? String == "import" && manual["kind"] as? String == "csv" && manual["portal"] as? String == "csv")
        // Its newest review is 18 days old against the 7-day floor (gap 1 day): stale.
        #expect(manual["held"] as? Int == 3 && manual["status"] as? String == "stale" && manual["newest_age_days"] as? Double == 18.1)
        // Without a config, the store alone says the same.
        let bare = try rows(["--store", temp.path("s.sqlite")])
        #expect(bare.keys.sorted() == ["daily", "manual"] && bare["manual"]?["held"] as? Int == 3 && bare["daily"]?["held"] as? Int == 10)
    }
}
