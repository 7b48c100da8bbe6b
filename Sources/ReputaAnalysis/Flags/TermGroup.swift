import ReputaCore

/// A named group of terms in any of the supported languages: an urgent category (with its priority and
/// level) or a topic of the taxonomy. Terms are matched on accent-folded words in any
/// language (a review in English may name "NAS", one in Italian "refund"), except a term
/// written `xx:term`, which counts only in a review in language `xx` (or one whose language is
/// undetermined): "en:sue" is a lawsuit in English and a possessive in Italian ("le sue mura").
public struct TermGroup: Sendable {
    public var id: String
    /// In plain words, for reasons and alerts ("health and safety").
    public var name: String
    public var terms: [String]
    /// 0–100; an urgent category sets the review's priority to at least this.
    public var priority: Int
    public var level: FlagLevel
    /// The terms for any language, and those for one language only (`xx:term`).
    public let lexicon: Lexicon
    public let only: [String: Lexicon]

    public init(id: String, name: String, terms: [String], priority: Int = 0, level: FlagLevel = .normal) {
        self.id = id
        self.name = name
        self.terms = terms
        self.priority = priority
        self.level = level
        var general: [String] = [], tagged: [String: [String]] = [:]
        for term in terms {
            let parts = term.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }) {
                tagged[String(parts[0]), default: []].append(String(parts[1]))
            } else {
                general.append(term)
            }
        }
        lexicon = Lexicon(phrases: general, weight: 1)
        only = tagged.mapValues { Lexicon(phrases: $0, weight: 1) }
    }

    /// The lexicons that apply to a review in `language` (`und` or empty: every one).
    func lexicons(for language: String) -> [Lexicon] {
        if only.isEmpty { return [lexicon] }
        let code = language.lowercased().prefix(2)
        let undetermined = code.isEmpty || code == "un"
        return [lexicon] + only.filter { undetermined || $0.key == code }.sorted { $0.key < $1.key }.map { $0.value }
    }

    /// The review's words that matched a term, in order of appearance, each once. A term denied
    /// by a word just before it in the same sentence is no finding (`deniedBefore`).
    public func matches(_ words: [String], language: String = "und") -> [String] {
        findings(words, language: language) { lexicon, i in lexicon.match(words, at: i) }
    }

    /// `matches(_:language:)` on words already looked up in an index that holds this group.
    public func matches(_ text: TextMatches, language: String = "und") -> [String] {
        findings(text.words, language: language) { lexicon, i in text.longest(lexicon, at: i) }
    }

    func findings(_ words: [String], language: String, match: (Lexicon, Int) -> Lexicon.Entry?) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for lexicon in lexicons(for: language) {
            var i = 0
            while i < words.count {
                guard let entry = match(lexicon, i) else {
                    i += 1
                    continue
                }
                let found = words[i..<(i + entry.words.count)].joined(separator: " ")
                if !Self.deniedBefore(words, at: i), seen.insert(found).inserted { out.append(found) }
                i += entry.words.count
            }
        }
        return out
    }

    /// Words that deny a harm named shortly after them, with how far back they reach. Adverbs
    /// deny the verb and what it governs ("nunca hemos visto una cucaracha", "never saw a roach":
    /// four words); determiners and prepositions only the noun they stand before ("aucune
    /// atteinte à la vie privée", "keine Kakerlaken", "sin cucarachas", "rather than an invasion
    /// of privacy": two words; Spanish "sin" one). A harm written with its denier is a term of
    /// its own ("kein Geld zurück", "sin reembolso", "never received a refund"). Plain "no",
    /// "not", "non", "nicht", "pas" are not among them: in Spanish and Italian they deny a verb
    /// that often comes before the complaint ("no sirve, me robaron"), and English "no refund" is
    /// itself a demand.
    static let deniers: [String: Int] = {
        var reach: [String: Int] = [:]
        for word in ["never", "nunca", "jamas", "jamais", "niemals", "nie"] { reach[word] = 4 }
        for word in ["nessun", "nessuna", "nessuno", "aucun", "aucune", "kein", "keine", "keinen", "keiner", "keinem",
                     "ningun", "ninguna", "ninguno", "without", "senza", "sans", "ohne", "than"] { reach[word] = 2 }
        reach["sin"] = 1 // "sin cucarachas", but "nueve días sin agua, dos sin luz, cucarachas"
        return reach
    }()

    static func deniedBefore(_ words: [String], at i: Int) -> Bool {
        var back = 1
        while back <= 4, i - back >= 0, words[i - back] != TextTokens.boundary {
            if let reach = deniers[words[i - back]], back <= reach { return true }
            back += 1
        }
        return false
    }

    /// Whether any term is in the words (stops at the first).
    public func isMentioned(in words: [String]) -> Bool {
        words.indices.contains { lexicon.match(words, at: $0) != nil }
    }

    /// Every lexicon of the group, for a `LexiconIndex`.
    public var lexicons: [Lexicon] { [lexicon] + only.sorted { $0.key < $1.key }.map(\.value) }

    /// `isMentioned(in:)` on words already looked up in an index that holds this group.
    public func isMentioned(in text: TextMatches) -> Bool {
        text.mentions(lexicon)
    }
}
