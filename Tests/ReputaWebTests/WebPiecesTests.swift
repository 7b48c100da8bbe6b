import Foundation
import ReputaCore
import ReputaOutput
@testable import ReputaWeb
import Testing

/// The inbox's pieces that need no server: strings in both languages for every key a template
/// names, dates and spans as readers write them, the form reader, where a sign-in may send back to.
@Suite struct WebPiecesTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/ReputaWeb/web/templates").standardized

    @Test func everyStringATemplateNamesExistsInBothLanguages() throws {
        var named: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.templates.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: Self.templates.appendingPathComponent(file), encoding: .utf8)
            for part in text.components(separatedBy: "{{t.").dropFirst() {
                named.insert(String(part.prefix { $0 != "}" }))
            }
        }
        #expect(named.count > 40)
        for key in named {
            #expect(WebStrings.table[key] != nil, "\(key) is not in WebStrings")
        }
        // Keys the code builds (levels, statuses, events) exist too.
        for key in FlagLevel.allCases.map({ "level_" + $0.rawValue }) + FlagStatus.allCases.map({ "status_" + $0.rawValue })
            + ["acked", "assigned", "commented", "resolved", "reopened", "flagged", "updated"].map({ "event_" + $0 }) {
            #expect(WebStrings.table[key] != nil, "\(key)")
        }
        // Italian is a translation, not the English text again (but for words the same in both).
        let same = WebStrings.table.filter { $0.value.en == $0.value.it }.map(\.key).sorted()
        #expect(same == ["password"], "\(same)")
    }

    @Test func datesAndSpansAreWrittenAsTheReaderWrites() {
        let t = Timestamp(utcISO: "2026-12-06T13:05:00Z")!
        #expect(PageFormat.date(t, zone: "Europe/Rome", lang: "it") == "6 dic 2026, 14:05")
        #expect(PageFormat.date(t, zone: "Europe/Rome", lang: "en") == "6 Dec 2026, 14:05")
        #expect(PageFormat.date(t, zone: "America/New_York", lang: "en") == "6 Dec 2026, 08:05")
        #expect(PageFormat.date(Timestamp(utcISO: "2026-07-01T22:30:00Z")!, zone: "Europe/Rome", lang: "it") == "2 lug 2026, 00:30")
        #expect(PageFormat.span(59, lang: "en") == "0 min")
        #expect(PageFormat.span(45 * 60, lang: "en") == "45 min")
        #expect(PageFormat.span(3 * 3600 + 20 * 60, lang: "it") == "3 h 20 min")
        #expect(PageFormat.span(52 * 3600, lang: "it") == "2 g 4 h")
        #expect(PageFormat.span(48 * 3600, lang: "en") == "2 d")
        #expect(PageFormat.rating(Rating(value: 4.5, scale: RatingScale(min: 1, max: 5)), lang: "it") == "4,5/5")
        #expect(PageFormat.rating(nil, lang: "it") == "senza voto")
    }

    @Test func formsDecodeAsBrowsersEncodeThem() {
        let form = FormFields(decoding: "note=Caff%C3%A8+freddo%21&to=anna&note=second&empty=&bare")
        #expect(form["note"] == "Caffè freddo!" && form["to"] == "anna" && form["empty"] == "" && form["bare"] == "")
        #expect(form.text("empty") == nil && form.text("missing") == nil)
        // A GET form's query: `+` is a space, names repeat, empty choices ("any") drop out.
        let query = FormFields(decoding: "q=cold+food&location=roma&location=&location=milano")
        #expect(query["q"] == "cold food" && query.all("location") == ["roma", "milano"])
    }

    @Test func aSignInSendsBackOnlyToThisSite() {
        #expect(WebApp.localPath("/flags/12?done=ack") == "/flags/12?done=ack")
        // A tab (sent as %09) is dropped by browsers, so "/<tab>/evil" would read as "//evil".
        for bad in ["//evil.example/x", "https://evil.example", "/\\evil.example", "evil", "", "/a\nLocation: x",
                    "/\t/evil.example", FormFields(decoding: "next=/%09/evil.example")["next"]!, "/ /x", "/caffè"] {
            #expect(WebApp.localPath(bad) == "/", "\(bad)")
        }
        #expect(WebApp.localPath(nil) == "/")
    }

    @Test func secretsCompareWholeAndTokensAreFresh() {
        #expect(WebApp.sameSecret("abc", "abc") && !WebApp.sameSecret("abc", "abd") && !WebApp.sameSecret("abc", "ab"))
        let a = WebApp.token(), b = WebApp.token()
        #expect(a.count == 64 && a != b && a.allSatisfy(\.isHexDigit))
    }

    @Test func emptyValuesLeaveTheTemplatesSections() {
        let values = WebApp.present(["a": "", "b": "x", "c": [["d": "", "e": 1]], "f": ["", "g"]])
        #expect(values["a"] == nil && values["b"] as? String == "x")
        #expect((values["c"] as? [[String: Any]])?.first?["d"] == nil)
        #expect(values["f"] as? [String] == ["g"])
    }

    /// The flagger's reasons and the history's notes read in Italian; English and unknown forms
    /// (a config's own names, what people wrote) stay as written.
    @Test func reasonsAndNotesReadInItalian() {
        let cases = [
            ("rated 1 on 1-5 (complaints: 2 or less)", "voto 1 su 1-5 (reclamo: 2 o meno)"),
            ("negative text (score -1.55)", "testo negativo (punteggio -1,55)"),
            ("negative text (score -6.2): \"pessimo\", \"mai più\", no rating", "testo negativo (punteggio -6,2): \"pessimo\", \"mai più\", senza voto"),
            ("rating–text mismatch: 5 on 1-5 with strongly negative text", "voto e testo in contrasto: 5 su 1-5 con un testo molto negativo"),
            ("reach: 12 people found it helpful, the author has written 80 reviews",
             "visibilità: 12 persone l'hanno trovata utile, l'autore ha scritto 80 recensioni"),
            ("health and safety (food): \"frammento di vetro\"", "salute e sicurezza (cibo): \"frammento di vetro\""),
            ("spike: 6 complaints about waiting time at roma within 7 days", "picco: 6 reclami su tempi di attesa a roma in 7 giorni"),
            ("something new", "something new"),
        ]
        for (english, italian) in cases {
            #expect(ReasonWords.reason(english, lang: "it") == italian)
            #expect(ReasonWords.reason(english, lang: "en") == english)
        }
        #expect(ReasonWords.name(id: "food_safety", configured: "health and safety (food)", lang: "it") == "salute e sicurezza (cibo)")
        #expect(ReasonWords.name(id: "food_safety", configured: "Igiene", lang: "it") == "Igiene")
        #expect(ReasonWords.note("urgent, priority 95", action: "flagged", by: "reputa", lang: "it") == "urgente, priorità 95")
        #expect(ReasonWords.note("to rocco", action: "assigned", by: "anna", lang: "it") == "a rocco")
        #expect(ReasonWords.note("urgent, priority 95", action: "commented", by: "anna", lang: "it") == "urgent, priority 95")
        #expect(ReasonWords.note("already acked", action: "acked", by: "anna", lang: "it") == "già presa in carico")
        #expect(ReasonWords.note("already resolved; Fatto", action: "resolved", by: "anna", lang: "it") == "già risolta; Fatto")
        #expect(ReasonWords.note("not resolved (open); Di nuovo", action: "reopened", by: "anna", lang: "it")
            == "non risolta (aperta); Di nuovo")
        #expect(ReasonWords.note("already acked", action: "acked", by: "anna", lang: "en") == "already acked")
        #expect(ReasonWords.note("the business replied publicly after 2 h 5 min", action: "resolved", by: "reputa", lang: "it")
            == "l'attività ha risposto pubblicamente dopo 2 h 5 min")
    }
}
