import ReputaOutput

extension ReasonWords {
    /// A note the store wrote in a flag's history, in `lang` (what people wrote is left as it is;
    /// the store's prefix to it is read in Italian).
    static func note(_ text: String, action: String, by: String, lang: String) -> String {
        guard lang == "it" else { return text }
        if action == "assigned", text.hasPrefix("to ") { return "a " + text.dropFirst(3) }
        if action == "acked", let m = text.wholeMatch(of: /already (acked|resolved)/) {
            return "già " + WebStrings.text("status_" + m.1, lang)
        }
        if action == "resolved", text.hasPrefix("already resolved; ") { return "già risolta; " + text.dropFirst(18) }
        if action == "reopened", let m = text.wholeMatch(of: /not resolved \((open|acked)\); (.*)/) {
            return "non risolta (" + WebStrings.text("status_" + m.1, lang) + "); " + m.2
        }
        guard by == "reputa" || action == "drafted" else { return text }
        if let m = text.wholeMatch(of: /(urgent|high|normal), priority (\d+)/) {
            return WebStrings.text("level_" + m.1, lang) + ", priorità \(m.2)"
        }
        if let m = text.wholeMatch(of: /revision (\d+): (urgent|high|normal), priority (\d+)/) {
            return "revisione \(m.1): " + WebStrings.text("level_" + m.2, lang) + ", priorità \(m.3)"
        }
        if let m = text.wholeMatch(of: /the business replied publicly(?: after (.+))?/) {
            return "l'attività ha risposto pubblicamente" + (m.1.map { " dopo " + $0.replacingOccurrences(of: "d", with: "g") } ?? "")
        }
        if text == "the review was edited and still needs an answer" { return "la recensione è stata modificata e serve ancora una risposta" }
        if text == "the review was edited and no longer meets the rules" { return "la recensione è stata modificata e non rientra più nei criteri" }
        if let m = text.wholeMatch(of: /reply draft \((\w+)\), (\d+) characters/) { return "bozza di risposta (\(m.1)), \(m.2) caratteri" }
        return text
    }
}
