import Foundation
import ReputaStoreTesting
import Testing

/// `reputa compare` on the demo store, checked against Support/compare_oracle.py, which counts
/// the week's reviews from the generator's own record (snapshots/truth.json), not from Reputa.
@Suite(.serialized) struct CompareTests {
    /// The demo store, fetched once for the suite (offline: every source reads snapshots/).
    static let demoStore: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-compare-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("demo.sqlite").path
        _ = try? reputa(["fetch", "--config", demoConfig, "--store", path])
        return path
    }()
    static let demoConfig = packageRoot.appendingPathComponent("sources.yml").path

    func document(_ extra: [String] = [], store: String = CompareTests.demoStore) throws -> [String: Any] {
        let out = try reputa(["compare", "--config", Self.demoConfig, "--store", store, "--week", "2026-W47",
                              "--format", "json"] + extra)
        #expect(out.status == 0, "\(out.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: Engine.allCases) func demoWeekMatchesTheOracle(_ engine: Engine) throws {
        let temp = try TempFolder()
        let store = engine == .sqlite ? Self.demoStore : try testStore(engine, in: temp, copying: Self.demoStore)
        let oracleRun = try python("compare_oracle.py", [packageRoot.appendingPathComponent("snapshots/truth.json").path,
                                                          Self.demoConfig, "2026-W47"])
        #expect(oracleRun.status == 0, "\(oracleRun.stderr)")
        let oracle = try #require(try JSONSerialization.jsonObject(with: Data(oracleRun.stdout.utf8)) as? [String: [String: Any]])
        let doc = try document(store: store)
        #expect(doc["schema"] as? String == "reputa.weekly-report/1")
        let comparison = try #require(doc["comparison"] as? [String: Any])
        let cells = try #require(comparison["cells"] as? [[String: Any]]) + (try #require(comparison["competitors"] as? [[String: Any]]))
        var checked = 0
        for (key, expected) in oracle {
            let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let (competitor, location, portal) = (parts[0], parts[1], parts[2])
            // Competitors are compared on all their portals together: one cell per competitor and location.
            if !competitor.isEmpty, portal == "all" { continue }
            let cell = try #require(cells.first {
                $0["competitor"] as? String == competitor && $0["location"] as? String == location
                    && (competitor.isEmpty ? $0["portal"] as? String == portal : true)
            }, "no cell for \(key)")
            let week = try #require(cell["week"] as? [String: Any])
            let dist = try #require(expected["distribution"] as? [Int])
            let n = dist.reduce(0, +)
            #expect(week["reviews"] as? Int == expected["reviews"] as? Int, "\(key)")
            #expect(week["distribution"] as? [Int] == dist, "\(key)")
            // Mean, top-2-box and response rate worked out here from the oracle's counts.
            let mean = Double(zip(1...5, dist).map { $0 * $1 }.reduce(0, +)) / Double(n)
            let top2 = Double(dist[3] + dist[4]) / Double(n) * 100
            let replied = Double(try #require(expected["replied"] as? Int)) / Double(n) * 100
            #expect(abs(((week["mean"] as? [String: Any])?["value"] as? Double ?? -1) - mean) < 1e-9, "\(key)")
            #expect(abs(((week["top_two"] as? [String: Any])?["value"] as? Double ?? -1) - top2) < 1e-9, "\(key)")
            #expect(abs(((week["response_rate"] as? [String: Any])?["value"] as? Double ?? -1) - replied) < 1e-9, "\(key)")
            checked += 1
        }
        #expect(checked >= 15)

        // Bayesian average with the prior of every review of the week (ours and competitors'), m = 10.
        let all = oracle.filter { $0.key == "|all|all" || ($0.key.hasSuffix("|all") && !$0.key.hasPrefix("|")) }
        var sum = 0.0, count = 0
        for (_, c) in all {
            for (stars, k) in zip(1...5, c["distribution"] as! [Int]) { sum += Double(stars - 1) / 4 * 100 * Double(k); count += k }
        }
        let prior = sum / Double(count)
        let milano = try #require(oracle["|milano|all"]?["distribution"] as? [Int])
        let v = milano.reduce(0, +)
        var total = 0.0
        for (stars, k) in zip(1...5, milano) { total += Double(stars - 1) / 4 * 100 * Double(k) }
        let r = total / Double(v)
        let expectedBayes = (Double(v) * r + 10 * prior) / (Double(v) + 10)
        let ours = try #require(cells.first { $0["location"] as? String == "milano" && $0["portal"] as? String == "all" })
        #expect(abs(((ours["week"] as? [String: Any])?["bayesian"] as? Double ?? -1) - expectedBayes) < 1e-9)
        let ranks = try #require(comparison["ranks"] as? [[String: Any]])
        #expect(ranks.filter { $0["location"] as? String == "milano" }.map { $0["rank"] as? Int } == [1, 2])
    }

    @Test func internalCellsSayWhenALocationHasNoSurveys() throws {
        let comparison = try #require(try document()["comparison"] as? [String: Any])
        let cells = try #require(comparison["internal_cells"] as? [[String: Any]])
        // The app has reviews but no survey answers: its CSAT cell says so, with n 0 and no value.
        let app = try #require(cells.first { $0["location"] as? String == "app" && $0["metric"] as? String == "csat_pct" })
        #expect((app["week"] as? [String: Any])?["n"] as? Int == 0)
        #expect((app["week"] as? [String: Any])?["value"] == nil)
        #expect(app["detail"] as? String == "no survey answers at this location this week")
        // Milano's CSAT for the week equals the generator's figure in truth.json.
        let truth = try DemoTests.truth().internalTruth
        let expected = try #require(((truth["locations"] as? [String: Any])?["milano"] as? [String: Any])?["csat_pct"] as? [String: Any])
        let milano = try #require(cells.first { $0["location"] as? String == "milano" && $0["metric"] as? String == "csat_pct" })
        let week = try #require(milano["week"] as? [String: Any])
        #expect(week["n"] as? Int == expected["n"] as? Int)
        #expect(abs((week["value"] as? Double ?? -1) - (expected["value"] as? Double ?? -2)) < 0.006)
        // Benchmarks: the same scale is compared, the ACSI index is refused with its reason.
        let benchmarks = try #require(comparison["benchmarks"] as? [[String: Any]])
        let acsi = try #require(benchmarks.first { ($0["benchmark"] as? [String: Any])?["metric"] as? String == "acsi" })
        #expect((acsi["refusal"] as? String)?.contains("not a CSAT %") == true)
        let nps = try #require(benchmarks.first { ($0["benchmark"] as? [String: Any])?["metric"] as? String == "nps" })
        #expect(nps["refusal"] == nil)
        #expect(["ours above", "ours below", "within noise"].contains(nps["verdict"] as? String ?? ""))
    }

    @Test func aWeekWithoutDataSaysSoPerCell() throws {
        // 2026-W49: the window holds the demo's weeks, the week itself nothing.
        let out = try reputa(["compare", "--config", Self.demoConfig, "--store", Self.demoStore, "--week", "2026-W49"])
        #expect(out.status == 0, "\(out.stderr)")
        let milano = try #require(out.stdout.split(separator: "\n").first { $0.hasPrefix("milano    google") })
        #expect(milano.contains(" 0 ") && milano.contains("no data this week"), "\(milano)")
        #expect(out.stdout.contains("no survey answers at this location this week"))
        // 2027-W10: nothing in the whole window.
        let empty = try reputa(["compare", "--config", Self.demoConfig, "--store", Self.demoStore, "--week", "2027-W10"])
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("No reviews in this window."))
        let json = try reputa(["compare", "--config", Self.demoConfig, "--store", Self.demoStore, "--week", "2027-W10", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let cells = try #require((doc["comparison"] as? [String: Any])?["cells"] as? [[String: Any]])
        #expect(cells.isEmpty) // nothing in the window: no row pretends to be a zero
    }

    @Test func badOptionsAreUsageErrors() throws {
        for args in [["--week", "2026-47"], ["--week", "2026-W60"], ["--weeks", "1"], ["--location", "torino"], ["--lang", "de"]] {
            let out = try reputa(["compare", "--config", Self.demoConfig, "--store", Self.demoStore] + args)
            #expect(out.status == 64, "\(args): \(out.stderr)")
            #expect(out.stderr.split(separator: "\n").count <= 3, "\(out.stderr)")
        }
    }

    @Test func csvIsOneNumberPerCellAndLocationFilters() throws {
        let out = try reputa(["compare", "--config", Self.demoConfig, "--store", Self.demoStore, "--week", "2026-W47",
                              "--format", "csv", "--location", "roma"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        #expect(lines.first?.contains("\"section\",\"location\",\"portal\"") == true)
        #expect(!lines.contains { $0.contains("\"milano\"") })
        let top2 = try #require(lines.first { $0.hasPrefix("\"portal\",\"roma\",\"all\",\"\",\"top2_pct\"") })
        // The value is a bare number, not a quoted text cell.
        #expect(top2.split(separator: ",")[6].allSatisfy { $0.isNumber || $0 == "." })
    }
}
