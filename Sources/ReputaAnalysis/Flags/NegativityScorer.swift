import Foundation

/// The words of one language for the negativity scorer.
public struct SentimentTerms: Sendable {
    public var sentiment: Lexicon
    /// Words that flip the next sentiment word ("non", "not").
    public var negators: Lexicon
    /// Words that scale the next sentiment word (weight = the factor: "molto" 1.5, "un po'" 0.5).
    public var boosters: Lexicon
    /// Words after which the rest of the sentence counts more ("ma", "but").
    public var contrast: Lexicon

    public static let it = SentimentTerms(sentiment: italian, negators: italianGrammar, boosters: italianBoosters,
                                          contrast: italianContrast)
    public static let en = SentimentTerms(sentiment: english, negators: englishGrammar, boosters: englishBoosters,
                                          contrast: englishContrast)
    public static let fr = SentimentTerms(sentiment: french, negators: frenchGrammar, boosters: frenchBoosters,
                                          contrast: frenchContrast)
    public static let de = SentimentTerms(sentiment: german, negators: germanGrammar, boosters: germanBoosters,
                                          contrast: germanContrast)
    public static let es = SentimentTerms(sentiment: spanish, negators: spanishGrammar, boosters: spanishBoosters,
                                          contrast: spanishContrast)

    /// The four lists, by name (their lexicons' ids, for `TextMatches`).
    enum Part { case sentiment, negators, boosters, contrast }

    func id(_ part: Part) -> Int {
        switch part {
        case .sentiment: return sentiment.id
        case .negators: return negators.id
        case .boosters: return boosters.id
        case .contrast: return contrast.id
        }
    }

    /// Every language's terms.
    public static let all: [SentimentTerms] = [.it, .en, .fr, .de, .es]
    var lexicons: [Lexicon] { [sentiment, negators, boosters, contrast] }

    /// The terms for a review's language: its own, or Italian and English for any other
    /// (an undetermined text is most often one of those two here).
    public static func of(language: String) -> [SentimentTerms] {
        switch language.lowercased().prefix(2) {
        case "it": return itOnly
        case "en": return enOnly
        case "fr": return frOnly
        case "de": return deOnly
        case "es": return esOnly
        default: return itAndEn
        }
    }

    private static let itOnly = [it], enOnly = [en], frOnly = [fr], deOnly = [de], esOnly = [es], itAndEn = [it, en]
}

/// Decides whether a review's text is negative, without looking at its rating: a lexicon and
/// rules scorer for Italian, English, French, German and Spanish, in the manner of VADER (Hutto & Gilbert, ICWSM 2014),
/// cut down to what reviews need.
///
/// score = Σ weight(term) × booster × negation × contrast, over the terms found left to right:
/// - **negation**: a negator up to four words before a term in the same sentence flips it:
///   a positive term counts −0.8 × its weight ("non è buono"), a negative one +0.5 × ("not bad"
///   is mildly positive, not good); idioms that hold a negation ("mai più", "non lo consiglio",
///   "not worth") are phrases of their own and are matched first;
/// - **boosters**: "molto", "really" × 1.5, "un po'", "a bit" × 0.5 on the next term within two
///   words; a word in capitals × 1.5; "per niente", "at all" after a negated term × 1.5;
/// - **contrast**: after "ma", "però", "but", "however" the rest of the text counts × 1.5 and
///   what came before × 0.5 (the complaint after "but" is what the customer means).
///
/// The text is negative when score ≤ `NegativityScorer.threshold`; strongly negative at ≤ −3
/// with less than 2 of praise (a long mixed review is not "strongly negative").
/// Precision and recall on the labelled evaluation set are in the tests' output.
public enum NegativityScorer {
    public static let threshold = -1.0
    public static let strong = -3.0

    public struct Verdict: Equatable, Sendable {
        /// The lexicon's score, or with the model (`judge`) the model's margin on the same scale.
        public var score: Double
        /// The positive part of the lexicon's score alone (≥ 0): a text with much praise beside
        /// its complaint is mixed, not a contradiction of a high rating.
        public var praise: Double
        /// The review's words that counted towards negative (folded), strongest first.
        public var negativeTerms: [String]
        /// The model's probability that the text is negative, when a model judged it.
        public var probability: Double? = nil
        /// The lexicon's own score (the same as `score` without a model).
        public var lexiconScore: Double? = nil
        public var isNegative: Bool { score <= NegativityScorer.threshold }
        /// The lexicon's score strongly negative with little praise, and (with a model) the model
        /// calling the text negative too: the signal that contradicts a high rating has to be beyond
        /// doubt, so the model can only withdraw it, never raise it alone (it reads "zero attese",
        /// no wait, as a complaint).
        public var isStronglyNegative: Bool {
            (lexiconScore ?? score) <= NegativityScorer.strong && praise < 2 && isNegative
        }
    }

    /// The verdict of the lexicon and, when there is one, the learned model (`NegativityModel`)
    /// that reads the lexicon's signals among its features. With a model, the score is its
    /// margin put on the lexicon's scale, s = −1 − 2 × (logit p − logit t) for threshold t: −1 at
    /// the threshold (negative from there, as the lexicon's), −3 ("strongly negative") one logit
    /// beyond it; the reasons' words are the model's strongest, then the lexicon's.
    public static func judge(_ tokens: TextTokens, language: String,
                             model: NegativityModel? = NegativityModel.shipped) -> Verdict {
        judge(LexiconIndex.sentiment.scan(tokens), language: language, model: model)
    }

    /// `judge` of text already looked up in an index that holds the sentiment lexicons.
    public static func judge(_ matches: TextMatches, language: String, model: NegativityModel?) -> Verdict {
        let lexicon = score(matches, language: language)
        guard let model else { return lexicon }
        let (p, words) = model.judge(matches, language: language, lexicon: lexicon)
        let t = model.threshold(for: language)
        func logit(_ x: Double) -> Double { let c = min(max(x, 1e-6), 1 - 1e-6); return log(c / (1 - c)) }
        var verdict = lexicon
        verdict.score = ((-1 - 2 * (logit(p) - logit(t))) * 100).rounded() / 100
        verdict.probability = (p * 1000).rounded() / 1000
        verdict.lexiconScore = lexicon.score
        // The lexicon's phrases after the model's words, unless one holds the other ("nie" and "nie wieder").
        verdict.negativeTerms = []
        if p >= t {
            let extra = lexicon.negativeTerms.filter { term in !words.contains { $0.contains(term) || term.contains($0) } }
            verdict.negativeTerms = words + extra
        }
        return verdict
    }

    public static func score(title: String, text: String, language: String) -> Verdict {
        score(TextTokens(title: title, text: text), language: language)
    }

    /// The score of text already cut into tokens.
    public static func score(_ tokens: TextTokens, language: String) -> Verdict {
        score(LexiconIndex.sentiment.scan(tokens), language: language)
    }

    /// The score of text already looked up in an index that holds the sentiment lexicons (the
    /// flagger reads the words once for everything).
    public static func score(_ matches: TextMatches, language: String) -> Verdict {
        score(matches, terms: SentimentTerms.of(language: language))
    }

    static func score(_ matches: TextMatches, terms: [SentimentTerms]) -> Verdict {
        let tokens = matches.tokens
        let words = tokens.words
        var parts: [(value: Double, text: String, afterContrast: Bool)] = []
        var contrastAt: Int? = nil
        var lastNegator = -100, negatorSentence = -1
        var booster = 1.0, boosterAt = -100
        var sentence = 0
        var i = 0
        while i < words.count {
            if words[i] == TextTokens.boundary {
                sentence += 1
                i += 1
                continue
            }
            if let entry = longest(terms, matches, i, .sentiment) {
                // "purtroppo", "peccato", "unfortunately": sentiment, and the turn of the review.
                if longest(terms, matches, i, .contrast) != nil { contrastAt = i }
                var value = entry.weight
                if i - boosterAt <= 2 { value *= booster }
                if tokens.shouted.contains(i) { value *= 1.5 }
                if negatorSentence == sentence, i - lastNegator <= 4 {
                    value = value > 0 ? -0.8 * value : -0.5 * value
                    // "non mi è piaciuto per niente": a booster after the negated term.
                    let next = i + entry.words.count
                    if next < words.count, let after = longest(terms, matches, next, .boosters), after.weight > 1 {
                        value *= after.weight
                    }
                    lastNegator = -100
                }
                parts.append((value, words[i..<(i + entry.words.count)].joined(separator: " "), contrastAt != nil))
                booster = 1
                i += entry.words.count
                continue
            }
            if let entry = longest(terms, matches, i, .contrast) {
                contrastAt = i
                i += entry.words.count
                continue
            }
            // Italian "né … né" negates; a lone "ne" is the clitic pronoun ("ne vale la pena").
            if words[i] == "ne", words[max(0, i - 6)..<min(words.count, i + 7)].filter({ $0 == "ne" }).count >= 2 {
                lastNegator = i
                negatorSentence = sentence
                i += 1
                continue
            }
            if let entry = longest(terms, matches, i, .negators) {
                lastNegator = i + entry.words.count - 1
                negatorSentence = sentence
                i += entry.words.count
                continue
            }
            if let entry = longest(terms, matches, i, .boosters) {
                booster = entry.weight
                boosterAt = i + entry.words.count
                i += entry.words.count
                continue
            }
            i += 1
        }
        var score = 0.0, praise = 0.0
        for part in parts {
            let value = contrastAt == nil ? part.value : part.value * (part.afterContrast ? 1.5 : 0.5)
            score += value
            if value > 0 { praise += value }
        }
        let negatives = parts.filter { $0.value < 0 }.sorted { $0.value < $1.value }.map { $0.text }
        var seen = Set<String>()
        return Verdict(score: (score * 100).rounded() / 100, praise: (praise * 100).rounded() / 100, negativeTerms: negatives.filter { seen.insert($0).inserted })
    }

    static func longest(_ sets: [SentimentTerms], _ matches: TextMatches, _ i: Int,
                        _ part: SentimentTerms.Part) -> Lexicon.Entry? {
        var best: Lexicon.Entry?
        for index in sets.indices {
            if let entry = matches.longest(sets[index].id(part), at: i), entry.words.count > (best?.words.count ?? 0) {
                best = entry
            }
        }
        return best
    }
}
