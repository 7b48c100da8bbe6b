import Foundation
import Testing

/// `reputa init` on three real-shaped files (a Play Console CSV, a Trustpilot API dump, an RSS
/// feed): the config it writes passes `reputa check`, and `reputa fetch` imports what the
/// independent oracle read from each file.
@Suite struct InitTests {
    @Test func initWritesAConfigThatChecksAndFetches() throws {
        let temp = try TempFolder()
        let files = ["kinds/google-play-csv/reviews_reviews_it.aurorabistrot.app_202610.csv", "kinds/trustpilot-api-reviews.json",
                     "kinds/rss-reviews.xml"]
        var expected: [String: Int] = [:] // source name → reviews the oracle read
        for (file, source) in zip(files, ["google-play-csv", "trustpilot-api", "feed"]) {
            let name = (file as NSString).lastPathComponent
            try FileManager.default.copyItem(atPath: fixturePath(file), toPath: temp.path("in/" + name).replacingOccurrences(of: "/in/", with: "/"))
            let oracle = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixturePath(file + ".expected.json"))))
                as? [String: Any])
            expected[source] = (oracle["reviews"] as? [Any])?.count
        }
        let names = files.map { ($0 as NSString).lastPathComponent }
        let out = try reputa(["init", "--location", "milano", "--timezone", "Europe/Rome"] + names, cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "wrote sources.yml with 3 of 3 files as sources\nnext: reputa check --config sources.yml && reputa fetch --config sources.yml\n")
        let yaml = try String(contentsOfFile: temp.path("sources.yml"), encoding: .utf8)
        #expect(yaml.contains("  - name: google-play-csv\n    kind: google-play-csv\n    path: \"reviews_reviews_it.aurorabistrot.app_202610.csv\"\n    location: \"milano\"\n"), "\(yaml)")
        #expect(yaml.contains("kind: trustpilot-api") && yaml.contains("kind: feed") && yaml.contains("timezone: \"Europe/Rome\""))

        let check = try reputa(["check", "--config", "sources.yml"], cwd: temp.url)
        #expect(check.status == 0, "\(check.stderr)")
        let fetch = try reputa(["fetch", "--config", "sources.yml", "--format", "json"], cwd: temp.url)
        #expect(fetch.status == 0, "\(fetch.stderr)")
        let rows = try jsonArray(fetch.stdout)
        for (source, count) in expected {
            #expect(rows.first { $0["source"] as? String == source }?["new"] as? Int == count, "\(source): \(rows)")
        }
        // Never over an existing file.
        let again = try reputa(["init"] + names, cwd: temp.url)
        #expect(again.status == 64 && again.stderr.contains("sources.yml already exists"), "\(again.stderr)")
    }
}
