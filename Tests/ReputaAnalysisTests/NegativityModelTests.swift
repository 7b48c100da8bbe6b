import Foundation
import ReputaAnalysis
import ReputaCore
import Testing

/// The learned negativity model: its file format and refusals, its arithmetic on a model whose
/// weights are known, and the shipped model on hand-written reviews in five languages (the
/// figures on real reviews are `make eval`'s).
@Suite struct NegativityModelTests {
    /// A model file as `scripts/train_negativity.py` writes it.
    static func file(bits: Int = 10, features: UInt32 = NegativityFeatures.version, scale: Float = 0.01, threshold: Float = 0.5,
                     languages: [(String, Float)] = [], weight: Int8 = 0, weightCount: Int? = nil, magic: String = "RPNM") -> Data {
        var d = Data(magic.utf8)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        u32(1)
        u32(features)
        u32(UInt32(bits))
        u32(scale.bitPattern)
        u32(threshold.bitPattern)
        u32(UInt32(languages.count))
        for (code, t) in languages {
            d.append(contentsOf: Array(code.utf8))
            u32(t.bitPattern)
        }
        d.append(contentsOf: [UInt8](repeating: UInt8(bitPattern: weight), count: weightCount ?? (1 << bits)))
        return d
    }

    func write(_ data: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString)").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readsTheFormatAndRefusesWhatItCannotUse() throws {
        let model = try NegativityModel(contentsOf: write(Self.file(threshold: 0.4, languages: [("fr", 0.6)])))
        #expect(model.bits == 10)
        #expect(model.threshold(for: "fr") == Double(Float(0.6)))
        #expect(model.threshold(for: "fr-FR") == Double(Float(0.6)))
        #expect(model.threshold(for: "it") == Double(Float(0.4)))
        let refusals: [(Data, String)] = [
            (Self.file(magic: "ABCD"), "not a Reputa negativity model"),
            (Self.file(features: NegativityFeatures.version + 1),
             "made for features version \(NegativityFeatures.version + 1), this build reads version \(NegativityFeatures.version): retrain it"),
            (Self.file(weightCount: 1000), "1000 weight bytes where 1024 were expected"),
            (Self.file(threshold: 1.5), "a threshold outside 0–1"),
            (Self.file(scale: .nan), "weight scale nan is not a positive number"),
            (Self.file(bits: 40, weightCount: 0), "40 bits is out of range"),
            (Data("RPNM".utf8), "truncated at byte 4"),
        ]
        for (data, reason) in refusals {
            let path = try write(data)
            #expect {
                _ = try NegativityModel(contentsOf: path)
            } throws: { error in
                "\(error)" == "negativity model \(path): \(reason)"
            }
        }
        #expect(throws: NegativityModel.LoadError.self) { try NegativityModel(contentsOf: "/nonexistent/negativity.model") }
    }

    /// Every weight c: z = c × the number of features. "qqq www zzz" has no lexicon word, so its
    /// features are the prior, three words and two pairs: z = 6c.
    @Test func probabilityIsTheLogisticOfTheSummedWeights() throws {
        let model = try NegativityModel(contentsOf: write(Self.file(scale: 0.1, weight: 3))) // c = 0.3
        let words = LexiconIndex.sentiment.scan(TextTokens("qqq www zzz"))
        let lexicon = NegativityScorer.score(words, language: "it")
        #expect(lexicon.score == 0 && lexicon.praise == 0)
        let (p, _) = model.judge(words, language: "it", lexicon: lexicon)
        #expect(abs(p - 1 / (1 + exp(-1.8))) < 1e-6)
        // Two sentences: no pair across the full stop, so 1 + 3 + 1 = 5 features.
        let (q, _) = model.judge(LexiconIndex.sentiment.scan(TextTokens("qqq www. zzz")), language: "it", lexicon: lexicon)
        #expect(abs(q - 1 / (1 + exp(-1.5))) < 1e-6)
    }

    /// The score on the lexicon's scale: −1 at the threshold, −3 one logit beyond it.
    @Test func scoreIsTheMarginOnTheLexiconScale() throws {
        // z = 6 × 0 = 0: p = 0.5, at the threshold 0.5 → −1; with the threshold at σ(−1) → −3.
        let zero = try NegativityModel(contentsOf: write(Self.file(threshold: 0.5)))
        #expect(NegativityScorer.judge(TextTokens("qqq www zzz"), language: "it", model: zero).score == -1)
        let low = try NegativityModel(contentsOf: write(Self.file(threshold: Float(1 / (1 + exp(1.0))))))
        let verdict = NegativityScorer.judge(TextTokens("qqq www zzz"), language: "it", model: low)
        #expect(verdict.score == -3)
        #expect(verdict.isNegative && verdict.probability == 0.5)
        // Strongly negative by the model alone is not enough against a high rating: the lexicon
        // (score 0 here) has to find it strongly negative too.
        #expect(!verdict.isStronglyNegative)
        // The lexicon strongly negative ("pessimo" −3, "terribile" −3) and the model agreeing: yes;
        // the model disagreeing (threshold above its 0.5): no.
        let harsh = TextTokens("pessimo qqq terribile")
        #expect(NegativityScorer.judge(harsh, language: "it", model: zero).isStronglyNegative)
        let doubting = try NegativityModel(contentsOf: write(Self.file(threshold: 0.6)))
        #expect(!NegativityScorer.judge(harsh, language: "it", model: doubting).isStronglyNegative)
    }

    @Test func negatedWordsAndPairsAreFeaturesOfTheirOwn() {
        func buckets(_ text: String, _ language: String) -> [Int] {
            let words = LexiconIndex.sentiment.scan(TextTokens(text))
            var out: [Int] = []
            NegativityFeatures.extract(words, language: language, lexicon: NegativityScorer.score(words, language: language),
                                       bits: 20) { bucket, _, source in if source != nil { out.append(bucket) } }
            return out
        }
        // "consiglio" alone, and after "non": not the same feature.
        let plain = buckets("consiglio", "it"), negated = buckets("non consiglio", "it")
        #expect(plain.count == 1 && negated.count == 3) // non, non…consiglio, the pair
        #expect(!negated.contains(plain[0]))
        // The same words give the same features, in any run (the training script relies on it).
        #expect(buckets("servizio lento", "it") == buckets("Servizio LENTO", "it"))
        // Four words on, the negation is over.
        #expect(buckets("non a b c consiglio", "it").contains(plain[0]))
    }

    @Test func theShippedModelLoadsAndJudgesReviewsInFiveLanguages() throws {
        let model = try #require(NegativityModel.shipped, "\(NegativityModel.loadProblem ?? "")")
        #expect(model.bits == 20)
        let negative = [
            ("Servizio pessimo, cibo freddo e personale scortese. Mai più.", "it"),
            ("Terrible service, cold food and a rude waiter. Never again.", "en"),
            ("Une arnaque, j'appelle mon avocat. Service nul.", "fr"),
            ("Das Essen war kalt und der Kellner unfreundlich. Nie wieder.", "de"),
            ("La comida estaba fría y el servicio fue pésimo. No lo recomiendo.", "es"),
        ]
        let positive = [
            ("Cena ottima, personale gentilissimo, torneremo sicuramente!", "it"),
            ("Lovely dinner, friendly staff, we will definitely come back.", "en"),
            ("Excellent dîner, personnel adorable, nous reviendrons.", "fr"),
            ("Sehr leckeres Essen und freundliche Bedienung, gerne wieder.", "de"),
            ("Comida deliciosa y servicio excelente, volveremos sin duda.", "es"),
        ]
        for (text, language) in negative {
            let verdict = NegativityScorer.judge(TextTokens(text), language: language, model: model)
            #expect(verdict.isNegative, "\(text): \(verdict)")
            #expect(!verdict.negativeTerms.isEmpty)
        }
        for (text, language) in positive {
            let verdict = NegativityScorer.judge(TextTokens(text), language: language, model: model)
            #expect(!verdict.isNegative, "\(text): \(verdict)")
            #expect(verdict.negativeTerms.isEmpty)
        }
    }
}
