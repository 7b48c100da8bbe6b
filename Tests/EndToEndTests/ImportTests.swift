import Foundation
import ReputaStoreTesting
import Testing

@Suite struct ImportTests {
    @Test(arguments: Engine.allCases) func sameFileTwiceOverlapAndEdit(_ engine: Engine) throws {
        let temp = try TempFolder()
        let env = ["REPUTA_STORE": try testStore(engine, in: temp)]
        let a = try temp.write("a.csv", "id,rating,date,text\n1,5,2026-09-01,ottimo\n2,4,2026-09-02,buono\n3,1,2026-09-03,pessimo servizio\n")
        let b = try temp.write("b.csv", "id,rating,date,updated,text\n2,4,2026-09-02,,buono\n3,3,2026-09-03,2026-09-10,dopo la risposta va meglio\n4,5,2026-09-11,,top\n5,2,2026-09-12,,lento\n")
        let common = ["import", "--kind", "csv", "--source", "shop", "--config", temp.path("none.yml")]
        let missingConfig = try reputa(common + [a], environment: env, cwd: temp.url)
        #expect(missingConfig.status == 64)       // an explicitly named config must exist
        let cwd = temp.url                        // no sources.yml here: import runs without a config
        let args = ["import", "--kind", "csv", "--source", "shop"]
        let first = try reputa(args + [a], environment: env, cwd: cwd)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "shop: \(a): 3 new, 0 updated, 0 unchanged, 0 removed, 0 skipped\n")
        let again = try reputa(args + [a], environment: env, cwd: cwd)
        #expect(again.stdout == "shop: \(a): already imported (0 new, 0 updated)\n")
        let overlap = try reputa(args + [b], environment: env, cwd: cwd)
        #expect(overlap.stdout == "shop: \(b): 2 new, 1 updated, 1 unchanged, 0 removed, 0 skipped\n")

        let rows = try jsonArray(try reputa(["reviews", "--format", "json"], environment: env, cwd: cwd).stdout)
        #expect(rows.map { $0["id"] as! String } == ["1", "2", "3", "4", "5"])
        let edited = try #require(rows.first { $0["id"] as? String == "3" })
        #expect(edited["text"] as? String == "dopo la risposta va meglio")
        #expect(edited["rating"] as? Double == 3)
        #expect(edited["rating_100"] as? Double == 50)
        #expect(edited["updated_at"] as? String == "2026-09-09T22:00:00Z")
        // snapshots/ beside the working folder holds both files, byte for byte.
        let kept = try FileManager.default.contentsOfDirectory(atPath: temp.path("snapshots/shop"))
        #expect(kept.count == 2)
        #expect(kept.contains { $0.hasSuffix("-a.csv") } && kept.contains { $0.hasSuffix("-b.csv") })
    }

    /// A Play Console CSV (the demo's, UTF-16LE) and a Play Developer API dump that shares one
    /// review with it: that review is stored once, counted for both sources, and the API's
    /// newer edit wins. Expected values come from the raw CSV, decoded here.
    @Test(arguments: Engine.allCases) func apiAndExportOfTheSamePortalMergeByReviewID(_ engine: Engine) throws {
        let temp = try TempFolder()
        let env = ["REPUTA_STORE": try testStore(engine, in: temp)]
        let csvFile = packageRoot.appendingPathComponent(
            "snapshots/aurora-play/20261123T050000Z-5f2d835cf7669f6f-reviews_reviews_it.aurorabistrot.app_202611.csv").path
        let raw = try #require(String(data: try Data(contentsOf: URL(fileURLWithPath: csvFile)), encoding: .utf16))
        let ids = raw.components(separatedBy: "reviewId=").dropFirst().map { String($0.prefix { $0 != "&" && $0 != "\r" && $0 != "\n" }) }
        let distinct = Set(ids)
        let shared = try #require(ids.first)

        let csv = try reputa(["import", "--kind", "google-play-csv", "--source", "play-csv", csvFile], environment: env, cwd: temp.url)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasSuffix(": \(distinct.count) new, 0 updated, 0 unchanged, 0 removed, 0 skipped\n"), "\(csv.stdout)")

        let api = try temp.write("reviews.json", """
            {"reviews": [
              {"reviewId": "\(shared)", "authorName": "Chiara",
               "comments": [{"userComment": {"text": "Modificata: ora funziona", "lastModified": {"seconds": "1795000000", "nanos": 0},
                             "starRating": 5, "reviewerLanguage": "it", "appVersionName": "3.5.0", "thumbsUpCount": 2}}]},
              {"reviewId": "gp:AOqpTOZzNewReviewOnlyInTheApi01", "authorName": "Piero",
               "comments": [{"userComment": {"text": "Nuova", "lastModified": {"seconds": "1795000100", "nanos": 0},
                             "starRating": 4, "reviewerLanguage": "it"}}]}
            ],
             "tokenPagination": {}}
            """)
        let merged = try reputa(["import", "--kind", "google-play-api", "--source", "play-api", api], environment: env, cwd: temp.url)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == "play-api: \(api): 1 new, 1 updated, 0 unchanged (1 already held from another source), 0 removed, 0 skipped\n")

        let rows = try jsonArray(try reputa(["reviews", "--format", "json"], environment: env, cwd: temp.url).stdout)
        #expect(rows.count == distinct.count + 1)
        let one = rows.filter { $0["id"] as? String == shared }
        #expect(one.count == 1)
        #expect(one.first?["text"] as? String == "Modificata: ora funziona")
        #expect(one.first?["author"] as? String == "Chiara")
        #expect(one.first?["source"] as? String == "play-csv")
        let viaAPI = try jsonArray(try reputa(["reviews", "--source", "play-api", "--format", "json"], environment: env, cwd: temp.url).stdout)
        #expect(Set(viaAPI.compactMap { $0["id"] as? String }) == [shared, "gp:AOqpTOZzNewReviewOnlyInTheApi01"])
    }

    /// `--map` on a portal's CSV export overrides one field and keeps the export's own reading
    /// (Booking's 0–10 scale, joined liked/disliked text); on a kind with fixed fields it is refused.
    @Test func aMappingOverridesOneFieldOfAnExport() throws {
        let temp = try TempFolder()
        let booking = packageRoot.appendingPathComponent("Tests/ReputaIngestTests/Fixtures/kinds/booking-csv-hotel-reviews.csv").path
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: booking + ".expected.json")))
            as? [String: Any])
        let want = try #require(expected["reviews"] as? [[String: Any]])
        // (In the temporary folder: without a config, snapshots go to ./snapshots.)
        let out = try reputa(["import", "--store", temp.path("s.sqlite"), "--kind", "booking-csv", "--source", "hotels",
                              "--map", "location=Hotel_Name", booking], cwd: temp.url)
        #expect(out.status == 0 && out.stdout.contains("\(want.count) new, 0 updated, 0 unchanged, 0 removed, 0 skipped"), "\(out.stdout) \(out.stderr)")
        let reviews = try jsonArray(try reputa(["reviews", "--store", temp.path("s.sqlite"), "--format", "json"], cwd: temp.url).stdout)
        #expect(reviews.count == want.count)
        // Each review keeps the export's reading (scale 0-10, the oracle's text) and takes its location from Hotel_Name.
        for review in reviews {
            #expect((review["scale_max"] as? NSNumber)?.doubleValue == 10, "\(review)")
            #expect(want.contains { $0["text"] as? String == review["text"] as? String }, "\(review)")
        }
        #expect(Set(reviews.compactMap { $0["location"] as? String }) == ["Hotel Aurora Navigli"])
        let refused = try reputa(["import", "--store", temp.path("s.sqlite"), "--kind", "yelp-dataset", "--source", "y",
                                  "--map", "location=business_id",
                                  packageRoot.appendingPathComponent("Tests/ReputaIngestTests/Fixtures/kinds/yelp-dataset-reviews.json").path],
                                 cwd: temp.url)
        #expect(refused.status == 64 && refused.stderr.contains("kind yelp-dataset reads its portal's own fields"), "\(refused.stderr)")
    }

    @Test func dryRunReadsAndCountsButStoresNothing() throws {
        let temp = try TempFolder()
        let env = ["REPUTA_STORE": temp.path("s.sqlite")]
        let file = try temp.write("a.csv", "id,rating,date,text\n1,5,2026-09-01,ottimo\n2,nine,2026-09-02,buono\n3,1,2026-09-03,pessimo\n")
        let broken = try temp.write("b.csv", "id,rating,date,text\n1,5,2026-09-01,\"never closed\n")
        let out = try reputa(["import", "--dry-run", "--kind", "csv", "--source", "shop", file, broken], environment: env, cwd: temp.url)
        #expect(out.status == 2) // one of two files failed
        #expect(out.stdout == "shop: \(file): 2 reviews read, 1 skipped (dry run: nothing stored)\n")
        #expect(out.stderr.contains("parse shop: \(file):3: rating is \"nine\""))
        #expect(out.stderr.contains("reputa: parse shop: \(broken):2:"))
        // Neither a store nor a snapshot appeared.
        #expect(!FileManager.default.fileExists(atPath: temp.path("s.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: temp.path("snapshots")))
    }

    @Test(arguments: Engine.allCases) func reviewsFiltersAndFormats(_ engine: Engine) throws {
        let temp = try TempFolder()
        let env = ["REPUTA_STORE": try testStore(engine, in: temp)]
        let file = try temp.write("x.csv", "id,rating,date,text,author\n1,5,2026-09-01,\"=HYPERLINK(\"\"http://x\"\")\",@eve\n2,2,2026-09-15,\"bad\u{1B}[2J\u{202E}\",bob\n")
        #expect(try reputa(["import", "--kind", "csv", "--source", "x", file], environment: env, cwd: temp.url).status == 0)
        let low = try jsonArray(try reputa(["reviews", "--max-rating", "2", "--format", "json"], environment: env, cwd: temp.url).stdout)
        #expect(low.map { $0["id"] as! String } == ["2"])
        let since = try jsonArray(try reputa(["reviews", "--since", "2026-09-10", "--format", "json"], environment: env, cwd: temp.url).stdout)
        #expect(since.map { $0["id"] as! String } == ["2"])
        let until = try jsonArray(try reputa(["reviews", "--until", "2026-09-10", "--format", "json"], environment: env, cwd: temp.url).stdout)
        #expect(until.map { $0["id"] as! String } == ["1"])
        let csv = try reputa(["reviews", "--format", "csv"], environment: env, cwd: temp.url).stdout
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(csv.contains("\"'@eve\""))
        let table = try reputa(["reviews"], environment: env, cwd: temp.url).stdout
        #expect(!table.contains("\u{1B}") && !table.contains("\u{202E}"))
        let bad = try reputa(["reviews", "--since", "yesterday-ish"], environment: env, cwd: temp.url)
        #expect(bad.status == 64)
    }

    @Test func inspectAndReviewsAgreeWithAnIndependentReader() throws {
        let cases: [(kind: String, file: String, tz: String, map: [String])] = [
            ("appstore-rss", "appstore-it-page1.xml", "Europe/Rome", []),
            ("csv", "reviews_reviews_it.aurorabistrot.app_202609.csv", "UTC",
             ["id=Review Link", "url=Review Link", "rating=Star Rating", "text=Review Text", "title=Review Title",
              "date=Review Submit Date and Time", "reply=Developer Reply Text", "reply_date=Developer Reply Date and Time"]),
            ("csv", "tripadvisor-export.csv", "Europe/Rome",
             ["id=Id", "date=Data", "rating=Valutazione", "title=Titolo", "text=Recensione", "author=Autore",
              "reply=Risposta", "reply_date=Data risposta"]),
        ]
        let fields = ["id", "rating", "title", "text", "author", "created_at", "url", "reply_text", "reply_at"]
        for (n, c) in cases.enumerated() {
            let temp = try TempFolder()
            let config = try temp.write("sources.yml", "version: 1\ntimezone: \(c.tz)\nstore: s.sqlite\n")
            let expected = try jsonArray(try python("oracle.py", [c.kind, fixturePath(c.file), c.tz] + c.map).stdout)
            #expect(expected.count >= 3)
            var flags = ["--kind", c.kind, "--source", "case\(n)", "--config", config]
            if !c.map.isEmpty { flags += ["--map", c.map.joined(separator: ",")] }
            let inspected = try reputa(["inspect", "--format", "json"] + flags + [fixturePath(c.file)])
            #expect(inspected.status == 0, "\(inspected.stderr)")
            #expect(try reputa(["import"] + flags + [fixturePath(c.file)]).status == 0)
            let stored = try reputa(["reviews", "--format", "json", "--config", config, "--source", "case\(n)"])
            for output in [try jsonArray(inspected.stdout), try jsonArray(stored.stdout)] {
                #expect(output.count == expected.count, "\(c.file)")
                for e in expected {
                    let got = try #require(output.first { $0["id"] as? String == e["id"] as? String }, "\(c.file) \(e["id"]!)")
                    for f in fields {
                        #expect(comparable(got[f]) == comparable(e[f]), "\(c.file) \(e["id"]!) \(f)")
                    }
                }
            }
        }
    }
}

/// JSON values as text, numbers as doubles, so 4 and 4.0 compare equal.
func comparable(_ value: Any?) -> String {
    switch value {
    case let n as NSNumber: return String(n.doubleValue)
    case let s as String: return s
    default: return "null"
    }
}
