/// Tells Italian from English (and neither) by counting frequent function words and common
/// review words. Good enough to route and to pick a lexicon; it says `und` when unsure.
public enum LanguageDetector {
    static let italian: Set<String> = [
        "il", "lo", "la", "gli", "le", "un", "una", "uno", "di", "del", "della", "dei", "delle", "che", "è",
        "non", "per", "con", "sono", "ho", "abbiamo", "molto", "ma", "anche", "più", "ci", "si", "mi",
        "al", "alla", "nel", "nella", "questo", "questa", "tutto", "tutti", "come", "ottimo", "ottima",
        "buono", "buona", "pessimo", "pessima", "servizio", "personale", "consiglio", "locale", "cibo",
        "piatti", "piatto", "prezzo", "conto", "cameriere", "attesa", "siamo", "stato", "stata", "era",
        "grazie", "davvero", "poi", "dopo", "ancora", "sempre", "mai", "niente", "bravi", "gentili",
        "qualità", "esperienza", "tornerò", "torneremo", "posto", "veramente", "app", "ordine", "ordinato",
    ]
    static let english: Set<String> = [
        "the", "and", "is", "was", "of", "to", "it", "in", "for", "with", "not", "very", "but", "we", "i",
        "my", "this", "that", "food", "great", "service", "staff", "good", "were", "had", "have", "are",
        "our", "you", "they", "be", "at", "on", "would", "will", "again", "place", "best", "bad", "terrible",
        "amazing", "recommend", "delicious", "waiter", "wait", "order", "ordered", "never", "just", "so",
        "all", "from", "an", "me", "app", "there", "here", "what", "which", "really", "nice", "friendly",
    ]

    public static func detect(_ text: String) -> String {
        var it = 0, en = 0
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "'") }) {
            var w = String(word)
            // Italian elisions: "l'ordine", "un'ottima", "dell'app".
            if let q = w.firstIndex(of: "'") {
                let head = w[..<q]
                if ["l", "un", "dell", "all", "nell", "dall", "sull", "quest", "c", "d", "m", "t", "s"].contains(String(head)) {
                    it += 1
                }
                w = String(w[w.index(after: q)...])
            }
            if italian.contains(w) { it += 1 }
            if english.contains(w) { en += 1 }
        }
        if it == 0 && en == 0 { return "und" }
        if it > en { return "it" }
        if en > it { return "en" }
        return "und"
    }
}
