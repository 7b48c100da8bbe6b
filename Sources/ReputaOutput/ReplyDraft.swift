import Foundation
import ReputaCore

/// A reply template of `replies.templates`: for reviews in `lang`, narrowed by an urgent
/// category, a topic and a band of stars (on 1–5), with placeholders filled per review.
public struct ReplyTemplate: Equatable, Sendable {
    public var lang: String
    public var category: String?
    public var topic: String?
    /// Stars on 1–5 (a review on another scale is converted).
    public var stars: ClosedRange<Double>?
    public var text: String

    public init(lang: String, category: String? = nil, topic: String? = nil, stars: ClosedRange<Double>? = nil, text: String) {
        self.lang = lang
        self.category = category
        self.topic = topic
        self.stars = stars
        self.text = text
    }

    /// What a template's text may hold.
    public static let placeholders = ["{first_name}", "{author}", "{location}", "{signature}", "{portal}"]
}

/// The `replies:` section: templates and the signature (per language, "" for any).
public struct ReplySettings: Equatable, Sendable {
    public var templates: [ReplyTemplate] = []
    public var signature: [String: String] = [:]

    public init(templates: [ReplyTemplate] = [], signature: [String: String] = [:]) {
        self.templates = templates
        self.signature = signature
    }
}

/// The reply proposed for a flagged review, in the review's language: the most specific of the
/// config's templates for that language (a matching urgent category counts most, then a topic,
/// then a band of stars; a template that names one and does not match is passed over), else
/// Reputa's own template for the language (Italian, English, French, German, Spanish; English for
/// any other), with `{first_name}`, `{author}`, `{location}`, `{signature}` and `{portal}` filled.
/// It is a draft for a person to edit: nothing is ever posted.
public enum ReplyDraft {
    public static let languages = ["it", "en", "fr", "de", "es"]

    public static func propose(_ flag: FlaggedReview, settings: ReplySettings, locationName: String) -> (text: String, lang: String) {
        let r = flag.review
        let lang = languages.contains(r.language) || settings.templates.contains(where: { $0.lang == r.language }) ? r.language : "en"
        let stars = r.rating.map { 1 + 4 * $0.normalized / 100 } // normalized is on 0–100
        var best: (score: Int, template: ReplyTemplate)?
        for template in settings.templates where template.lang == lang {
            var score = 0
            if let category = template.category {
                guard flag.decision.categories.contains(category) else { continue }
                score += 4
            }
            if let topic = template.topic {
                guard flag.decision.topics.contains(topic) else { continue }
                score += 2
            }
            if let band = template.stars {
                guard let stars, band.contains(stars) else { continue }
                score += 1
            }
            if best == nil || score > best!.score { best = (score, template) }
        }
        let text = best?.template.text ?? builtIn(lang: lang, urgent: !flag.decision.categories.isEmpty)
        let signature = settings.signature[lang] ?? settings.signature[""] ?? defaultSignature(lang: lang, location: locationName)
        return (fill(text, author: r.author, location: locationName, signature: signature, portal: r.portal, lang: lang), lang)
    }

    static func fill(_ text: String, author: String, location: String, signature: String, portal: String, lang: String) -> String {
        let name = firstName(author) ?? ["it": "cliente", "en": "customer"][lang] ?? ""
        var out = text
        if name.isEmpty { out = out.replacingOccurrences(of: " {first_name}", with: "") }
        return out.replacingOccurrences(of: "{first_name}", with: name)
            .replacingOccurrences(of: "{author}", with: author)
            .replacingOccurrences(of: "{signature}", with: signature)
            .replacingOccurrences(of: "{location}", with: location)
            .replacingOccurrences(of: "{portal}", with: portal)
    }

    /// The author's first name when the name looks like one (`Elisa S.` → `Elisa`); nil for
    /// handles, initials and the portals' stand-ins ("A Google user", "Anonimo").
    static func firstName(_ author: String) -> String? {
        guard let first = author.split(whereSeparator: { $0 == " " || $0 == "." }).first.map(String.init),
              first.count >= 2, first.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" }), first.first?.isUppercase == true,
              !["Anonymous", "Anonimo", "Anonyme", "Anonym", "Anónimo", "Utente", "User", "Customer", "Cliente", "Guest",
                "Google", "A", "Un", "Una"].contains(first) else { return nil }
        return first
    }

    static func defaultSignature(lang: String, location: String) -> String {
        switch lang {
        case "it": location.isEmpty ? "Il team" : "Il team di \(location)"
        case "fr": location.isEmpty ? "L'équipe" : "L'équipe de \(location)"
        case "de": location.isEmpty ? "Ihr Team" : "Ihr Team von \(location)"
        case "es": location.isEmpty ? "El equipo" : "El equipo de \(location)"
        default: location.isEmpty ? "The team" : "The \(location) team"
        }
    }

    /// Reputa's own templates: a general answer to a complaint, and one for an urgent category
    /// (something serious reported: ask to be contacted, promise nothing else).
    static func builtIn(lang: String, urgent: Bool) -> String {
        switch (lang, urgent) {
        case ("it", false):
            "Gentile {first_name}, grazie per averci scritto e ci dispiace che la sua esperienza non sia stata all'altezza. Vorremmo capire meglio cosa è successo: può scriverci direttamente?\n{signature}"
        case ("it", true):
            "Gentile {first_name}, quanto descrive è grave e lo stiamo verificando con priorità. La preghiamo di contattarci direttamente, così possiamo occuparcene di persona.\n{signature}"
        case ("fr", false):
            "Bonjour {first_name}, merci pour votre avis ; nous sommes désolés que votre expérience n'ait pas été à la hauteur. Nous aimerions comprendre ce qui s'est passé : pouvez-vous nous écrire directement ?\n{signature}"
        case ("fr", true):
            "Bonjour {first_name}, ce que vous décrivez est grave et nous le vérifions en priorité. Merci de nous contacter directement afin que nous puissions nous en occuper personnellement.\n{signature}"
        case ("de", false):
            "Hallo {first_name}, danke für Ihre Bewertung. Es tut uns leid, dass Ihr Besuch nicht Ihren Erwartungen entsprach. Wir möchten verstehen, was passiert ist: Schreiben Sie uns bitte direkt?\n{signature}"
        case ("de", true):
            "Hallo {first_name}, was Sie beschreiben, ist ernst, und wir prüfen es vorrangig. Bitte kontaktieren Sie uns direkt, damit wir uns persönlich darum kümmern können.\n{signature}"
        case ("es", false):
            "Hola {first_name}, gracias por su reseña; sentimos que su experiencia no haya estado a la altura. Nos gustaría entender qué ocurrió: ¿puede escribirnos directamente?\n{signature}"
        case ("es", true):
            "Hola {first_name}, lo que describe es grave y lo estamos revisando con prioridad. Por favor, contáctenos directamente para que podamos ocuparnos personalmente.\n{signature}"
        case (_, false):
            "Dear {first_name}, thank you for your review, and we are sorry your experience fell short. We would like to understand what happened: could you write to us directly?\n{signature}"
        case (_, true):
            "Dear {first_name}, what you describe is serious and we are looking into it as a priority. Please contact us directly so that we can deal with it personally.\n{signature}"
        }
    }
}
