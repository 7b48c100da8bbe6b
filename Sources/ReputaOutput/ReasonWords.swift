import Foundation
import ReputaAnalysis
import ReputaCore

/// The flagger's reasons, the built-in category and topic names and the flag history's own notes
/// in the reader's language. The flagger and the store write them in English (they are also the
/// CLI's and the alerts' words); a page in Italian reads each known form back in Italian. A form
/// this table does not know, or a name the config gave, is shown as written.
public enum ReasonWords {
    /// Italian names of the built-in urgent categories and topics, by id.
    public static let italianNames: [String: String] = [
        "food_safety": "salute e sicurezza (cibo)", "allergy": "salute e sicurezza (allergie)", "legal_threat": "minaccia legale",
        "data_leak": "privacy e fuga di dati", "fraud": "frode", "discrimination": "discriminazione",
        "injury": "salute e sicurezza (infortuni)", "staff_abuse": "abusi del personale", "refund_demand": "richiesta di rimborso",
        "price": "prezzo", "staff": "personale", "waiting_time": "tempi di attesa", "cleanliness": "pulizia",
        "quality": "qualità di cibo e prodotti", "delivery": "consegna", "billing": "conto e pagamenti",
        "app": "crash e accesso all'app", "booking": "prenotazioni", "noise": "rumore",
    ]

    /// The built-in groups' English names, by id (a config that renames one keeps its name).
    public static let builtInNames: [String: String] = Dictionary(
        (UrgentCategories.defaults + Topics.defaults).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })

    /// A category's or topic's name in `lang`: the config's `name`, in Italian when it is the built-in one.
    public static func name(id: String, configured: String?, lang: String) -> String {
        let name = configured ?? id
        guard lang == "it", builtInNames[id] == name, let italian = italianNames[id] else { return name }
        return italian
    }

    /// One reason of the flagger in `lang`.
    public static func reason(_ text: String, lang: String) -> String {
        guard lang == "it" else { return text }
        func number(_ s: Substring) -> String { s.replacingOccurrences(of: ".", with: ",") }
        if let m = text.wholeMatch(of: /rated (\S+) on (\S+) \(complaints: (\S+) or less\)/) {
            return "voto \(number(m.1)) su \(m.2) (reclamo: \(number(m.3)) o meno)"
        }
        if let m = text.wholeMatch(of: /negative text \(score (\S+)\)(: .*?)?(, no rating)?/) {
            return "testo negativo (punteggio \(number(m.1)))" + (m.2.map(String.init) ?? "") + (m.3 == nil ? "" : ", senza voto")
        }
        if let m = text.wholeMatch(of: /rating–text mismatch: (\S+) on (\S+) with strongly negative text/) {
            return "voto e testo in contrasto: \(number(m.1)) su \(m.2) con un testo molto negativo"
        }
        if text.hasPrefix("reach: ") {
            let parts = text.dropFirst(7).components(separatedBy: ", ").map { part -> String in
                if let m = part.wholeMatch(of: /(\d+) people found it helpful/) { return "\(m.1) persone l'hanno trovata utile" }
                if let m = part.wholeMatch(of: /the author has written (\d+) reviews/) { return "l'autore ha scritto \(m.1) recensioni" }
                return part
            }
            return "visibilità: " + parts.joined(separator: ", ")
        }
        if let m = text.wholeMatch(of: /spike: (\d+) complaints about (.+) at (.+) within (\d+) days/) {
            let topic = builtInNames.first { $0.value == String(m.2) }.flatMap { italianNames[$0.key] } ?? String(m.2)
            return "picco: \(m.1) reclami su \(topic) a \(m.3) in \(m.4) giorni"
        }
        // `<category name>: "words"`: the built-in names read in Italian.
        for (id, english) in builtInNames where text.hasPrefix(english + ": ") {
            return (italianNames[id] ?? english) + text.dropFirst(english.count)
        }
        return text
    }
}
