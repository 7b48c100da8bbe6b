import Foundation
import ReputaCore
@testable import ReputaIngest
import Testing

@Suite struct NormalizeTests {
    @Test(arguments: [
        ("4", 4.0, 5.0), ("4.5", 4.5, 5.0), ("4,5", 4.5, 5.0), ("4,0 su 5 stelle", 4.0, 5.0), ("4/5", 4.0, 5.0),
        ("★★★★", 4.0, 5.0), ("★★★☆☆", 3.0, 5.0), ("8/10", 8.0, 10.0), ("4 out of 5 stars", 4.0, 5.0), (" 5 ", 5.0, 5.0),
    ])
    func ratings(text: String, value: Double, max: Double) {
        let r = RatingText.parse(text, defaultScale: .fiveStars)
        #expect(r?.value == value)
        #expect(r?.scale.max == max)
    }

    /// "1/1/", "☆": found by `make fuzz` (a one-point scale made rating_100 divide by zero).
    @Test(arguments: ["six", "", "9", "0", "4 or 5", "★x", "-1", "1/1/", "1/1", "1 su 1", "☆", String(repeating: "9", count: 400) + "/5"])
    func notRatings(text: String) {
        #expect(RatingText.parse(text, defaultScale: .fiveStars) == nil)
    }

    /// Hand-written reviews in each language reviews arrive in, the traps of issue 23 among them
    /// (French read as Italian through shared articles and `l'` elisions, a short French line CLD2
    /// alone calls English). The real-review figures are `make eval`'s.
    @Test(arguments: [
        ("Une arnaque, j'appelle mon avocat.", "fr"),
        ("Impossible de se connecter, instructions incompréhensibles.", "fr"),
        ("L'accueil était chaleureux et les plats délicieux, nous reviendrons.", "fr"),
        ("Die App stürzt ständig ab, sehr enttäuschend und der Support antwortet nicht.", "de"),
        ("La comida estaba fría y el servicio muy lento, no volveremos.", "es"),
        ("O atendimento foi péssimo e a comida chegou fria, não recomendo.", "pt"),
        ("Het eten was heerlijk en de bediening erg vriendelijk, wij komen zeker terug.", "nl"),
        ("Nelle sue calde sale abbiamo mangiato benissimo, il personale è stato gentile.", "it"),
        ("L'ordine è arrivato in ritardo e la pizza era fredda.", "it"),
        ("The food was great but the waiter forgot our order twice.", "en"),
        ("ok", "und"),
    ])
    func everyLanguageReviewsArriveIn(text: String, expected: String) {
        #expect(LanguageDetector.detect("", text) == expected, "\(text)")
    }

    @Test func normalizationToHundred() {
        #expect(Rating(value: 1, scale: .fiveStars).normalized == 0)
        #expect(Rating(value: 4, scale: .fiveStars).normalized == 75)
        #expect(Rating(value: 7.5, scale: RatingScale(min: 0, max: 10)).normalized == 75)
        #expect(Rating(value: 2, scale: RatingScale(min: 1, max: 3)).normalized == 50)
    }

    static let rome = TimeZone(identifier: "Europe/Rome")!

    @Test(arguments: [
        ("2015-08-25T01:45:00-07:00", "2015-08-25T08:45:00Z", -25200),
        ("2026-01-02T03:04:05Z", "2026-01-02T03:04:05Z", 0),
        ("2025-10-21T09:56:15.764185Z", "2025-10-21T09:56:15Z", 0),
        ("2026-09-01 12:00:00", "2026-09-01T10:00:00Z", 7200),          // local Rome, CEST
        ("2026-12-01", "2026-11-30T23:00:00Z", 3600),                   // local midnight, CET
        ("03/08/2026", "2026-08-02T22:00:00Z", 7200),
        ("03/08/2026 14:30", "2026-08-03T12:30:00Z", 7200),
        ("Recensito in Italia il 14 dicembre 2023", "2023-12-13T23:00:00Z", 3600),
        ("December 14, 2023", "2023-12-13T23:00:00Z", 3600),
        ("1 nov 2026", "2026-10-31T23:00:00Z", 3600),
        ("2026-03-29T02:30:00", "2026-03-29T01:30:00Z", 0),             // inside the DST gap: shifted, not lost
        ("2026-09-01T12:00:00+0530", "2026-09-01T06:30:00Z", 19800),
    ])
    func dates(text: String, utc: String, offset: Int) {
        let t = DateText.parse(text, zone: Self.rome)
        #expect(t?.utcISO == utc)
        if text != "2026-03-29T02:30:00" { #expect(t.map { Int($0.offsetSeconds) } == offset) }
    }

    @Test(arguments: ["someday", "31/02/2026", "2026-13-01", "2026-09-01T25:00:00Z", "14 smarch 2023", ""])
    func notDates(text: String) {
        #expect(DateText.parse(text, zone: Self.rome) == nil)
    }

    @Test(arguments: [
        ("Il servizio è stato pessimo e non lo consiglio", "it"),
        ("Un'ottima esperienza, tornerò sicuramente", "it"),
        ("The food was great but the service was slow", "en"),
        ("I will never order from this app again", "en"),
        ("12345 !!!", "und"),
        ("", "und"),
    ])
    func languages(text: String, expected: String) {
        #expect(LanguageDetector.detect(text) == expected)
    }

    @Test func earlyStopKeepsTheLanguageOfTheOpening() {
        // Ten Italian function words, then a long English tail: the lead of 8 is reached first.
        let italian = "il servizio è stato ottimo e il personale molto gentile con noi"
        let english = String(repeating: " the food was great and the staff friendly", count: 5)
        #expect(LanguageDetector.detect(italian + english) == "it")
        // Title and text are counted together: the title alone would say Italian.
        #expect(LanguageDetector.detect("pessimo servizio", "the food and the staff") == "en")
    }

    @Test(arguments: [
        ("caff&#233; &#xE9;&#XE9; &eacute;", "caffé éé é"),
        ("a &amp; b &lt;c&gt;", "a & b <c>"),
        ("&unknown; &amp &; &#; &#x; &#12a;", "&unknown; &amp &; &#; &#x; &#12a;"),
        ("&#0; &#xD800; &#x110000; &#99999999999;", "\u{FFFD} \u{FFFD} \u{FFFD} &#99999999999;"),
        ("https://x.test/?id=1&#38;type=Purple%20Software", "https://x.test/?id=1&type=Purple%20Software"),
        ("&" + String(repeating: "a", count: 45) + ";", "&" + String(repeating: "a", count: 45) + ";"),
        ("emoji &#x1F355; 🍕 end &", "emoji 🍕 🍕 end &"),
    ])
    func entities(text: String, expected: String) {
        #expect(HTMLText.decodeEntities(text) == expected)
        #expect(HTMLText.decodeEntities(text[...]) == expected)
    }

    @Test func isoWeeksFollowISO8601() {
        // 2026-01-01 is a Thursday: week 1 of 2026. 2027-01-01 (Friday) belongs to 2026-W53.
        #expect(Timestamp(epochSeconds: Timestamp.days(year: 2026, month: 1, day: 1) * 86_400).isoWeek == "2026-W01")
        #expect(Timestamp(epochSeconds: Timestamp.days(year: 2027, month: 1, day: 1) * 86_400).isoWeek == "2026-W53")
        #expect(Timestamp(epochSeconds: Timestamp.days(year: 2026, month: 8, day: 3) * 86_400).isoWeek == "2026-W32")
        #expect(Timestamp(epochSeconds: Timestamp.days(year: 2025, month: 12, day: 29) * 86_400).isoWeek == "2026-W01")
    }

    @Test func textDecoderHandlesBOMs() throws {
        #expect(try TextDecoder.utf8Bytes([0xEF, 0xBB, 0xBF, 0x61]) == [0x61])
        #expect(try TextDecoder.utf8Bytes([0xFF, 0xFE, 0xE0, 0x00]) == Array("à".utf8))
        #expect(try TextDecoder.utf8Bytes([0xFE, 0xFF, 0x00, 0xE0]) == Array("à".utf8))
        #expect(throws: TextDecoder.Failure.invalidUTF8(line: 2, column: 2)) {
            try TextDecoder.utf8Bytes([0x61, 0x0A, 0x62, 0xC3, 0x28])
        }
    }
}
