/// Every lexicon the flagger reads (sentiment, negators, boosters, contrast in each language,
/// urgent categories, topics), indexed together by first word: a review's words are looked up
/// once each, not once per lexicon. Looking each word up in some forty lexicons one after the
/// other cost 80 % of the flag pass (`perf`, `make bench`: 5,900 reviews/s).
public struct LexiconIndex: Sendable {
    struct Candidate: Sendable {
        var lexicon: Int
        var entry: Lexicon.Entry
    }

    /// Every entry of every lexicon; the maps and `TextMatches` hold positions in it, so a
    /// review's candidates are integers, not copies of entries.
    let table: [Candidate]
    let exact: [String: [Int32]]
    let prefixed: [UInt64: [Int32]]

    public init(_ lexicons: [Lexicon]) {
        var seen = Set<Int>()
        var table: [Candidate] = []
        var exact: [String: [Int32]] = [:]
        var prefixed: [UInt64: [Int32]] = [:]
        for lexicon in lexicons where seen.insert(lexicon.id).inserted {
            for (word, entries) in lexicon.exact.sorted(by: { $0.key < $1.key }) {
                for entry in entries {
                    exact[word, default: []].append(Int32(table.count))
                    table.append(Candidate(lexicon: lexicon.id, entry: entry))
                }
            }
            for (key, entries) in lexicon.prefixed.sorted(by: { $0.key < $1.key }) {
                for entry in entries {
                    prefixed[key, default: []].append(Int32(table.count))
                    table.append(Candidate(lexicon: lexicon.id, entry: entry))
                }
            }
        }
        self.table = table
        self.exact = exact
        self.prefixed = prefixed
    }

    /// The sentiment lexicons of every language (what `NegativityScorer` reads on its own).
    public static let sentiment = LexiconIndex(SentimentTerms.all.flatMap(\.lexicons))

    /// The candidates of every word of `tokens`: the entries of any indexed lexicon whose first
    /// word matches it.
    public func scan(_ tokens: TextTokens) -> TextMatches {
        var out = TextMatches(tokens: tokens, table: table)
        out.start.reserveCapacity(tokens.words.count + 1)
        for word in tokens.words {
            out.start.append(Int32(out.candidates.count))
            if let found = exact[word] { out.candidates += found }
            if let key = Lexicon.key(of: word), let found = prefixed[key] {
                for c in found where table[Int(c)].entry.matches(word, at: 0) {
                    out.candidates.append(c)
                }
            }
        }
        out.start.append(Int32(out.candidates.count))
        return out
    }
}

/// A review's words with the lexicon entries that may start at each (`LexiconIndex.scan`).
public struct TextMatches: Sendable {
    public let tokens: TextTokens
    let table: [LexiconIndex.Candidate]
    var start: [Int32] = []
    var candidates: [Int32] = []

    init(tokens: TextTokens, table: [LexiconIndex.Candidate]) {
        self.tokens = tokens
        self.table = table
    }

    public var words: [String] { tokens.words }

    /// The longest entry of `lexicon` starting at word `i`, if any (as `Lexicon.match`).
    public func longest(_ lexicon: Lexicon, at i: Int) -> Lexicon.Entry? {
        longest(lexicon.id, at: i)
    }

    /// `longest` by the lexicon's id.
    func longest(_ lexicon: Int, at i: Int) -> Lexicon.Entry? {
        let first = Int(start[i]), end = Int(start[i + 1])
        guard first < end else { return nil }
        let words = tokens.words
        var best = -1, bestCount = 0
        for c in first..<end {
            let index = Int(candidates[c])
            guard table[index].lexicon == lexicon else { continue }
            let count = table[index].entry.words.count
            guard count > bestCount, i + count <= words.count else { continue }
            var ok = true
            var k = 1
            while k < count {
                if !table[index].entry.matches(words[i + k], at: k) { ok = false; break }
                k += 1
            }
            if ok {
                best = index
                bestCount = count
            }
        }
        return best < 0 ? nil : table[best].entry
    }

    /// Whether any entry of `lexicon` is in the text (stops at the first).
    public func mentions(_ lexicon: Lexicon) -> Bool {
        let id = lexicon.id
        for i in tokens.words.indices where longest(id, at: i) != nil { return true }
        return false
    }
}
