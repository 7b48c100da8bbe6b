import Foundation
import ReputaCore
@testable import ReputaIngest
import Testing

/// The scraper kinds beyond the golden fixtures: one scrape saved two ways is one set of
/// reviews, a file of another shape is refused with the keys it lacks, and pandas' cells
/// holding Python's repr are read as Python reads them.
@Suite struct ScraperKindsTests {
    @Test func theSameAppStoreScrapeSavedAsJSONAndCSVHasTheSameIds() throws {
        let source = descriptor("as", kind: "app-store-scraper")
        let json = try AppStoreScraper.importer.parse(try fixture("kinds/app-store-scraper-python.json"), origin: "a.json", source: source)
        let csv = try AppStoreScraper.importer.parse(try fixture("kinds/app-store-scraper-python.csv"), origin: "a.csv", source: source)
        #expect(json.reviews.count == 3)
        #expect(json.reviews.map(\.externalID) == csv.reviews.map(\.externalID))
        #expect(json.reviews.map(\.replyText) == csv.reviews.map(\.replyText))
    }

    @Test func anotherShapeIsRefusedNamingTheKeysItLacks() throws {
        let bytes = Array(#"[{"reviewId": "x", "stars": 4, "when": "2026-10-01"}]"#.utf8)
        let error = #expect(throws: ParseError.self) {
            try GooglePlayScraper.importer.parse(bytes, origin: "other.json", source: descriptor("gp", kind: "google-play-scraper"))
        }
        #expect(error?.place == "other.json: [0]")
        #expect(error?.message == "not google-play-scraper output: the objects lack the keys at, content, reviewId, score; or date, id, score, text")
    }

    @Test func pythonReprCellsAreReadAsPythonWroteThem() {
        #expect(PythonRepr.dict(#"{'id': 35337720, 'body': "It's ok\n\u00e8 \\ fine", 'modified': '2026-09-14T08:00:12Z', 'x': None}"#)
                == ["id": "35337720", "body": "It's ok\nè \\ fine", "modified": "2026-09-14T08:00:12Z"])
        #expect(PythonRepr.dict("{'body': 'ok', 'at': datetime.datetime(2026, 9, 14, 8, 0), 'tags': ['a, b', 'c']}")
                == ["body": "ok", "at": "datetime.datetime(2026, 9, 14, 8, 0)", "tags": "['a, b', 'c']"])
        #expect(PythonRepr.dict("{'a': 1 'b': 2}") == nil)
        #expect(PythonRepr.dict("{}") == [:])
        #expect(PythonRepr.dict("") == nil)
        #expect(PythonRepr.dict("{'body': 'unterminated}") == nil)
        #expect(PythonRepr.dict("{'a': 1} trailing") == nil)
    }
}
