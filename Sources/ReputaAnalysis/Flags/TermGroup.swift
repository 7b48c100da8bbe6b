import ReputaCore

/// A named group of Italian and English terms: an urgent category (with its priority and
/// level) or a topic of the taxonomy. Terms are matched on accent-folded words in any
/// language (a review in English may name "NAS", one in Italian "refund").
public struct TermGroup: Sendable {
    public var id: String
    /// In plain words, for reasons and alerts ("health and safety").
    public var name: String
    public var terms: [String]
    /// 0–100; an urgent category sets the review's priority to at least this.
    public var priority: Int
    public var level: FlagLevel
    public let lexicon: Lexicon

    public init(id: String, name: String, terms: [String], priority: Int = 0, level: FlagLevel = .normal) {
        self.id = id
        self.name = name
        self.terms = terms
        self.priority = priority
        self.level = level
        lexicon = Lexicon(phrases: terms, weight: 1)
    }

    /// The review's words that matched a term, in order of appearance, each once.
    public func matches(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return lexicon.all(in: words).map(\.matched).filter { seen.insert($0).inserted }
    }

    /// Whether any term is in the words (stops at the first).
    public func isMentioned(in words: [String]) -> Bool {
        words.indices.contains { lexicon.match(words, at: $0) != nil }
    }
}
