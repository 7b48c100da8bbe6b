/// Tells Italian from English (and neither) by counting frequent function words and common
/// review words. Good enough to route and to pick a lexicon; it says `und` when unsure.
///
/// Words are cut from the UTF-8 bytes directly (ASCII letters lower-cased, every non-ASCII
/// byte kept as part of a word): `Character.isLetter` cost a quarter of a CSV import.
public enum LanguageDetector {
    static let italian: Set<String> = [
        "il", "lo", "la", "gli", "le", "un", "una", "uno", "di", "del", "della", "dei", "delle", "che", "è",
        "non", "per", "con", "sono", "ho", "abbiamo", "molto", "ma", "anche", "più", "ci", "si", "mi",
        "al", "alla", "nel", "nella", "questo", "questa", "tutto", "tutti", "come", "ottimo", "ottima",
        "buono", "buona", "pessimo", "pessima", "servizio", "personale", "consiglio", "locale", "cibo",
        "piatti", "piatto", "prezzo", "conto", "cameriere", "attesa", "siamo", "stato", "stata", "era",
        "grazie", "davvero", "poi", "dopo", "ancora", "sempre", "mai", "niente", "bravi", "gentili",
        "qualità", "esperienza", "tornerò", "torneremo", "posto", "veramente", "ordine", "ordinato",
        "e", "ed", "troppo", "va", "mio", "mia", "miei", "pochi", "poco", "veloce", "lenta", "lento",
        "consegna", "subito", "perché", "però", "quando", "dove", "nostro", "nostra", "questi", "sia",
    ]
    static let english: Set<String> = [
        "the", "and", "is", "was", "of", "to", "it", "for", "with", "not", "very", "but", "we", "i",
        "my", "this", "that", "food", "great", "service", "staff", "good", "were", "had", "have", "are",
        "our", "you", "they", "be", "at", "on", "would", "will", "again", "place", "best", "bad", "terrible",
        "amazing", "recommend", "delicious", "waiter", "wait", "order", "ordered", "never", "just", "so",
        "all", "from", "an", "me", "there", "here", "what", "which", "really", "nice", "friendly",
        "works", "well", "recommended", "easy", "fast", "quick", "love", "loved", "because", "when", "where",
        "could", "should", "did", "been", "too", "us", "their",
    ]
    /// Italian elided articles and prepositions before an apostrophe: l'ordine, un'ottima, dell'app.
    static let elisions: Set<String> = ["l", "un", "dell", "all", "nell", "dall", "sull", "quest", "c", "d", "m", "t", "s"]

    public static func detect(_ text: String) -> String {
        var it = 0, en = 0
        var word: [UInt8] = []
        func score() {
            guard !word.isEmpty else { return }
            let w = String(decoding: word, as: UTF8.self)
            if italian.contains(w) { it += 1 }
            if english.contains(w) { en += 1 }
            word.removeAll(keepingCapacity: true)
        }
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            // An apostrophe: ASCII ' or U+2019 (E2 80 99).
            let apostrophe = b == 0x27 ? 1 : (b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 ? 3 : 0)
            if apostrophe > 0 {
                if elisions.contains(String(decoding: word, as: UTF8.self)) { it += 1 }
                score()
                i += apostrophe
                continue
            }
            switch b {
            case 0x41...0x5A: word.append(b | 0x20)
            case 0x61...0x7A, 0x80...0xFF: word.append(b)
            default: score()
            }
            i += 1
        }
        score()
        if it > en { return "it" }
        if en > it { return "en" }
        return "und"
    }
}
