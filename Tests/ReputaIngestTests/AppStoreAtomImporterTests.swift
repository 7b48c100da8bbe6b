import Foundation
import ReputaCore
@testable import ReputaIngest
import Testing

@Suite struct AppStoreAtomImporterTests {
    let source = descriptor("aurora-appstore-it", kind: "appstore-rss")

    @Test func readsReviewsSkipsTheAppEntryAndTakesTheTextContent() throws {
        let batch = try AppStoreAtomImporter().parse(try fixture("appstore-it-page1.xml"), origin: "page1.xml", source: source)
        #expect(batch.skipped.isEmpty)
        #expect(batch.reviews.map(\.externalID) == ["11223344556", "11223344555", "11223344554"])

        let first = batch.reviews[0]
        #expect(first.rating == Rating(value: 1, scale: .fiveStars))
        #expect(first.title == "Ordine sparito \u{1F614}")                     // &#128532;
        #expect(first.text == "L'app ha preso il pagamento ma l'ordine non è mai arrivato <3 volte> di fila.")
        #expect(first.author == "Giulia R.")
        #expect(first.createdAt?.utcISO == "2026-09-13T17:15:00Z")              // 10:15 at -07:00
        #expect(first.createdAt.map { Int($0.offsetSeconds) } == -25_200)
        #expect(first.createdAt?.originalISO == "2026-09-13T10:15:00-07:00")
        #expect(first.helpfulVotes == 4)
        #expect(first.appVersion == "3.3.1")
        #expect(first.url == "https://itunes.apple.com/it/review?id=6450012345&type=Purple%20Software")
        #expect(first.language == "it")
        #expect(first.portal == "appstore-rss")

        #expect(batch.reviews[1].text == "Ordering is fast and the pizza arrived hot.\nWould use again!")
        #expect(batch.reviews[1].language == "en")
        #expect(batch.reviews[2].createdAt?.utcISO == "2026-09-11T02:45:30Z")  // crosses midnight UTC
        #expect(batch.reviews[2].rating?.value == 3)
        #expect(!batch.reviews.contains { $0.text.contains("HTML variant") })
    }

    @Test func truncatedDocumentIsAParseErrorWithLineAndColumn() throws {
        let error = #expect(throws: ParseError.self) {
            try AppStoreAtomImporter().parse(try fixture("truncated.xml"), origin: "truncated.xml", source: source)
        }
        #expect(error?.description.hasPrefix("parse aurora-appstore-it: truncated.xml:") == true)
        #expect(error?.place.split(separator: ":").count == 3)
    }

    @Test func mismatchedTagIsAParseError() throws {
        let error = #expect(throws: ParseError.self) {
            try AppStoreAtomImporter().parse(try fixture("malformed.xml"), origin: "malformed.xml", source: source)
        }
        #expect(error?.place.hasPrefix("malformed.xml:3:") == true)
        #expect(error?.message.contains("malformed XML") == true)
    }

    @Test func anotherRootElementIsNotAnAtomFeed() throws {
        let error = #expect(throws: ParseError.self) {
            try AppStoreAtomImporter().parse(try fixture("not-atom.xml"), origin: "x.xml", source: source)
        }
        #expect(error?.message == "not an Atom feed (root element <rss>)")
    }

    @Test func emptyInputIsAnError() throws {
        #expect(throws: ParseError.self) {
            try AppStoreAtomImporter().parse(Array(" \n".utf8), origin: "e.xml", source: source)
        }
    }

    static func feed(doctype: String, content: String) -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="utf-8"?>
        \(doctype)
        <feed xmlns:im="http://itunes.apple.com/rss" xmlns="http://www.w3.org/2005/Atom">
        <entry><updated>2026-09-13T10:15:00-07:00</updated><id>1</id><title>t</title>
        <content type="text">\(content)</content><im:rating>2</im:rating></entry>
        </feed>
        """.utf8)
    }

    /// Everything a hostile document could surface: the reviews' text, or the error's line.
    func textOrError(_ bytes: [UInt8]) throws -> String {
        do {
            return try AppStoreAtomImporter().parse(bytes, origin: "x.xml", source: source).reviews
                .map { $0.title + $0.text }.joined()
        } catch let error as ParseError {
            return error.description
        }
    }

    @Test func externalFileEntityIsNeverExpanded() throws {
        let canary = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-canary-\(UUID().uuidString).txt")
        try "CANARY-SECRET-4711".write(to: canary, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: canary) }
        let bytes = Self.feed(doctype: "<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"file://\(canary.path)\">]>", content: "a &xxe; b")
        #expect(try !textOrError(bytes).contains("CANARY-SECRET-4711"))
    }

    @Test func parameterEntityAndExternalDTDAreNotLoaded() throws {
        let canary = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-dtd-\(UUID().uuidString).dtd")
        try "<!ENTITY leak \"DTD-CANARY-0815\">".write(to: canary, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: canary) }
        let bytes = Self.feed(doctype: "<!DOCTYPE feed [<!ENTITY % p SYSTEM \"file://\(canary.path)\"> %p;]>", content: "x &leak; y")
        #expect(try !textOrError(bytes).contains("DTD-CANARY-0815"))
    }

    @Test func billionLaughsIsNotExpanded() throws {
        var doctype = "<!DOCTYPE feed [<!ENTITY lol0 \"lol\">"
        for i in 1...9 { doctype += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        doctype += "]>"
        let bytes = Self.feed(doctype: doctype, content: "&lol9;")
        let start = Date()
        do {
            let batch = try AppStoreAtomImporter().parse(bytes, origin: "lol.xml", source: source)
            #expect(batch.reviews.allSatisfy { $0.text.count < 1000 })
        } catch is ParseError {
            // rejected outright is fine too
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func tenThousandDeepNestingIsRejected() throws {
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let error = #expect(throws: ParseError.self) {
            try AppStoreAtomImporter().parse(Self.feed(doctype: "", content: deep), origin: "deep.xml", source: source)
        }
        #expect(error?.message.lowercased().contains("depth") == true)
    }
}
