import Foundation
import ReputaStoreTesting
import Testing

/// Fixing a bad import, end to end with the real binary: `forget` removes what a source's
/// snapshots brought so the corrected import works, `reparse` reads the kept snapshots again
/// with new reading options, and both end where a fresh, correct import ends.
@Suite struct ForgetTests {
    static let booking = fixturePath("kinds/booking-csv-hotel-reviews.csv")
    /// The mistake of the issue: the Booking export read as a generic CSV, with the hotel's
    /// average score taken for the reviewer's (day-first dates, no text column found).
    static let badImport = ["--kind", "csv", "--source", "hotels", "--scale", "0-10",
                            "--map", "rating=Average_Score,date=Review_Date", booking]
    static let rightImport = ["--kind", "booking-csv", "--source", "hotels", booking]

    /// What a reader of the store sees of each review, sorted.
    static func reviews(_ store: String, cwd: URL) throws -> [String] {
        let out = try reputa(["reviews", "--store", store, "--format", "json"], cwd: cwd)
        try #require(out.status == 0, "\(out.stderr)")
        return try jsonArray(out.stdout).map { r in
            ["source", "portal", "id", "rating", "scale_max", "text", "created_at", "location"]
                .map { "\(r[$0] ?? "nil")" }.joined(separator: " | ")
        }.sorted()
    }

    /// The same file imported rightly into a store of its own.
    static func fresh(_ temp: TempFolder, _ arguments: [String]) throws -> [String] {
        let store = temp.path("fresh-\(UUID().uuidString).sqlite")
        let out = try reputa(["import", "--store", store] + arguments, cwd: temp.url)
        try #require(out.status == 0, "\(out.stderr)")
        return try reviews(store, cwd: temp.url)
    }

    @Test(arguments: Engine.allCases) func forgetLetsTheCorrectedImportOfTheSameFileWork(_ engine: Engine) throws {
        let temp = try TempFolder()
        let store = try testStore(engine, in: temp)
        let expected = try Self.fresh(temp, Self.rightImport)
        #expect(expected.count == 4)

        let bad = try reputa(["import", "--store", store] + Self.badImport, cwd: temp.url)
        #expect(bad.status == 0, "\(bad.stderr)")
        let badReviews = try Self.reviews(store, cwd: temp.url)
        #expect(!badReviews.isEmpty && badReviews != expected)
        // The corrected command alone does nothing: the bytes are in the ledger.
        let again = try reputa(["import", "--store", store] + Self.rightImport, cwd: temp.url)
        #expect(again.stdout.contains("already imported"), "\(again.stdout)")

        let forget = try reputa(["forget", "--store", store, "--source", "hotels"], cwd: temp.url)
        #expect(forget.status == 0, "\(forget.stderr)")
        #expect(forget.stdout.hasPrefix("hotels: forgot 1 snapshot ("), "\(forget.stdout)")
        #expect(forget.stdout.contains("removed: \(badReviews.count) reviews, 0 revisions, 0 routes, 1 ledger rows, 0 flags"),
                "\(forget.stdout)")
        #expect(forget.stdout.contains("now: 0 reviews from 0 snapshots"), "\(forget.stdout)")
        #expect(try Self.reviews(store, cwd: temp.url).isEmpty)
        // The snapshot file stays on disk.
        let kept = try FileManager.default.subpathsOfDirectory(atPath: temp.path("snapshots/hotels"))
        #expect(kept.count == 1)

        let fixed = try reputa(["import", "--store", store] + Self.rightImport, cwd: temp.url)
        #expect(fixed.status == 0 && fixed.stdout.contains("4 new"), "\(fixed.stdout) \(fixed.stderr)")
        #expect(try Self.reviews(store, cwd: temp.url) == expected)
    }

    @Test func reparseReadsTheKeptSnapshotsWithNewReadingOptions() throws {
        let temp = try TempFolder()
        let store = temp.path("s.sqlite")
        let expected = try Self.fresh(temp, Self.rightImport)
        #expect(try reputa(["import", "--store", store] + Self.badImport, cwd: temp.url).status == 0)
        #expect(try Self.reviews(store, cwd: temp.url) != expected)

        let reparse = try reputa(["reparse", "--store", store, "--source", "hotels", "--kind", "booking-csv"], cwd: temp.url)
        #expect(reparse.status == 0, "\(reparse.stderr)")
        #expect(reparse.stdout.hasPrefix("hotels: 1 snapshots reparsed: 4 reviews"), "\(reparse.stdout)")
        #expect(try Self.reviews(store, cwd: temp.url) == expected)
        // The new reading is recorded: a plain reparse keeps it.
        #expect(try reputa(["reparse", "--store", store, "--source", "hotels"], cwd: temp.url).status == 0)
        #expect(try Self.reviews(store, cwd: temp.url) == expected)
        // Reading options are for one source at a time.
        let both = try reputa(["reparse", "--store", store, "--kind", "booking-csv"], cwd: temp.url)
        #expect(both.status == 64 && both.stderr.contains("need exactly one --source"), "\(both.stderr)")
    }

    @Test func forgetOneSnapshotKeepsTheOthersAndSharedReviewsStay() throws {
        let temp = try TempFolder()
        let store = temp.path("s.sqlite")
        let a = try temp.write("a.csv", "id,rating,date,text\n1,5,2026-09-01,ottimo\n2,2,2026-09-02,lento\n3,4,2026-09-03,buono\n")
        let b = try temp.write("b.csv", "id,rating,date,text\n3,1,2026-09-03,pessimo dopo tutto\n4,3,2026-09-04,così così\n")
        for file in [a, b] {
            let out = try reputa(["import", "--store", store, "--kind", "csv", "--source", "shop", file], cwd: temp.url)
            try #require(out.status == 0, "\(out.stderr)")
        }
        let expected = try Self.fresh(temp, ["--kind", "csv", "--source", "shop", a])
        // b.csv's id as `forget` takes it: the first 10 hex digits of its sha256.
        let sha = try execute("/usr/bin/sha256sum", [b]).stdout.prefix(10)

        let unknown = try reputa(["forget", "--store", store, "--source", "shop", "--snapshot", "0000000000"], cwd: temp.url)
        #expect(unknown.status == 64 && unknown.stderr.contains("source shop has no snapshot \"0000000000\"; its snapshots: ")
                && unknown.stderr.contains(String(sha)), "\(unknown.stderr)")

        let one = try reputa(["forget", "--store", store, "--source", "shop", "--snapshot", String(sha)], cwd: temp.url)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.hasPrefix("shop: forgot 1 snapshot (\(sha)"), "\(one.stdout)")
        // Review 4 and review 3's edit (its earlier text was kept as a revision) go.
        #expect(one.stdout.contains("removed: 1 reviews, 1 revisions, 0 routes, 1 ledger rows, 0 flags"), "\(one.stdout)")
        #expect(one.stdout.contains("now: 3 reviews from 1 snapshot"), "\(one.stdout)")
        let shop = try Self.reviews(store, cwd: temp.url).filter { $0.hasPrefix("shop |") }
        #expect(shop == expected)

        // An App Store review has a portal-wide id: a second source holding it shares it. Forgetting
        // the first leaves it with the second, and says so.
        let apps = fixturePath("kinds/app-store-scraper-node.json")
        let copy = try temp.write("one.json", #"[{"id": "11223344556", "userName": "Marco P.", "score": 2, "title": "Lenta", "text": "Si apre lentamente e\nperde il carrello.", "updated": "2026-10-30T16:55:08-07:00"}]"#)
        for (source, file) in [("apps", apps), ("apps-mirror", copy)] {
            let out = try reputa(["import", "--store", store, "--kind", "app-store-scraper", "--source", source, file], cwd: temp.url)
            try #require(out.status == 0, "\(out.stderr)")
        }
        let all = try reputa(["forget", "--store", store, "--source", "apps"], cwd: temp.url)
        #expect(all.status == 0 && all.stdout.contains("kept, because another source also holds them: 1 with apps-mirror"), "\(all.stdout)")
        #expect(all.stdout.contains("removed: 1 reviews, 0 revisions, 0 routes, 1 ledger rows, 0 flags"), "\(all.stdout)")
        let left = try Self.reviews(store, cwd: temp.url).filter { $0.hasPrefix("apps") }
        #expect(left.count == 1 && left[0].hasPrefix("apps-mirror | appstore | 11223344556 | 2"), "\(left)")
        let gone = try reputa(["forget", "--store", store, "--source", "apps"], cwd: temp.url)
        #expect(gone.status == 64 && gone.stderr.contains("no imported source named \"apps\""), "\(gone.stderr)")
    }
}
