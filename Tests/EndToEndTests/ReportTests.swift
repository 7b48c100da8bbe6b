import Foundation
import ReputaStoreTesting
import Testing

/// `reputa report weekly` in every format, with hostile review text, and `run`'s report.
@Suite struct ReportTests {
    /// A week without reviews says so and names the latest week that has some; no Bayesian
    /// average and no rank stand on no reviews (the demo's data ends in W47).
    @Test func anEmptyWeekSaysSoAndRanksNobody() throws {
        let md = try reputa(["report", "weekly", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore,
                             "--week", "2026-W48", "--format", "md"])
        #expect(md.status == 0 && md.stdout.contains("23–29 Nov 2026 (2026-W48): No reviews in this week. The latest week with reviews is 2026-W47 (16–22 Nov 2026).\n"), "\(md.stdout.prefix(800))")
        #expect(!md.stdout.contains("Rank among competitors"))
        let it = try reputa(["report", "weekly", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore,
                             "--week", "2026-W48", "--format", "html", "--lang", "it"])
        #expect(it.stdout.contains("23–29 nov 2026 (2026-W48): Nessuna recensione in questa settimana. L&#39;ultima settimana con recensioni è la 2026-W47 (16–22 nov 2026)."))
        #expect(md.stdout.hasPrefix("# Weekly reputation report 2026-W48 (23–29 Nov 2026)"))
        let json = try reputa(["report", "weekly", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore,
                               "--week", "2026-W48", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let comparison = try #require(doc["comparison"] as? [String: Any])
        let ranks = try #require(comparison["ranks"] as? [[String: Any]])
        // (A figure that does not exist is left out of the JSON.)
        #expect(!ranks.isEmpty && ranks.allSatisfy { $0["rank"] == nil && $0["bayesian"] == nil && $0["reviews"] as? Int == 0 })
        for cell in try #require(comparison["cells"] as? [[String: Any]]) {
            #expect((cell["week"] as? [String: Any])?["bayesian"] == nil)
        }
        let headline = try #require(doc["headline"] as? [String: Any])
        #expect(headline["empty_week"] as? Bool == true && headline["latest_week_with_reviews"] as? String == "2026-W47")
        #expect((headline["standings"] as? [[String: Any]])?.allSatisfy { $0["rank"] == nil } == true)
        // W47 has reviews: every entry ranked, from 1.
        let w47 = try #require(try JSONSerialization.jsonObject(with: Data(try reputa(["report", "weekly", "--config", CompareTests.demoConfig,
            "--store", CompareTests.demoStore, "--week", "2026-W47", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let ranked = ((w47["comparison"] as? [String: Any])?["ranks"] as? [[String: Any]]) ?? []
        #expect(ranked.contains { $0["rank"] as? Int == 1 })
    }

    /// The headline of the demo's W47 against figures worked out from the generator's record
    /// (Support/headline_oracle.py: averages, volumes, SciPy's Welch test, ranks), sentence by
    /// sentence in English and Italian; the complaints against `reputa flags`' own list.
    @Test func theHeadlineOfW47MatchesTheOracle() throws {
        let now = ["REPUTA_NOW": "2026-12-06T09:00:00Z"]
        let run = try python("headline_oracle.py", [packageRoot.appendingPathComponent("snapshots/truth.json").path,
                                                    CompareTests.demoConfig, "2026-W47"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        func report(_ format: String, _ lang: String) throws -> String {
            try reputa(["report", "weekly", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore, "--week", "2026-W47",
                        "--format", format, "--lang", lang], environment: now).stdout
        }
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(try report("json", "en").utf8)) as? [String: Any])
        let h = try #require(doc["headline"] as? [String: Any])
        func value(_ key: String) -> Double? { (h[key] as? [String: Any])?["value"] as? Double }
        func verdict(_ key: String) -> String? { (h[key] as? [String: Any])?["verdict"] as? String }
        let average = try #require(o["average"] as? Double), previous = try #require(o["previous_average"] as? Double)
        let baseline = try #require(o["baseline_average"] as? Double)
        let (n, nPrev, nBase) = (try #require(o["reviews"] as? Int), try #require(o["previous_reviews"] as? Int),
                                 try #require(o["baseline_reviews"] as? Int))
        #expect(abs((value("average") ?? -1) - average) < 1e-9 && h["reviews"] as? Int == n)
        #expect(abs((value("previous_average") ?? -1) - previous) < 1e-9 && h["previous_reviews"] as? Int == nPrev)
        #expect(abs((value("baseline_average") ?? -1) - baseline) < 1e-9)
        #expect(h["baseline_weeks"] as? [String] == o["baseline_weeks"] as? [String])
        for key in ["average_vs_previous", "average_vs_baseline", "volume_vs_previous", "volume_vs_baseline"] {
            #expect(verdict(key) == o[key] as? String, "\(key)")
        }

        // The sentences, composed here from the oracle's figures.
        func signed(_ d: Double, _ comma: Bool) -> String {
            let s = (d > 0 ? "+" : d < 0 ? "−" : "±") + String(format: "%.2f", abs(d)) + "★"
            return comma ? s.replacingOccurrences(of: ".", with: ",") : s
        }
        func words(_ verdict: String, _ delta: Double, it: Bool) -> String {
            let size = String(format: "%.2f", abs(delta)) + "★"
            switch verdict {
            case "within noise": return (it ? "nessuna variazione oltre il rumore (" : "no change beyond noise (") + signed(delta, it) + ")"
            case "higher": return (it ? "in aumento di " + size.replacingOccurrences(of: ".", with: ",") + ", oltre il rumore" : "up \(size), beyond noise")
            case "lower": return (it ? "in calo di " + size.replacingOccurrences(of: ".", with: ",") + ", oltre il rumore" : "down \(size), beyond noise")
            default: return signed(delta, it) + (it ? ", troppo poche recensioni per dirlo" : ", too few reviews to tell")
            }
        }
        let standings = try #require(o["standings"] as? [String: [String: Int]])
        #expect(standings.count == 3)
        let english = try report("md", "en"), italian = try report("md", "it")
        let mean2 = String(format: "%.2f", average)
        #expect(english.contains("16–22 Nov 2026 (2026-W47): average \(mean2)★ on \(n) reviews.\n"), "\(english.prefix(1500))")
        #expect(english.contains("Against the previous week: " + words(o["average_vs_previous"] as! String, average - previous, it: false)
            + "; against the previous 4 weeks: " + words(o["average_vs_baseline"] as! String, average - baseline, it: false) + ".\n"))
        #expect(italian.contains("16–22 nov 2026 (2026-W47): media \(mean2.replacingOccurrences(of: ".", with: ","))★ su \(n) recensioni.\n"),
                "\(italian.prefix(1500))")
        #expect(italian.contains("Rispetto alla settimana precedente: " + words(o["average_vs_previous"] as! String, average - previous, it: true)
            + "; rispetto alle 4 settimane precedenti: " + words(o["average_vs_baseline"] as! String, average - baseline, it: true) + ".\n"))
        let perWeek = String(format: "%.1f", Double(nBase) / 4)
        #expect(english.contains("Volume: \(n) against \(nPrev) the previous week"))
        #expect(english.contains("and \(perWeek) a week in the previous 4 weeks"))
        // Our rank at each location among its competitors, who are on Tripadvisor while we are not: cross-portal, and said so.
        // Every location compares the same portals, so they are said once.
        var en = "Rank among competitors (tripadvisor; cross-portal: ours on google+trustpilot): "
        var it = "Posizione tra i concorrenti (tripadvisor; tra portali diversi: le nostre su google+trustpilot): "
        for (i, location) in ["milano", "roma", "napoli"].enumerated() {
            let s = try #require(standings[location])
            let rank = try #require(s["rank"]), of = try #require(s["of"])
            let ordinal = rank == 1 ? "1st" : rank == 2 ? "2nd" : rank == 3 ? "3rd" : "\(rank)th"
            en += (i > 0 ? "; " : "") + "\(location) \(ordinal) of \(of)"
            it += (i > 0 ? "; " : "") + "\(location) \(rank)º su \(of)"
        }
        #expect(english.contains(en + ".\n"), "\(en)")
        #expect(italian.contains(it + ".\n"), "\(it)")

        // Complaints: from the flags' own list at the same moment.
        let list = try reputa(["flags", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore, "--status", "all", "--format", "json"],
                              environment: now)
        let flags = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let rome = TimeZone(identifier: "Europe/Rome")!
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = rome
        let iso = ISO8601DateFormatter()
        let week = flags.filter { f in
            guard let created = (f["created_at"] as? String).flatMap(iso.date(from:)) else { return false }
            let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: created)
            return c.yearForWeekOfYear == 2026 && c.weekOfYear == 47
        }
        let complaints = try #require(h["complaints"] as? [String: Any])
        #expect(complaints["flagged"] as? Int == week.count && week.count > 0)
        #expect(complaints["urgent"] as? Int == week.filter { $0["level"] as? String == "urgent" }.count)
        #expect(complaints["overdue"] as? Int == flags.filter { $0["overdue"] as? Bool == true }.count)
        let replies = week.compactMap { $0["resolution"] as? String == "reply" ? $0["response_minutes"] as? Double : nil }.sorted()
        let median = replies.isEmpty ? nil : replies.count % 2 == 1 ? replies[replies.count / 2]
            : (replies[replies.count / 2 - 1] + replies[replies.count / 2]) / 2
        #expect(((complaints["response_median"] as? [String: Any])?["value"] as? Double) == median)
        var known = 0, inTime = 0
        let nowDate = iso.date(from: "2026-12-06T09:00:00Z")!
        for f in week {
            let due = iso.date(from: f["due_at"] as! String)!
            if f["resolution"] as? String == "reply", let m = f["response_minutes"] as? Double {
                known += 1
                if iso.date(from: f["created_at"] as! String)!.addingTimeInterval((m * 60).rounded()) <= due { inTime += 1 }
            } else if f["status"] as? String != "resolved", due < nowDate {
                known += 1
            }
        }
        let share = (complaints["answered_in_time"] as? [String: Any])
        #expect(share?["n"] as? Int == known && abs((share?["value"] as? Double ?? -1) - Double(inTime) / Double(known) * 100) < 1e-9)
        #expect(english.contains("Complaints: flagged for an answer \(week.count) (urgent "))
        #expect(italian.contains("Reclami: segnalate per una risposta \(week.count) (urgenti "))
    }

    /// The dated copies carry the language: an Italian copy made the same day keeps the English one.
    @Test func datedCopiesInTwoLanguagesBothStay() throws {
        let temp = try TempFolder()
        for lang in ["en", "it"] {
            let out = try reputa(["report", "weekly", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore,
                                  "--week", "2026-W47", "--lang", lang, "--out-dir", temp.path("kept")],
                                 environment: ["REPUTA_NOW": "2026-12-06T09:00:00Z"])
            #expect(out.status == 0, "\(out.stderr)")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: temp.path("kept")).filter { !$0.hasPrefix(".") }.sorted()
        #expect(kept == ["weekly-2026-W47-en-20261206.html", "weekly-2026-W47-it-20261206.html"])
    }

    /// Sources gone quiet are warned about above the figures: those review sources whose newest
    /// review (snapshots/truth.json) was older, at the end of the report's week (or now, if
    /// sooner), than the larger of 7 days and 3 × their mean gap, worked out here. None for W47
    /// (the demo's data ends on its last day); for the empty W48, the ones that fell silent.
    @Test func theReportWarnsOfSourcesGoneQuiet() throws {
        let truth = try DemoTests.truth()
        let iso = ISO8601DateFormatter()
        // Each week ends on Monday 00:00 in Rome (UTC+1 in November).
        for (week, end, now) in [("2026-W47", "2026-11-22T23:00:00Z", "2026-12-06T09:00:00Z"),
                                 ("2026-W48", "2026-11-29T23:00:00Z", "2026-12-06T09:00:00Z"),
                                 ("2026-W48", "2026-11-29T23:00:00Z", "2026-11-25T12:00:00Z")] {
            let at = min(try #require(iso.date(from: end)), try #require(iso.date(from: now))).timeIntervalSince1970
            var expected: [String: Double] = [:]
            for (source, reviews) in truth.reviews {
                let times = reviews.filter { ($0["deleted"] as? Bool) != true }.compactMap { ($0["created"] as? String).flatMap(iso.date(from:)) }
                    .map(\.timeIntervalSince1970).sorted()
                guard let first = times.first, let last = times.last else { continue }
                let gap = times.count > 1 ? (last - first) / Double(times.count - 1) : 0
                let age = at - last
                if age > max(7 * 86_400, 3 * gap) { expected[source] = (age / 86_400 * 100).rounded() / 100 }
            }
            let out = try reputa(["report", "weekly", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore,
                                  "--week", week, "--format", "json"], environment: ["REPUTA_NOW": now])
            #expect(out.status == 0, "\(out.stderr)")
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
            let quiet = try #require(doc["quiet_sources"] as? [[String: Any]])
            var found: [String: Double] = [:]
            for q in quiet { found[q["source"] as? String ?? ""] = (((q["newest_age_days"] as? Double) ?? -1) * 100).rounded() / 100 }
            #expect(found == expected, "\(week) at \(now)")
            #expect(week == "2026-W47" || now.hasPrefix("2026-11-25") ? found.isEmpty : found.count >= 4, "\(week) \(found)")
        }
        let italian = try reputa(["report", "weekly", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore,
                                  "--week", "2026-W48", "--format", "md", "--lang", "it"], environment: ["REPUTA_NOW": "2026-12-06T09:00:00Z"])
        #expect(italian.stdout.contains("**Fonti silenziose:") && italian.stdout.contains(": ultima recensione 8 giorni fa; attesa entro 7 giorni"),
                "\(italian.stdout.prefix(1500))")
    }


    /// Reviews in week 2026-W47 whose text, title, link and location try to break out of each format.
    static let hostileCSV = """
    id,date,rating,title,text,url,place
    h1,2026-11-18T10:00:00Z,1,"<script>alert(1)</script>","=HYPERLINK(""http://evil.example"",""click"") <!channel> <@U123> \u{202E}gnp.exe\u{202C} \u{1B}[2J end","javascript:alert(1)","=HYPERLINK(""http://evil.example"")"
    h2,2026-11-19T10:00:00Z,2,"Tiepido","<img src=x onerror=alert(1)> servizio lento, non lo consiglio","https://example.com/r/2","milano"
    h3,2026-11-12T10:00:00Z,5,"Ottimo","Tutto perfetto","https://example.com/r/3","milano"

    """

    func hostileStore(_ temp: TempFolder, _ engine: Engine = .sqlite) throws -> [String: String] {
        let env = ["REPUTA_STORE": try testStore(engine, in: temp)]
        let file = try temp.write("hostile.csv", Self.hostileCSV)
        let out = try reputa(["import", "--kind", "csv", "--source", "tp",
                              "--map", "id=id,date=date,rating=rating,title=title,text=text,url=url,location=place", file],
                             environment: env, cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        return env
    }

    @Test(arguments: Engine.allCases) func htmlIsSelfContainedAndEscapesEveryReview(_ engine: Engine) throws {
        let temp = try TempFolder()
        let env = try hostileStore(temp, engine)
        let out = try reputa(["report", "weekly", "--week", "2026-W47", "-o", temp.path("r.html")], environment: env, cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        let html = try String(contentsOfFile: temp.path("r.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("href=\"https://example.com/r/2\""))
        #expect(!html.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(!html.contains("http-equiv=\"refresh\"") && !html.contains("src=\"http"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 3)
        #expect(html.contains("<h2>Notable reviews of the week</h2>"))
    }

    @Test(arguments: Engine.allCases) func markdownCsvAndJsonAreSafeForTheirDestinations(_ engine: Engine) throws {
        let temp = try TempFolder()
        let env = try hostileStore(temp, engine)
        let md = try reputa(["report", "weekly", "--week", "2026-W47", "--format", "md"], environment: env, cwd: temp.url)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("&lt;!channel&gt;"))
        #expect(!md.stdout.contains("<!channel>") && !md.stdout.contains("<script"))
        #expect(!md.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(!md.stdout.contains("javascript:"))

        let csv = try reputa(["report", "weekly", "--week", "2026-W47", "--format", "csv"], environment: env, cwd: temp.url)
        #expect(csv.status == 0)
        // The hostile location reaches the CSV only neutralised: quoted and prefixed with '.
        #expect(csv.stdout.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""))
        #expect(!csv.stdout.contains(",=HYPERLINK") && !csv.stdout.contains("\"=HYPERLINK"))

        let json = try reputa(["report", "weekly", "--week", "2026-W47", "--format", "json"], environment: env, cwd: temp.url)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(doc["schema"] as? String == "reputa.weekly-report/1")
        let notable = try #require(doc["notable_reviews"] as? [[String: Any]])
        // JSON keeps the text exactly (its own escaping makes it safe); the lowest rating comes first.
        #expect(notable.first?["title"] as? String == "<script>alert(1)</script>")
        #expect(notable.map { $0["kind"] as? String } == ["most_negative", "most_negative"])

        let table = try reputa(["compare", "--week", "2026-W47"], environment: env, cwd: temp.url)
        #expect(!table.stdout.unicodeScalars.contains { $0 == "\u{1B}" })
    }

    @Test func italianLabelsAndNumbers() throws {
        let temp = try TempFolder()
        let env = try hostileStore(temp)
        let md = try reputa(["report", "weekly", "--week", "2026-W47", "--format", "md", "--lang", "it"], environment: env, cwd: temp.url)
        #expect(md.stdout.contains("# Report settimanale sulla reputazione 2026\\-W47") || md.stdout.contains("# Report settimanale sulla reputazione 2026-W47"))
        // milano: ratings 2 (this week) → mean 2,00 on 1-5; decimal comma.
        #expect(md.stdout.contains("| milano | csv | 1 | 2,00 (1-5, n 1) |"))
        #expect(md.stdout.contains("Recensioni notevoli della settimana"))
    }

    @Test func aBenchmarkWithAnUnknownScaleIsAConfigError() throws {
        let temp = try TempFolder()
        let config = try temp.write("sources.yml", """
        version: 1
        benchmarks:
          - {metric: nps, scale: 0-10, value: 30, industry: Restaurants, source: "x", year: 2025, method: "y"}
          - {metric: csat_pct, scale: 1-11-ish, value: 80, industry: Restaurants, source: "x", year: 2025, method: "y"}

        """)
        let out = try reputa(["compare", "--config", config, "--store", temp.path("s.sqlite")], cwd: temp.url)
        #expect(out.status == 64)
        #expect(out.stderr.contains("sources.yml:4:"), "\(out.stderr)")
        #expect(out.stderr.contains("benchmarks[1].scale"))
        #expect(out.stderr.contains("is not a scale for csat_pct"))
    }
}
