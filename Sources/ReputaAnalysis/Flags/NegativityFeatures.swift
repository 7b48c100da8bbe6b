/// What the negativity model (`NegativityModel`) reads from a review: hashed features, each a
/// bucket of the weight table and a value. The training script (`scripts/train_negativity.py`)
/// gets them from `reputa score-text --features`, so training and scoring share this one
/// definition; `version` is written into the model file and a model made from other features is
/// refused.
///
/// - **words**: every word (folded as in `TextTokens`), value 1; a word up to three words after a
///   negator of the review's language in the same sentence is a feature of its own ("non …
///   consiglio" is not "consiglio");
/// - **word pairs**: two neighbouring words in one sentence, value 1;
/// - **prior**: one feature in every review, value 1 (no prior per language: the share of
///   negative reviews in a language's training files is their portal's, not the language's);
/// - **lexicon signals**, per language and shared by all: the lexicon scorer's score, its praise
///   and its negative part (each ÷ 3, clamped to ±2), and 1 when it calls the text negative. These
///   carry the lexicon's negation, intensity and contrast rules, and its hand-picked general
///   words, to portals the training data never saw.
///
/// A feature's bucket is FNV-1a (64 bit) over a kind byte, the language where it has one and
/// the words' UTF-8, folded to `bits` bits.
public enum NegativityFeatures {
    public static let version: UInt32 = 2

    enum Kind: UInt8 {
        case language = 1, word, negatedWord, pair, lexicon, lexiconShared
    }

    /// Where a word feature came from, for the reasons shown to people: the words `range` of
    /// `TextTokens.words` (a negated word's range starts at its negator).
    public struct Source: Equatable, Sendable {
        public var range: Range<Int>
    }

    /// The language code features use: `it`, `en`, … or `und`.
    public static func code(_ language: String) -> String {
        let code = language.lowercased().prefix(2)
        return code.count == 2 && code != "un" ? String(code) : "und"
    }

    /// Calls `visit` with every feature of the text: bucket, value and, for words and pairs,
    /// the words it stands for.
    public static func extract(_ matches: TextMatches, language: String, lexicon: NegativityScorer.Verdict, bits: Int,
                               _ visit: (Int, Float, Source?) -> Void) {
        let mask = UInt64(1) << UInt64(bits) - 1
        let lang = code(language)
        func bucket(_ hash: FNV) -> Int { Int((hash.value ^ (hash.value >> 29)) & mask) }

        var prior = FNV(Kind.language.rawValue)
        prior.add("*")
        visit(bucket(prior), 1, nil)
        let signals: [Double] = [lexicon.score / 3, lexicon.praise / 3, (lexicon.score - lexicon.praise) / 3,
                                 lexicon.score <= NegativityScorer.threshold ? 1 : 0]
        for (index, signal) in signals.enumerated() {
            let value = Float(min(2, max(-2, signal)))
            guard value != 0 else { continue }
            var own = FNV(Kind.lexicon.rawValue)
            own.add(UInt8(index))
            own.add(lang)
            visit(bucket(own), value, nil)
            var shared = FNV(Kind.lexiconShared.rawValue)
            shared.add(UInt8(index))
            visit(bucket(shared), value, nil)
        }

        let terms = SentimentTerms.of(language: language)
        let words = matches.words
        var negatorAt = -100
        var previous: Int? = nil
        var i = 0
        while i < words.count {
            let word = words[i]
            if word == TextTokens.boundary {
                negatorAt = -100
                previous = nil
                i += 1
                continue
            }
            if let negator = NegativityScorer.longest(terms, matches, i, .negators), negator.words.count == 1 {
                negatorAt = i
            }
            let negated = negatorAt != i && i - negatorAt <= 3
            var w = FNV(negated ? Kind.negatedWord.rawValue : Kind.word.rawValue)
            w.add(word)
            visit(bucket(w), 1, Source(range: (negated ? negatorAt : i)..<(i + 1)))
            if let p = previous {
                var pair = FNV(Kind.pair.rawValue)
                pair.add(words[p])
                pair.add(0x20)
                pair.add(word)
                visit(bucket(pair), 1, Source(range: p..<(i + 1)))
            }
            previous = i
            i += 1
        }
    }

    /// 64-bit FNV-1a (Fowler, Noll, Vo).
    struct FNV {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        init(_ kind: UInt8) { add(kind) }

        mutating func add(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }

        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { for byte in $0 { add(byte) } }
            add(0xff)
        }
    }
}
