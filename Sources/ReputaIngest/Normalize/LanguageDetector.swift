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

    /// Word → language bits (1 Italian, 2 English, 4 elision), keyed by the FNV-1a hash of the
    /// word's bytes in an open-addressing table: a `Set<String>` lookup per word (hashing a
    /// String, building it first) was the largest single cost of a CSV import in `perf`.
    /// Two different 64-bit hashes colliding on a lexicon word is not a practical concern.
    static let table: WordTable = {
        var t = WordTable()
        for w in italian { t.insert(w, bit: 1) }
        for w in english { t.insert(w, bit: 2) }
        for w in elisions { t.insert(w, bit: 4) }
        return t
    }()

    struct WordTable {
        static let size = 1024 // power of two, well above the ~280 words
        var keys = [UInt64](repeating: 0, count: size)
        var bits = [UInt8](repeating: 0, count: size)

        mutating func insert(_ word: String, bit: UInt8) {
            let h = LanguageDetector.hash(Array(word.utf8))
            var slot = Int(truncatingIfNeeded: h) & (Self.size - 1)
            while keys[slot] != 0, keys[slot] != h { slot = (slot + 1) & (Self.size - 1) }
            keys[slot] = h
            bits[slot] |= bit
        }

        func lookup(_ h: UInt64) -> UInt8 {
            var slot = Int(truncatingIfNeeded: h) & (Self.size - 1)
            while keys[slot] != 0 {
                if keys[slot] == h { return bits[slot] }
                slot = (slot + 1) & (Self.size - 1)
            }
            return 0
        }
    }

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// The language of a review's texts taken together (title and body, say).
    public static func detect(_ texts: String...) -> String {
        var it = 0, en = 0
        for text in texts {
            var text = text
            let (i, e) = text.withUTF8 { count($0) }
            it += i
            en += e
        }
        if it > en { return "it" }
        if en > it { return "en" }
        return "und"
    }

    /// Italian and English word counts of UTF-8 text: words are cut at ASCII non-letters (ASCII
    /// letters lower-cased, non-ASCII bytes kept), an apostrophe (' or U+2019) after an Italian
    /// elision counts for Italian.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        let table = Self.table
        var it = 0, en = 0
        var h = seed, length = 0
        var i = 0
        let n = bytes.count
        @inline(__always) func score() {
            if length > 0, length <= 12 {
                let bits = table.lookup(h)
                if bits & 1 != 0 { it += 1 }
                if bits & 2 != 0 { en += 1 }
            }
            h = seed
            length = 0
        }
        while i < n {
            let b = bytes[i]
            let apostrophe = b == 0x27 ? 1 : (b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 ? 3 : 0)
            if apostrophe > 0 {
                if length > 0, table.lookup(h) & 4 != 0 { it += 1 }
                score()
                i += apostrophe
                continue
            }
            switch b {
            case 0x41...0x5A:
                h = (h ^ UInt64(b | 0x20)) &* prime
                length += 1
            case 0x61...0x7A, 0x80...0xFF:
                h = (h ^ UInt64(b)) &* prime
                length += 1
            default:
                score()
            }
            i += 1
        }
        score()
        return (it, en)
    }
}
