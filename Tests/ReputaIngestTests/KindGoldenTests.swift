import Foundation
import ReputaCore
import ReputaIngest
import Testing

/// Every fixture under Fixtures/kinds/ against the `.expected.json` beside it, which
/// Fixtures/kinds/oracle.py computed from the raw file alone (a second, independent reading).
@Suite struct KindGoldenTests {
    static let folder: URL = Bundle.module.url(forResource: "Fixtures/kinds", withExtension: nil)!

    static let expectedFiles: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var out: [String] = []
        while let next = enumerator?.nextObject() as? String { if next.hasSuffix(".expected.json") { out.append(next) } }
        return out.sorted()
    }()

    @Test func everyKindHasGoldenFixtures() {
        let covered = Set(Self.expectedFiles.compactMap { name -> String? in
            let data = try? Data(contentsOf: Self.folder.appendingPathComponent(name))
            return (data.flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any])?["kind"] as? String
        })
        for kind in Kinds.names where kind != "csv" && kind != "appstore-rss" { // those two have their own suites
            #expect(covered.contains(kind), "no golden fixture for kind \(kind)")
        }
        #expect(Self.expectedFiles.count >= 25)
    }

    @Test(arguments: expectedFiles)
    func importerReadsWhatTheOracleRead(_ expectedName: String) throws {
        let expected = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.folder.appendingPathComponent(expectedName))) as? [String: Any])
        let fixtureName = String(expectedName.dropLast(".expected.json".count))
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(fixtureName)))
        let kindName = try #require(expected["kind"] as? String)
        let kind = try #require(Kinds.named(kindName), "kind \(kindName) is not registered")
        let source = SourceDescriptor(name: "golden", kind: kindName, mapping: expected["mapping"] as? [String: String] ?? [:],
                                      timezone: expected["timezone"] as? String ?? "Europe/Rome")
        let batch = try kind.importer.parse(bytes, origin: fixtureName, source: source)

        #expect(batch.portalTotal == expected["total"] as? Int, "total")
        #expect(batch.nextPage == expected["next"] as? String, "next")
        let reviews = try #require(expected["reviews"] as? [[String: Any]])
        #expect(batch.reviews.count == reviews.count, "review count \(batch.reviews.map(\.externalID))")
        for (got, want) in zip(batch.reviews, reviews) {
            let id = want["id"] as? String
            let label = id ?? got.externalID
            if let id { #expect(got.externalID == id) } else { #expect(got.externalID.hasPrefix("h:"), "\(label)") }
            #expect(got.rating?.value == (want["rating"] as? NSNumber)?.doubleValue, "\(label) rating")
            #expect(got.rating.map { "\($0.scale)" } == want["scale"] as? String, "\(label) scale")
            #expect(got.title == want["title"] as? String, "\(label) title")
            #expect(got.text == want["text"] as? String, "\(label) text")
            #expect(got.translation == want["translation"] as? String, "\(label) translation")
            #expect(got.author == want["author"] as? String, "\(label) author")
            #expect(got.createdAt?.utcISO == want["created"] as? String, "\(label) created")
            #expect(got.updatedAt?.utcISO == want["updated"] as? String, "\(label) updated")
            #expect(got.replyText == want["reply"] as? String, "\(label) reply")
            #expect(got.replyAt?.utcISO == want["reply_at"] as? String, "\(label) reply_at")
            if let language = want["language"] as? String { #expect(got.language == language, "\(label) language") }
            #expect(got.url == want["url"] as? String, "\(label) url")
            #expect(got.helpfulVotes == want["helpful"] as? Int, "\(label) helpful")
            #expect(got.authorReviews == want["author_reviews"] as? Int, "\(label) author_reviews")
            #expect(got.appVersion == want["version"] as? String, "\(label) version")
        }
        // Ids made from content are stable from one reading to the next, and distinct.
        let again = try kind.importer.parse(bytes, origin: fixtureName, source: source)
        #expect(again.reviews.map(\.externalID) == batch.reviews.map(\.externalID))
        #expect(Set(batch.reviews.map(\.externalID)).count == batch.reviews.count || kindName.hasPrefix("google-play-csv"))
        for w in expected["warnings"] as? [[String: String]] ?? [] {
            #expect(batch.warnings.contains { $0.message.contains(w["contains"]!) }, "warning \(w) in \(batch.warnings)")
        }
        #expect(batch.warnings.count == (expected["warnings"] as? [Any])?.count ?? 0, "\(batch.warnings)")
        for s in expected["skipped"] as? [[String: String]] ?? [] {
            #expect(batch.skipped.contains { $0.message.contains(s["contains"]!) }, "skipped \(s) in \(batch.skipped)")
        }
        #expect(batch.skipped.count == (expected["skipped"] as? [Any])?.count ?? 0, "\(batch.skipped)")
    }
}
