import Foundation
import ReputaCore
@testable import ReputaIngest
import Testing

/// `reputa inspect FILE` without a kind: every fixture of every kind is recognized as its kind
/// (the generic feed kind for RSS and Atom files: it reads both), and the generic JSON files get
/// a mapping that reads what the oracle read.
@Suite struct KindGuessTests {
    static let folder: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// Fixture → the kind its `.expected.json` names (feed kinds as `feed`), plus the App Store
    /// feed and the generic CSV, whose fixtures live in their own suites.
    static let cases: [(file: String, kind: String)] = {
        let kinds = folder.appendingPathComponent("kinds")
        var out: [(String, String)] = [("appstore-it-page1.xml", "appstore-rss"), ("tripadvisor-export.csv", "csv")]
        let enumerator = FileManager.default.enumerator(atPath: kinds.path)
        while let name = enumerator?.nextObject() as? String {
            guard name.hasSuffix(".expected.json"),
                  let data = try? Data(contentsOf: kinds.appendingPathComponent(name)),
                  let kind = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["kind"] as? String else { continue }
            out.append(("kinds/" + String(name.dropLast(".expected.json".count)), ["rss", "atom"].contains(kind) ? "feed" : kind))
        }
        return out.sorted { $0.0 < $1.0 }
    }()

    @Test func everyKindIsProposedForItsOwnFiles() throws {
        var wrong: [String] = []
        for (file, kind) in Self.cases {
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(file)))
            let sniffed = KindGuess.sniff(bytes, fileName: file)
            if sniffed.proposal?.kind != kind { wrong.append("\(file): \(sniffed.proposal?.kind ?? "nothing, \(sniffed.note ?? "")") instead of \(kind)") }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        // Every registered kind but the two the generic feed kind stands for has a fixture here.
        let proposed = Set(Self.cases.map(\.kind))
        #expect(Set(Kinds.names).subtracting(["rss", "atom"]).subtracting(proposed).isEmpty)
    }

    @Test func theGuessedJSONMappingReadsWhatTheOracleRead() throws {
        for file in ["kinds/json-generic.json", "kinds/json-generic-lines.jsonl"] {
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(file)))
            let expected = try #require(try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.folder.appendingPathComponent(file + ".expected.json"))) as? [String: Any])
            let proposal = try #require(KindGuess.sniff(bytes, fileName: file).proposal)
            // The oracle's mapping, found from the key names alone.
            #expect(proposal.mapping == expected["mapping"] as? [String: String], "\(file)")
            var source = descriptor("g", kind: "json")
            source.mapping = proposal.mapping
            let batch = try GenericJSONImporter().parse(bytes, origin: file, source: source)
            let want = try #require(expected["reviews"] as? [[String: Any]])
            #expect(batch.reviews.map(\.externalID) == want.map { $0["id"] as? String ?? "" }, "\(file)")
        }
    }

    @Test func shapesAreDescribedAndAFileNothingReadsSaysWhy() throws {
        let tripadvisor = KindGuess.sniff([UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("tripadvisor-export.csv"))),
                                          fileName: "t.csv")
        #expect(tripadvisor.facts.map(\.label) == ["encoding", "shape"])
        #expect(tripadvisor.facts[0].value == "UTF-8 with byte-order mark")
        #expect(tripadvisor.facts[1].value == "CSV, delimiter ';', 9 columns: Id, Data, Valutazione, Titolo, Recensione, Autore, Sede, Risposta, Data risposta")
        #expect(tripadvisor.proposal?.delimiter == ";")

        let play = KindGuess.sniff([UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("reviews_reviews_it.aurorabistrot.app_202609.csv"))),
                                   fileName: "p.csv")
        #expect(play.facts[0].value == "UTF-16LE with byte-order mark" && play.proposal?.kind == "google-play-csv")

        let nested = KindGuess.sniff(Array(#"{"meta": {"n": 1}, "data": {"items": [{"stars": 4, "created_at": "2026-10-01", "comment": "ok"}]}}"#.utf8),
                                     fileName: "n.json")
        #expect(nested.proposal == KindGuess.Proposal(kind: "json", mapping: ["list": "data.items", "rating": "stars", "date": "created_at", "text": "comment"],
                                                      reviews: 1, skipped: 0))

        #expect(play.facts[1].value.hasPrefix("CSV, delimiter ',', 16 columns: Package Name, App Version Code"), "\(play.facts)")

        // Columns named like a scraper's are not a scraper's output without its own keys; an
        // edit's date is not the review's.
        let lookalike = KindGuess.sniff(Array("id,text,score,date,updated_at\n1,ottimo,5,2026-10-01,2026-10-02\n".utf8), fileName: "l.csv")
        #expect(lookalike.proposal?.kind == "csv", "\(String(describing: lookalike.proposal))")
        #expect(KindGuess.guessMapping(["review_id", "updated_at", "created_at", "stars", "Review Text"])
                == ["id": "review_id", "date": "created_at", "rating": "stars", "text": "Review Text"])
        #expect(KindGuess.guessMapping(["Score, 1-5", "Date"]) == ["date": "Date"])

        let header = KindGuess.sniff(Array("id,rating,date,text\n".utf8), fileName: "h.csv")
        #expect(header.proposal == nil && header.note == "no kind reads it; kind csv says: h.csv:1: no reviews: the file has a header only")
        let page = KindGuess.sniff(Array("<!DOCTYPE html><html><body>Sign in</body></html>".utf8), fileName: "x.html")
        #expect(page.proposal == nil && page.facts.last?.value == "an HTML page")
    }
}
