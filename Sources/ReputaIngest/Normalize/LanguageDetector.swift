import CLanguageID

/// The language of a review: a fast word pass, then CLD2 (Debian's Compact Language Detector 2)
/// whenever the pass is not sure.
///
/// The pass counts frequent Italian and English words, and words that mark French, Spanish,
/// German, Portuguese or Dutch. Italian or English with a clear lead and no foreign marker is
/// answered at once (most of our reviews, and the import's hot path); anything else (a marker,
/// a tie, no known word) goes to CLD2, whose answer is taken when it calls it reliable. Short
/// texts CLD2 cannot place keep the pass's answer, else `und`. The pass alone called French
/// Italian (shared articles, `c'`/`l'` elisions): 34 of 50 French App Store reviews.
///
/// Words are cut from the UTF-8 bytes directly (ASCII letters lower-cased, every non-ASCII
/// byte kept as part of a word): `Character.isLetter` cost a quarter of a CSV import. Reading
/// stops once one language leads by `decisiveLead` words: the rest of a long review cannot
/// plausibly turn it, and the scan was a tenth of an App Store feed parse (`make bench`).
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
    /// Frequent words of the other languages reviews arrive in (function words and a few review
    /// words): they send a text to CLD2, and decide short texts CLD2 cannot place.
    static let french: Set<String> = [
        "et", "est", "les", "des", "une", "pas", "je", "nous", "vous", "très", "avec", "dans", "pour", "qui", "sur",
        "aux", "du", "ce", "cette", "été", "mais", "ont", "sont", "était", "ça", "j", "qu", "n", "leur", "votre",
        "de", "à", "ne", "plus", "rien", "bien", "mon", "moi", "on", "sans", "où", "fait", "même", "toujours", "peut",
        "trop", "être", "avoir", "merci", "impossible", "que", "en", "application", "marche", "fonctionne", "depuis",
    ]
    static let spanish: Set<String> = [
        "el", "los", "las", "muy", "pero", "y", "para", "fue", "está", "estaba", "por", "que", "en", "todo", "hay",
        "aplicación", "funciona", "nada", "más", "sin", "mucho", "tengo", "puedo", "hace", "desde", "cuando", "porque",
        "también", "gracias", "esto", "ya", "de", "es", "bien",
    ]
    static let german: Set<String> = [
        "und", "der", "die", "das", "ist", "nicht", "sehr", "mit", "ich", "wir", "auch", "ein", "eine", "zu", "für",
        "aber", "auf", "sie", "war", "wurde", "kein", "keine", "noch", "immer", "es", "den", "dem", "nur",
    ]
    static let portuguese: Set<String> = [
        "não", "muito", "foi", "os", "uma", "ótimo", "péssimo", "você", "isso", "de", "que", "em", "com", "mais",
    ]
    static let dutch: Set<String> = [
        "het", "een", "van", "niet", "zeer", "heel", "ook", "maar", "geen", "naar", "wij", "de", "en", "is",
    ]
    /// Words that are neither Italian nor common English: one is enough to ask CLD2. Words of the
    /// lists that Italian or English texts use too ("on", "plus", "ne", "ce") only count in the
    /// scores: as markers they sent every other English review to CLD2 (a CSV import 45 % slower).
    static let foreign: Set<String> = french.union(spanish).union(german).union(portuguese).union(dutch)
        .subtracting(italian).subtracting(english).subtracting(shared)
    static let shared: Set<String> = ["on", "plus", "impossible", "application", "ne", "ce", "mon", "bien"]

    /// Italian elided articles and prepositions before an apostrophe: l'ordine, un'ottima, dell'app.
    static let elisions: Set<String> = ["l", "un", "dell", "all", "nell", "dall", "sull", "quest", "c", "d", "m", "t", "s"]

    /// Word → language bits (1 Italian, 2 English, 4 elision) in an open-addressing table keyed
    /// by the word's first eight bytes packed into an integer, mixed with its length: a
    /// `Set<String>` lookup per word (building and hashing a String) was the largest single
    /// cost of a CSV import in `perf`, and a per-byte multiplying hash the next. Two lexicon
    /// words share a key only when they share length and first eight bytes (`esperienza`,
    /// `esperienze`), which for telling two languages apart is harmless.
    static let table: WordTable = {
        var t = WordTable()
        for w in italian { t.insert(w, bit: 1) }
        for w in english { t.insert(w, bit: 2) }
        for w in elisions { t.insert(w, bit: 4) }
        for w in foreign { t.insert(w, bit: 8) }
        return t
    }()

    struct WordTable {
        static let size = 2048 // power of two, well above the ~400 words
        var keys = [UInt64](repeating: 0, count: size)
        var bits = [UInt8](repeating: 0, count: size)

        mutating func insert(_ word: String, bit: UInt8) {
            var packed: UInt64 = 0
            for (i, b) in word.utf8.prefix(8).enumerated() { packed |= UInt64(b) << (8 * UInt64(i)) }
            let h = LanguageDetector.key(packed, length: word.utf8.count)
            var slot = Int(truncatingIfNeeded: h >> 40) & (Self.size - 1)
            while keys[slot] != 0, keys[slot] != h { slot = (slot + 1) & (Self.size - 1) }
            keys[slot] = h
            bits[slot] |= bit
        }

        @inline(__always)
        func lookup(_ h: UInt64) -> UInt8 {
            var slot = Int(truncatingIfNeeded: h >> 40) & (Self.size - 1)
            while keys[slot] != 0 {
                if keys[slot] == h { return bits[slot] }
                slot = (slot + 1) & (Self.size - 1)
            }
            return 0
        }
    }

    @inline(__always)
    static func key(_ packed: UInt64, length: Int) -> UInt64 {
        (packed ^ UInt64(length) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9 | 1
    }

    /// Byte → its lower-case self when it belongs to a word (ASCII letters, every non-ASCII
    /// byte), 0 when it ends one. One table load per byte instead of a chain of comparisons.
    static let wordBytes: [UInt8] = (0...255).map { b in
        switch b {
        case 0x41...0x5A: UInt8(b) | 0x20
        case 0x61...0x7A, 0x80...0xFF: UInt8(b)
        default: 0
        }
    }

    /// Italian and English word counts of UTF-8 text: words are cut at ASCII non-letters (ASCII
    /// letters lower-cased, non-ASCII bytes kept), an apostrophe (' or U+2019) after an Italian
    /// elision counts for Italian.
    static let decisiveLead = 8

    /// Italian, English and foreign-marker words in `bytes`, added to `start`; stops early at a
    /// decisive lead or at the first foreign marker (CLD2 decides then).
    static func count(_ bytes: UnsafeBufferPointer<UInt8>, from start: (Int, Int, Int) = (0, 0, 0)) -> (Int, Int, Int) {
        table.keys.withUnsafeBufferPointer { keys in
            table.bits.withUnsafeBufferPointer { bits in
                wordBytes.withUnsafeBufferPointer { wordBytes in
                    count(bytes, from: start, keys: keys, bits: bits, wordBytes: wordBytes)
                }
            }
        }
    }

    static func count(_ bytes: UnsafeBufferPointer<UInt8>, from start: (Int, Int, Int), keys: UnsafeBufferPointer<UInt64>,
                      bits: UnsafeBufferPointer<UInt8>, wordBytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int) {
        @inline(__always) func lookup(_ h: UInt64) -> UInt8 {
            var slot = Int(truncatingIfNeeded: h >> 40) & (WordTable.size - 1)
            while keys[slot] != 0 {
                if keys[slot] == h { return bits[slot] }
                slot = (slot + 1) & (WordTable.size - 1)
            }
            return 0
        }
        var (it, en, other) = start
        var packed: UInt64 = 0, length = 0
        @inline(__always) func score() {
            if length > 0, length <= 12 {
                let found = lookup(key(packed, length: length))
                it &+= Int(found & 1)
                en &+= Int((found >> 1) & 1)
                other &+= Int((found >> 3) & 1)
            }
            packed = 0
            length = 0
        }
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let w = wordBytes[Int(b)]
            if w != 0, !(b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99) {
                // Bytes past the eighth shift out to nothing (Swift's shifts saturate).
                packed |= UInt64(w) << UInt64(8 * length)
                length += 1
                i += 1
                continue
            }
            // An apostrophe (ASCII ' or U+2019) after an Italian elision: l'ordine, un'ottima.
            let apostrophe = b == 0x27 ? 1 : (b == 0xE2 ? 3 : 0)
            if apostrophe > 0, length > 0, length <= 12, lookup(key(packed, length: length)) & 4 != 0 { it += 1 }
            score()
            if other > 0 || it - en >= decisiveLead || en - it >= decisiveLead { return (it, en, other) }
            i += apostrophe > 0 ? apostrophe : 1
        }
        score()
        return (it, en, other)
    }

    /// The language of a review's texts taken together (title and body, say).
    public static func detect(_ texts: String...) -> String {
        var counts = (0, 0, 0)
        for text in texts where counts.2 == 0 {
            var text = text
            counts = text.withUTF8 { count($0, from: counts) }
        }
        let (it, en, other) = counts
        let guess = it > en ? "it" : en > it ? "en" : "und"
        // Sure enough: Italian or English ahead by two words or more, nothing foreign seen.
        if other == 0, abs(it - en) >= 2 { return guess }
        let joined = texts.filter { !$0.isEmpty }.joined(separator: "\n")
        let found = identify(joined)
        let short = joined.utf8.count < shortText
        if let found, found.1, !short { return found.0 }
        if found?.1 != true, other == 0, it != en { return guess }
        // The words' verdict, computed only here (CLD2 unsure, or sure about a short text).
        let scores = wordScores(joined)
        let best = scores.max { $0.1 < $1.1 }!
        let clear = best.1 > 0 && scores.filter({ $0.1 == best.1 }).count == 1
        if let found, found.1 {
            // CLD2 calls short texts "reliable" too readily ("Impossible de se connecter,
            // instructions incompréhensibles." → English, 98 %): on a short text, two more words of
            // another language than of CLD2's outvote it.
            let own = scores.first { $0.0 == found.0 }?.1 ?? 0
            return clear && best.1 >= own + 2 ? best.0 : found.0
        }
        // CLD2 unsure: the language with the most of its own words, when one has more than any
        // other; else CLD2's unsure answer among the languages reviews arrive in.
        if clear { return best.0 }
        if let found, supported.contains(found.0) { return found.0 }
        return guess
    }

    /// Below this many bytes CLD2's "reliable" can be outvoted by the words (see `detect`).
    static let shortText = 160

    /// How many words of `text` belong to each language's list (the slow path: unsure texts only).
    static func wordScores(_ text: String) -> [(String, Int)] {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        return scoreLists.map { name, list in (name, words.filter(list.contains).count) }
    }

    static let scoreLists: [(String, Set<String>)] = [("it", italian.union(elisions)), ("en", english), ("fr", french),
                                                       ("es", spanish), ("de", german), ("pt", portuguese), ("nl", dutch)]

    /// The languages reviews arrive in, beyond which CLD2's unsure answers are not taken.
    static let supported: Set<String> = ["it", "en", "fr", "de", "es", "pt", "nl"]

    /// CLD2's answer for `text` and whether it calls it reliable; nil when it knows none.
    public static func identify(_ text: String) -> (String, Bool)? {
        var text = text
        var code = [CChar](repeating: 0, count: 16)
        var percent: Int32 = 0, reliable: Int32 = 0
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                reputa_cld2_detect(chars.baseAddress, Int32(min(chars.count, Int(Int32.max))), &code, &percent, &reliable)
            }
        }
        let name = String(decoding: code.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard name != "un", !name.isEmpty else { return nil }
        return (name, reliable == 1)
    }

}
