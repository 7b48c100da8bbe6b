import Foundation
import ReputaStoreTesting
import Testing

/// `reputa import` of survey, helpdesk and customer exports and `reputa metrics`, run as a
/// user would, against a real store. Expected figures are worked out by hand from the
/// fixtures (Tests/ReputaIngestTests/Fixtures/internal/).
@Suite struct MetricsTests {
    func metric(_ rows: [[String: Any]], _ name: String, segment: String = "all", scale: String? = nil) -> [String: Any]? {
        rows.first { $0["metric"] as? String == name && $0["segment"] as? String == segment
            && (scale == nil || $0["scale"] as? String == scale) }
    }

    /// On the demo: gross churn (L ÷ S) and retention ((E − N) ÷ S) add up to 100 % in every
    /// period and location, the net figure (S − E) ÷ S says what it is, Milano's week matches the
    /// generator's counts (truth.json), and no interval of a time runs below zero, in `metrics`
    /// or in `compare`, which print the same figure.
    @Test func grossChurnRetentionAndTimeIntervalsOnTheDemo() throws {
        let out = try reputa(["metrics", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore, "--by", "location",
                              "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        func value(_ r: [String: Any]) -> Double? { r["value"] as? Double }
        var pairs = 0
        for gross in rows where gross["metric"] as? String == "gross_churn_pct" {
            let retention = try #require(rows.first { $0["metric"] as? String == "retention_pct" && $0["period"] as? String == gross["period"] as? String
                && $0["segment"] as? String == gross["segment"] as? String })
            #expect(abs((value(gross) ?? 0) + (value(retention) ?? 0) - 100) < 0.011, "\(gross)")
            pairs += 1
        }
        #expect(pairs >= 12)
        let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent("snapshots/truth.json"))) as? [String: Any])
        let milano = try #require((((truth["internal"] as? [String: Any])?["locations"] as? [String: Any])?["milano"] as? [String: Any])?["churn_pct"] as? [String: Any])
        let (s, l) = (try #require(milano["start"] as? Int), try #require(milano["lost"] as? Int))
        let week = try #require(rows.first { $0["metric"] as? String == "gross_churn_pct" && $0["segment"] as? String == "milano"
            && $0["period"] as? String == "2026-W47" })
        #expect(abs((value(week) ?? -1) - Double(l) / Double(s) * 100) < 0.0051)
        let net = try #require(rows.first { $0["metric"] as? String == "churn_pct" && $0["segment"] as? String == "milano" && $0["period"] as? String == "2026-W47" })
        #expect((net["detail"] as? String)?.hasPrefix("net loss (S − E) ÷ S, negative when the base grew") == true)
        let times = rows.filter { ($0["metric"] as? String)?.hasSuffix("_time") == true && $0["ci_low"] as? Double != nil }
        #expect(!times.isEmpty && times.allSatisfy { ($0["ci_low"] as? Double ?? -1) >= 0 })

        let compare = try reputa(["compare", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore, "--week", "2026-W47",
                                  "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        let cells = try #require((doc["comparison"] as? [String: Any])?["internal_cells"] as? [[String: Any]])
        for cell in cells where (cell["metric"] as? String)?.hasSuffix("_time") == true {
            let week = try #require(cell["week"] as? [String: Any])
            guard let low = week["ci_low"] as? Double else { continue }
            #expect(low >= 0)
            // The same figure as `metrics` prints for that week and location (rounded there to 2 places).
            if let row = rows.first(where: { $0["metric"] as? String == cell["metric"] as? String && $0["segment"] as? String == cell["location"] as? String
                && $0["period"] as? String == "2026-W47" && $0["scale"] as? String == cell["scale"] as? String }) {
                #expect(abs((row["ci_low"] as? Double ?? -1) - low) < 0.0051)
            }
        }
    }

    @Test(arguments: Engine.allCases) func qualtricsAndZendeskImportThenMetrics(_ engine: Engine) throws {
        let temp = try TempFolder()
        let env = ["REPUTA_STORE": try testStore(engine, in: temp)]
        let qualtrics = ["import", "--kind", "qualtrics", "--source", "nps", "--question", "Q1=nps:0-10",
                         "--question", "Q2=csat:1-5", "--segment", "location=Location", "--map", "comment=Q3",
                         fixturePath("internal/qualtrics_3header.csv")]
        let first = try reputa(qualtrics, environment: env, cwd: temp.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "nps: \(fixturePath("internal/qualtrics_3header.csv")): 11 new, 0 updated, 0 unchanged, 0 removed, 1 skipped\n")
        #expect(first.stderr.contains("qualtrics_3header.csv:10: response R_6aBcDeFgHiJkLmN: status \"Survey Preview\" is not a real response"))
        let again = try reputa(qualtrics, environment: env, cwd: temp.url)
        #expect(again.stdout.hasSuffix("already imported (0 new, 0 updated)\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path("snapshots/nps")).count == 1)

        let zendesk = try reputa(["import", "--kind", "zendesk-tickets", "--source", "zd", fixturePath("internal/zendesk_ticket_metrics.json")],
                                 environment: env, cwd: temp.url)
        #expect(zendesk.stdout.hasSuffix("4 new, 0 updated, 0 unchanged, 0 removed, 1 skipped\n"), "\(zendesk.stderr)")

        let out = try reputa(["metrics", "--format", "json"], environment: env, cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try jsonArray(out.stdout).filter { $0["period"] as? String == "2026-W47" }
        // W47 Q1: 10, 9, 8, 6, 0 → 2 promoters, 1 passive, 2 detractors: NPS 0, n 5. R_7 (Monday 00:30 Rome) is W48.
        let nps = try #require(metric(rows, "nps"))
        #expect(nps["value"] as? Double == 0 && nps["n"] as? Int == 5 && nps["scale"] as? String == "0-10")
        // Var = 0.4 + 0.4 − 0 = 0.8; SE = √(0.8/5) = 0.4; ±1.96·40 = ±78.4.
        #expect(abs((nps["ci_high"] as! Double) - 78.4) < 0.01)
        // Q2: 5, 4, 3, 2 → top-2-box 2 of 4; mean 3.5; low (≤ 3) 2.
        #expect(metric(rows, "csat_pct")?["value"] as? Double == 50)
        #expect(metric(rows, "csat_mean")?["value"] as? Double == 3.5)
        #expect(metric(rows, "csat_low_count")?["value"] as? Double == 2)
        // Zendesk: replies 30, 60, 90 (calendar), 30, 0, 45 (business); solved 120 and 600; FCR 1 of 2.
        #expect(metric(rows, "first_response_time", scale: "minutes (calendar)")?["value"] as? Double == 60)
        #expect(metric(rows, "first_response_time_p90", scale: "minutes (calendar)")?["value"] as? Double == 90)
        #expect(metric(rows, "first_response_time", scale: "minutes (business)")?["value"] as? Double == 25)
        #expect(metric(rows, "resolution_time", scale: "minutes (calendar)")?["value"] as? Double == 360)
        #expect(metric(rows, "resolution_time", scale: "minutes (business)")?["value"] as? Double == 150)
        #expect(metric(rows, "fcr_pct")?["value"] as? Double == 50)
        #expect(Set(try jsonArray(out.stdout).compactMap { $0["period"] as? String }) == ["2026-W47", "2026-W48"])

        let byLocation = try jsonArray(try reputa(["metrics", "--by", "location", "--metric", "nps", "--format", "json",
                                                   "--until", "2026-11-22"], environment: env, cwd: temp.url).stdout)
        #expect(byLocation.map { "\($0["segment"]!) \($0["value"]!) \($0["n"]!)" } == ["Milano 100 2", "Roma -66.67 3"])
        let csv = try reputa(["metrics", "--format", "csv", "--metric", "nps", "--until", "2026-11-22"], environment: env, cwd: temp.url)
        #expect(csv.stdout.contains(#""metric","period","segment","value","n","ci_low","ci_high","scale","detail""#))
    }

    @Test(arguments: Engine.allCases) func badInputExitCodesAndNothingHalfWritten(_ engine: Engine) throws {
        let temp = try TempFolder()
        let env = ["REPUTA_STORE": try testStore(engine, in: temp)]
        let nps = try temp.write("nps.csv", "id,date,score\na,2026-11-16,9\nb,2026-11-16,10\nc,2026-11-16,3\n")
        let asCSAT = try reputa(["import", "--kind", "survey-csv", "--source", "s", "--metric", "csat", "--scale", "1-5", nps],
                                environment: env, cwd: temp.url)
        #expect(asCSAT.status == 1)
        #expect(asCSAT.stderr == "reputa: parse s: \(nps): 2 of 3 csat scores are outside the declared 1-5 scale (first at \(nps):2 (9)); nothing imported: is the scale declared for this question right?\n")
        #expect(!FileManager.default.fileExists(atPath: temp.path("snapshots/s")))
        let noScale = try reputa(["import", "--kind", "survey-csv", "--metric", "nps", nps], environment: env, cwd: temp.url)
        #expect(noScale.status == 1 && noScale.stderr.contains("no scale declared"))
        let wrongPair = try reputa(["import", "--kind", "survey-csv", "--metric", "nps", "--scale", "1-5", nps],
                                   environment: env, cwd: temp.url)
        #expect(wrongPair.status == 64 && wrongPair.stderr.contains("NPS is defined on the 0-10 question only"))
        // Empty store: no rows, not a zero.
        let empty = try reputa(["metrics", "--format", "json"], environment: env, cwd: temp.url)
        #expect(empty.status == 0 && empty.stdout == "[]\n")
    }

    @Test(arguments: Engine.allCases) func customerCountsByMonthAndReparse(_ engine: Engine) throws {
        let temp = try TempFolder()
        let env = ["REPUTA_STORE": try testStore(engine, in: temp)]
        let file = fixturePath("internal/customers.csv")
        let imported = try reputa(["import", "--kind", "customers-csv", "--source", "c", "--segment", "location=location", file],
                                  environment: env, cwd: temp.url)
        #expect(imported.stdout.hasSuffix("4 new, 0 updated, 0 unchanged, 0 removed, 1 skipped\n"), "\(imported.stderr)")
        #expect(imported.stderr.contains("customers.csv:5: sales (400) above visits (300); row skipped"))
        let monthly = try jsonArray(try reputa(["metrics", "--period", "month", "--by", "location", "--format", "json"],
                                               environment: env, cwd: temp.url).stdout)
        func value(_ name: String, _ period: String, _ segment: String) -> Double? {
            monthly.first { $0["metric"] as? String == name && $0["period"] as? String == period && $0["segment"] as? String == segment }?["value"] as? Double
        }
        #expect(value("churn_pct", "2026-11", "milano") == 2)        // (200 − 196) / 200
        #expect(value("retention_pct", "2026-11", "milano") == 90.5) // (196 − 15) / 200
        #expect(value("conversion_pct", "2026-11", "milano") == 3.29) // 270 / 8200
        #expect(value("churn_pct", "2026-10", "napoli") == 10)
        let roma = monthly.first { $0["metric"] as? String == "churn_pct" && $0["segment"] as? String == "roma" }
        #expect(roma?["value"] is NSNull && roma?["n"] as? Int == 0)  // S = 0: absent, n = 0
        let reparse = try reputa(["reparse", "--source", "c"], environment: env, cwd: temp.url)
        #expect(reparse.status == 0 && reparse.stdout == "c: 1 snapshots reparsed: 4 records, 1 skipped\n", "\(reparse.stderr)")
    }
}

