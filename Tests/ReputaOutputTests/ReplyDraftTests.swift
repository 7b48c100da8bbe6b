import ReputaCore
@testable import ReputaOutput
import Testing

/// The reply proposed for a flag: the most specific template of the review's language, filled;
/// Reputa's own in five languages otherwise. Expected texts are written out here in full.
@Suite struct ReplyDraftTests {
    func flag(lang: String, stars: Double? = 1, author: String = "Elisa S.", categories: [String] = [], topics: [String] = []) -> FlaggedReview {
        var r = Review(source: "s", portal: "google", externalID: "x", location: "roma")
        r.language = lang
        r.author = author
        r.rating = stars.map { Rating(value: $0, scale: RatingScale(min: 1, max: 5)) }
        let decision = FlagDecision(priority: 60, level: .high, reasons: [], categories: categories, topics: topics, channels: [], textScore: -3)
        return FlaggedReview(id: 1, review: r, revision: 1, decision: decision, flaggedAt: Timestamp(epochSeconds: 0),
                             dueAt: Timestamp(epochSeconds: 0), status: .open)
    }

    let settings = ReplySettings(templates: [
        ReplyTemplate(lang: "it", text: "Ciao {first_name} da {location}. {signature}"),
        ReplyTemplate(lang: "it", stars: 1...2, text: "Stelle basse, {first_name}. {signature}"),
        ReplyTemplate(lang: "it", topic: "waiting_time", text: "Attesa, {first_name}. {signature}"),
        ReplyTemplate(lang: "it", category: "food_safety", text: "Sicurezza, {author} su {portal}. {signature}"),
        ReplyTemplate(lang: "en", category: "fraud", text: "Fraud. {signature}"),
    ], signature: ["it": "Lo staff di Aurora"])

    @Test func theMostSpecificTemplateOfTheLanguageWins() {
        func text(_ f: FlaggedReview) -> String { ReplyDraft.propose(f, settings: settings, locationName: "Roma").text }
        #expect(text(flag(lang: "it", stars: 4)) == "Ciao Elisa da Roma. Lo staff di Aurora")
        #expect(text(flag(lang: "it", stars: 2)) == "Stelle basse, Elisa. Lo staff di Aurora")
        #expect(text(flag(lang: "it", stars: 2, topics: ["waiting_time"])) == "Attesa, Elisa. Lo staff di Aurora")
        #expect(text(flag(lang: "it", stars: 2, categories: ["food_safety"], topics: ["waiting_time"]))
            == "Sicurezza, Elisa S. su google. Lo staff di Aurora")
        // A star-less review passes over the star-band template.
        #expect(text(flag(lang: "it", stars: nil)) == "Ciao Elisa da Roma. Lo staff di Aurora")
        // English has only a fraud template: anything else gets Reputa's own, signed for the location.
        #expect(text(flag(lang: "en", categories: ["fraud"])) == "Fraud. The Roma team")
        #expect(text(flag(lang: "en", author: "marco_88")) == "Dear customer, thank you for your review, and we are sorry your experience "
            + "fell short. We would like to understand what happened: could you write to us directly?\nThe Roma team")
    }

    @Test func reputasOwnTemplatesSpeakTheReviewsLanguage() {
        let none = ReplySettings()
        let fr = ReplyDraft.propose(flag(lang: "fr", author: "Anonyme"), settings: none, locationName: "Lyon")
        #expect(fr.lang == "fr" && fr.text.hasPrefix("Bonjour, merci pour votre avis") && fr.text.hasSuffix("\nL'équipe de Lyon"))
        let de = ReplyDraft.propose(flag(lang: "de", author: "Jürgen M.", categories: ["injury"]), settings: none, locationName: "")
        #expect(de.text.hasPrefix("Hallo Jürgen, was Sie beschreiben, ist ernst") && de.text.hasSuffix("\nIhr Team"))
        let es = ReplyDraft.propose(flag(lang: "es"), settings: none, locationName: "Madrid")
        #expect(es.text.hasPrefix("Hola Elisa, gracias por su reseña") && es.text.hasSuffix("El equipo de Madrid"))
        let it = ReplyDraft.propose(flag(lang: "it", author: "A Google user"), settings: none, locationName: "Roma")
        #expect(it.text.hasPrefix("Gentile cliente, grazie per averci scritto"))
        // A language with no template of Reputa's or the config's: English.
        #expect(ReplyDraft.propose(flag(lang: "pt"), settings: none, locationName: "Roma").lang == "en")
    }

    @Test func firstNamesAreTakenOnlyWhenTheyLookLikeOne() {
        #expect(ReplyDraft.firstName("Elisa S.") == "Elisa" && ReplyDraft.firstName("Jean-Luc Picard") == "Jean-Luc")
        for handle in ["marco_88", "j.", "anonymous", "Anonimo", "A Google user", "", "X Æ"] {
            #expect(ReplyDraft.firstName(handle) == nil, "\(handle)")
        }
    }
}
