import Foundation
import ReputaCore

/// The learned negativity model: logistic regression over `NegativityFeatures`, trained by
/// `scripts/train_negativity.py` on real rated reviews (docs/flags.md lists the files), and
/// shipped as `Sources/ReputaAnalysis/Resources/negativity.model`.
///
/// p = σ(Σ wᵢ · xᵢ) over the review's features; the text is negative when p ≥ the threshold of its
/// language (the file's default otherwise), chosen by the training script on portals held out
/// from training.
///
/// File format (little endian): `RPNM`, format 1 (u32), `NegativityFeatures.version` (u32), bits
/// b (u32), weight scale s (f32), default threshold (f32), n languages (u32) and n × (2-byte code,
/// f32 threshold), then 2^b signed bytes: wᵢ = s × byteᵢ.
public struct NegativityModel: Sendable {
    public let bits: Int
    let weights: [Float]
    public let defaultThreshold: Double
    public let thresholds: [String: Double]

    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "negativity model \(path): \(reason)" }
    }

    public func threshold(for language: String) -> Double {
        thresholds[NegativityFeatures.code(language)] ?? defaultThreshold
    }

    public init(bits: Int, weights: [Float], threshold: Double, thresholds: [String: Double] = [:]) {
        precondition(weights.count == 1 << bits)
        self.bits = bits
        self.weights = weights
        self.defaultThreshold = threshold
        self.thresholds = thresholds
    }

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(path: path, reason: "cannot be read")
        }
        let bytes = [UInt8](data)
        var at = 0
        func fail(_ reason: String) -> LoadError { LoadError(path: path, reason: reason) }
        func u32() throws -> UInt32 {
            guard at + 4 <= bytes.count else { throw fail("truncated at byte \(at)") }
            defer { at += 4 }
            return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        func f32() throws -> Float { Float(bitPattern: try u32()) }
        guard bytes.starts(with: Array("RPNM".utf8)) else { throw fail("not a Reputa negativity model") }
        at = 4
        guard try u32() == 1 else { throw fail("unknown format") }
        let features = try u32()
        guard features == NegativityFeatures.version else {
            throw fail("made for features version \(features), this build reads version \(NegativityFeatures.version): retrain it")
        }
        let bits = Int(try u32())
        guard (10...24).contains(bits) else { throw fail("\(bits) bits is out of range") }
        let scale = try f32()
        guard scale.isFinite, scale > 0 else { throw fail("weight scale \(scale) is not a positive number") }
        let threshold = Double(try f32())
        var thresholds: [String: Double] = [:]
        let languages = try u32()
        guard languages < 1000 else { throw fail("\(languages) languages") }
        for _ in 0..<languages {
            guard at + 2 <= bytes.count else { throw fail("truncated at byte \(at)") }
            let code = String(decoding: bytes[at..<(at + 2)], as: UTF8.self)
            at += 2
            thresholds[code] = Double(try f32())
        }
        let count = 1 << bits
        guard bytes.count - at == count else {
            throw fail("\(bytes.count - at) weight bytes where \(count) were expected")
        }
        let weights = bytes[at...].map { Float(Int8(bitPattern: $0)) * scale }
        guard (0...1).contains(threshold), thresholds.values.allSatisfy({ (0...1).contains($0) }) else {
            throw fail("a threshold outside 0–1")
        }
        self.init(bits: bits, weights: weights, threshold: threshold, thresholds: thresholds)
    }

    /// The model's verdict: the probability that the text is negative and the words that
    /// pushed it there most, strongest first (each a phrase of the text, at most `terms`).
    public func judge(_ matches: TextMatches, language: String, lexicon: NegativityScorer.Verdict,
                      terms: Int = 4) -> (probability: Double, terms: [String]) {
        var z: Float = 0
        var strongest: [(weight: Float, range: Range<Int>)] = []
        NegativityFeatures.extract(matches, language: language, lexicon: lexicon, bits: bits) { bucket, value, source in
            let w = weights[bucket]
            z += w * value
            if let source, w > 0.25 { strongest.append((w, source.range)) }
        }
        strongest.sort { $0.weight > $1.weight }
        var out: [String] = []
        var covered = Set<Int>()
        let grammar = SentimentTerms.of(language: language)
        for item in strongest where out.count < terms {
            // A pair and a word inside it, or two pairs that overlap: the strongest one speaks.
            guard item.range.allSatisfy({ !covered.contains($0) }) else { continue }
            // A lone "no" or "nie" explains nothing to the reader.
            if item.range.count == 1, NegativityScorer.longest(grammar, matches, item.range.lowerBound, .negators) != nil {
                continue
            }
            covered.formUnion(item.range)
            out.append(matches.words[item.range].joined(separator: " "))
        }
        return (1 / (1 + exp(-Double(z))), out)
    }

    /// The model the flagger uses: `$REPUTA_NEGATIVITY_MODEL` when set, else the shipped file
    /// (beside the binary in `../share/reputa/`, else in the source tree it was built from);
    /// nil, with the reason in `loadProblem`, when none can be read. Read once (a few ms).
    public static let shipped: NegativityModel? = loaded.model
    public static var loadProblem: String? { loaded.problem }
    /// Why the model `$REPUTA_NEGATIVITY_MODEL` names cannot be used: an error, not a fallback
    /// to the lexicon (an evaluation would measure the wrong thing).
    public static var requestedProblem: String? {
        ShippedFile.requested(variable) == nil ? nil : loaded.problem
    }

    static let variable = "REPUTA_NEGATIVITY_MODEL"

    static let loaded: (model: NegativityModel?, problem: String?) = {
        let name = "negativity.model"
        let candidates = ShippedFile.candidates(name, variable: variable, sourceFolder:
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Resources"))
        // A file the variable names is used or refused, never passed over for the shipped one.
        let requested = ShippedFile.requested(variable) != nil
        for path in candidates where requested || FileManager.default.fileExists(atPath: path) {
            do { return (try NegativityModel(contentsOf: path), nil) } catch { return (nil, "\(error)") }
        }
        return (nil, "negativity model: \(name) not found (looked in \(candidates.joined(separator: ", "))): the lexicon decides alone")
    }()
}
