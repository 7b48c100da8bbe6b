import Foundation
import ReputaCore
@testable import ReputaIngest
import Testing

@Suite struct CSVReviewImporterTests {
    static let playMapping = [
        "id": "Review Link", "url": "Review Link", "rating": "Star Rating", "title": "Review Title",
        "text": "Review Text", "date": "Review Submit Date and Time", "updated": "Review Last Update Date and Time",
        "reply": "Developer Reply Text", "reply_date": "Developer Reply Date and Time",
        "language": "Reviewer Language?", "version": "App Version Name",
    ]

    @Test func googlePlayUTF16WithBOMAndQuotedNewlines() throws {
        let source = descriptor("aurora-play", kind: "csv", mapping: Self.playMapping, timezone: "UTC")
        let batch = try CSVReviewImporter().parse(try fixture("reviews_reviews_it.aurorabistrot.app_202609.csv"),
                                                  origin: "play.csv", source: source)
        #expect(batch.skipped.isEmpty)
        #expect(batch.reviews.count == 3)
        let r = batch.reviews[0]
        #expect(r.externalID.hasSuffix("reviewId=gp:AOqpTOaaaa1&corpus=PUBLIC_REVIEWS"))
        #expect(r.rating?.value == 2)
        #expect(r.text == "Consegna in ritardo di 40 minuti, \"pizza\" fredda.\nNon lo consiglio.")
        #expect(r.createdAt?.utcISO == "2026-09-02T18:04:05Z")
        #expect(r.replyText == "Ci scusi, la contatteremo.")
        #expect(r.replyAt?.utcISO == "2026-09-03T09:00:00Z")
        #expect(r.language == "it")
        #expect(r.appVersion == "3.3.1")
        #expect(batch.reviews[1].text == "")                        // rating-only review
        #expect(batch.reviews[1].language == "en")
        #expect(batch.reviews[2].language == "pt")                  // pt_BR
        #expect(batch.reviews[2].updatedAt?.utcISO == "2026-09-08T07:00:00Z")
    }

    @Test func italianSpreadsheetExportWithSemicolonsStarsAndMonthNames() throws {
        let source = descriptor("vesuvio", kind: "csv", aliases: ["Trattoria Vesuvio Roma": "roma", "Trattoria Vesuvio Napoli": "napoli"])
        let batch = try CSVReviewImporter().parse(try fixture("tripadvisor-export.csv"), origin: "ta.csv", source: source)
        #expect(batch.skipped.isEmpty)
        #expect(batch.reviews.map(\.externalID) == ["tv-1", "tv-2", "tv-3", "tv-4"])
        #expect(batch.reviews.map { $0.rating?.value } == [4, 4, 2, 1])
        // Midnight in Rome: CEST (+2) until 25 October 2026, CET (+1) after.
        #expect(batch.reviews.map { $0.createdAt?.utcISO } ==
            ["2026-08-02T22:00:00Z", "2026-10-13T22:00:00Z", "2026-10-30T23:00:00Z", "2026-10-31T23:00:00Z"])
        #expect(batch.reviews[0].text == "Cacio e pepe ottima; servizio un po' lento.")
        #expect(batch.reviews[0].replyText == "Grazie Luca!")
        #expect(batch.reviews[0].replyAt?.utcISO == "2026-08-04T22:00:00Z")
        #expect(batch.reviews.map(\.location) == ["roma", "napoli", "napoli", "roma"])
        #expect(batch.reviews[2].text == "Attesa di un'ora.\nIl cameriere era scortese.")
        #expect(batch.reviews.allSatisfy { $0.language == "it" })
    }

    @Test func countersAreReadAsPeopleWriteThem() throws {
        // Header names alone (no mapping): "Contributi" is the author's review count.
        let csv = "Data;Valutazione;Recensione;Autore;Contributi;Helpful votes\r\n"
            + "2026-11-02;1;Pessimo;Luca;1.234 contributi;12 people found this helpful\r\n"
            + "2026-11-03;5;Ottimo;Anna;;\r\n"
            + "2026-11-04;2;Lento;Marco;7;0\r\n"
        let batch = try CSVReviewImporter().parse(Array(csv.utf8), origin: "ta.csv", source: descriptor(kind: "csv"))
        #expect(batch.skipped.isEmpty)
        #expect(batch.reviews.map(\.authorReviews) == [1234, nil, 7])
        #expect(batch.reviews.map(\.helpfulVotes) == [12, nil, 0])
        #expect(CSVReviewImporter.count("1,234 reviews") == 1234)
        #expect(CSVReviewImporter.count("1\u{202F}234") == 1234)
        #expect(CSVReviewImporter.count("3, 4") == 3)
        #expect(CSVReviewImporter.count("n/a") == nil)
    }

    @Test func unreadableRowsAreReportedWithTheirLineAndSkipped() throws {
        let batch = try CSVReviewImporter().parse(try fixture("bad-rows.csv"), origin: "bad-rows.csv",
                                                  source: descriptor(kind: "csv"))
        #expect(batch.reviews.map(\.externalID) == ["1", "6"])
        #expect(batch.skipped.map(\.place) == ["bad-rows.csv:3", "bad-rows.csv:4", "bad-rows.csv:5", "bad-rows.csv:6"])
        #expect(batch.skipped[0].message == "rating is \"six\", not a rating on 1-5")
        #expect(batch.skipped[1].message == "row has 3 fields, the header has 4")
        #expect(batch.skipped[2].message == "date is \"someday\", not a date")
    }

    @Test func emptyFileAndHeaderOnlyAreErrors() throws {
        let empty = #expect(throws: ParseError.self) {
            try CSVReviewImporter().parse(try fixture("empty.csv"), origin: "empty.csv", source: descriptor(kind: "csv"))
        }
        #expect(empty?.description == "parse test: empty.csv: empty file")
        let header = #expect(throws: ParseError.self) {
            try CSVReviewImporter().parse(try fixture("header-only.csv"), origin: "h.csv", source: descriptor(kind: "csv"))
        }
        #expect(header?.description == "parse test: h.csv:1: no reviews: the file has a header only")
    }

    @Test func missingMappedColumnListsTheColumnsFound() throws {
        let error = #expect(throws: ParseError.self) {
            try CSVReviewImporter().parse(try fixture("bad-rows.csv"), origin: "b.csv",
                                          source: descriptor(kind: "csv", mapping: ["rating": "Stars", "date": "date"]))
        }
        #expect(error?.message == "column \"Stars\" (mapped to rating) not found; columns found: \"id\", \"rating\", \"date\", \"text\"")
    }

    @Test func unclosedQuoteFailsTheWholeFileAtItsPlace() throws {
        let error = #expect(throws: ParseError.self) {
            try CSVReviewImporter().parse(try fixture("unclosed-quote.csv"), origin: "u.csv", source: descriptor(kind: "csv"))
        }
        #expect(error?.place == "u.csv:3:16")
        #expect(error?.message == "quote opened here is never closed")
    }

    @Test func invalidUTF8NamesLineAndColumn() throws {
        let error = #expect(throws: ParseError.self) {
            try CSVReviewImporter().parse(try fixture("invalid-utf8.csv"), origin: "i.csv", source: descriptor(kind: "csv"))
        }
        #expect(error?.place == "i.csv:3:19")
    }

    @Test func delimiterNamesResolveTheSameForConfigAndFlags() {
        #expect(CSVReviewImporter.delimiter(named: ";") == ";")
        #expect(CSVReviewImporter.delimiter(named: "tab") == "\t")
        #expect(CSVReviewImporter.delimiter(named: "\\t") == "\t")
        #expect(CSVReviewImporter.delimiter(named: "|") == nil)
    }

    @Test func missingIdGetsAStableContentHash() throws {
        let bytes = Array("rating,date,text\n4,2026-09-01,buono\n".utf8)
        let a = try CSVReviewImporter().parse(bytes, origin: "a.csv", source: descriptor(kind: "csv"))
        let b = try CSVReviewImporter().parse(bytes, origin: "b.csv", source: descriptor(kind: "csv"))
        #expect(a.reviews[0].externalID == b.reviews[0].externalID)
        #expect(a.reviews[0].externalID.hasPrefix("h:"))
    }
}
