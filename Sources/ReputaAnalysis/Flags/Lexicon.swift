import Synchronization

/// A list of words and phrases, each with a weight, found in `TextTokens` by longest match.
///
/// Written one entry group per line as `WEIGHT: phrase, phrase, …`; a phrase is words
/// separated by spaces, and a word ending in `*` matches every word it begins (at least three
/// letters before the `*`). Accents are folded on both sides, so `più` matches `piu`. Lines
/// starting with `#` are comments.
public struct Lexicon: Sendable {
    /// A class, not a struct: the flag pass hands entries around by the million, and a reference
    /// is one count to keep where a struct of four arrays and strings was four (`perf`, `make bench`).
    public final class Entry: Equatable, Sendable {
        public let words: [String]
        public let weight: Double
        /// The phrase as written, for reasons shown to people.
        public let text: String
        /// Each word without its `*`, and whether it had one: `matches(word, k)` compares with
        /// `hasPrefix` or `==` without cutting the pattern on every call.
        let heads: [String]
        let prefix: [Bool]

        public init(words: [String], weight: Double, text: String) {
            self.words = words
            self.weight = weight
            self.text = text
            prefix = words.map { $0.hasSuffix("*") }
            heads = words.map { $0.hasSuffix("*") ? String($0.dropLast()) : $0 }
        }

        /// Whether the entry's word `k` matches `word`.
        @inline(__always) func matches(_ word: String, at k: Int) -> Bool {
            prefix[k] ? word.hasPrefix(heads[k]) : word == heads[k]
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.words == b.words && a.weight == b.weight && a.text == b.text
        }
    }

    /// Entries by exact first word, longest first.
    var exact: [String: [Entry]] = [:]
    /// Entries whose first word is a prefix, by its first three letters (`key(of:)`), longest first.
    var prefixed: [UInt64: [Entry]] = [:]
    public private(set) var count = 0
    /// Tells lexicons apart in a `LexiconIndex` (unique in the process).
    public let id: Int

    private static let ids = Atomic<Int>(0)
    private static func nextID() -> Int { ids.add(1, ordering: .relaxed).newValue }

    public init(_ source: String) {
        id = Self.nextID()
        for line in source.split(separator: "\n") {
            let line = line.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let colon = line.firstIndex(of: ":"),
                  let weight = Double(line[..<colon].trimmingCharacters(in: .whitespaces)) else { continue }
            add(phrases: line[line.index(after: colon)...].split(separator: ",").map(String.init), weight: weight)
        }
    }

    public init(phrases: [String], weight: Double) {
        id = Self.nextID()
        add(phrases: phrases, weight: weight)
    }

    mutating func add(phrases: [String], weight: Double) {
        for phrase in phrases {
            let written = phrase.trimmingCharacters(in: .whitespaces)
            let folded = Self.words(of: written)
            guard let first = folded.first else { continue }
            let entry = Entry(words: folded, weight: weight, text: written)
            if first.hasSuffix("*"), let key = Self.key(of: first) {
                prefixed[key, default: []].append(entry)
                prefixed[key]!.sort { $0.words.count > $1.words.count }
            } else {
                exact[first, default: []].append(entry)
                exact[first]!.sort { $0.words.count > $1.words.count }
            }
            count += 1
        }
    }

    /// A phrase as lexicon words: folded like review text, `*` kept at a word's end.
    static func words(of phrase: String) -> [String] {
        phrase.split(whereSeparator: { $0 == " " }).flatMap { part -> [String] in
            let star = part.hasSuffix("*")
            var words = TextTokens(String(star ? part.dropLast() : part)).words
            if star, !words.isEmpty { words[words.count - 1] += "*" }
            return words
        }
    }

    /// A word's first three scalars packed in one number (nil when shorter): a cheaper key
    /// than a three-letter string, which cost a tenth of the flag pass (`perf`, `make bench`).
    static func key(of word: String) -> UInt64? {
        var key: UInt64 = 0
        var count = 0
        for scalar in word.unicodeScalars {
            key = key << 21 | UInt64(scalar.value)
            count += 1
            if count == 3 { return key }
        }
        return nil
    }

    /// The longest entry starting at word `i`, if any.
    public func match(_ words: [String], at i: Int) -> Entry? {
        let word = words[i]
        var best: Entry?
        func consider(_ candidates: [Entry]?) {
            for entry in candidates ?? [] where entry.words.count > (best?.words.count ?? 0) {
                guard i + entry.words.count <= words.count else { continue }
                if entry.words.indices.allSatisfy({ entry.matches(words[i + $0], at: $0) }) {
                    best = entry
                }
            }
        }
        consider(exact[word])
        if let key = Self.key(of: word) { consider(prefixed[key]) }
        return best
    }

    /// Every entry found in the words, left to right, without overlaps, with the words it
    /// matched (as folded review words: "intossicazione", not the pattern "intossicazion*").
    public func all(in words: [String]) -> [(entry: Entry, matched: String)] {
        var found: [(entry: Entry, matched: String)] = []
        var i = 0
        while i < words.count {
            if let entry = match(words, at: i) {
                found.append((entry, words[i..<(i + entry.words.count)].joined(separator: " ")))
                i += entry.words.count
            } else {
                i += 1
            }
        }
        return found
    }
}
