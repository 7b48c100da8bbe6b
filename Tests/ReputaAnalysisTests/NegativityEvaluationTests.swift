import Foundation
import ReputaAnalysis
import ReputaCore
import ReputaIngest
import Testing

/// The negativity scorer against the hand-labelled Italian/English evaluation set
/// (Fixtures/negativity, README there): the Trustpilot export is read by the real CSV importer,
/// each review's stars are dropped before scoring, and the verdicts are compared with the
/// labels. Rows alternate between a development half (even rows, the only one looked at when
/// the lexicons were tuned) and a held-out half (odd rows).
@Suite struct NegativityEvaluationTests {
    struct Case {
        var review: Review
        var negative: Bool
        var kind: String
        var heldOut: Bool
    }

    struct Score: CustomStringConvertible {
        var tp = 0, fp = 0, fn = 0, tn = 0
        var precision: Double { Double(tp) / Double(max(1, tp + fp)) }
        var recall: Double { Double(tp) / Double(max(1, tp + fn)) }
        var description: String {
            String(format: "precision %.3f recall %.3f (tp %d fp %d fn %d tn %d, n %d)", precision, recall, tp, fp, fn, tn,
                   tp + fp + fn + tn)
        }

        mutating func add(predicted: Bool, actual: Bool) {
            switch (predicted, actual) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, true): fn += 1
            case (false, false): tn += 1
            }
        }
    }

    static func cases() throws -> [Case] {
        let dir = try #require(Bundle.module.url(forResource: "Fixtures/negativity", withExtension: nil))
        let csv = [UInt8](try Data(contentsOf: dir.appendingPathComponent("trustpilot-eval.csv")))
        let source = SourceDescriptor(name: "eval", kind: "csv", portal: "trustpilot", mapping: [
            "id": "Review ID", "date": "Review Created (UTC)", "author": "Review Username", "title": "Review Title",
            "text": "Review Content", "rating": "Review Stars", "language": "Review Language", "location": "Location Name",
        ], timezone: "UTC")
        let batch = try CSVReviewImporter().parse(csv, origin: "trustpilot-eval.csv", source: source)
        #expect(batch.skipped.isEmpty)
        let labelText = try String(contentsOf: dir.appendingPathComponent("labels.csv"), encoding: .utf8)
        var labels: [String: (Bool, String)] = [:]
        for line in labelText.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            labels[cells[0]] = (cells[1] == "yes", cells[2])
        }
        return try batch.reviews.enumerated().map { i, review in
            let label = try #require(labels[review.externalID], "no label for \(review.externalID)")
            #expect(review.rating != nil) // the stars were there, and are hidden below
            var hidden = review
            hidden.rating = nil
            return Case(review: hidden, negative: label.0, kind: label.1, heldOut: i % 2 == 1)
        }
    }

    static func verdict(_ r: Review) -> Bool {
        NegativityScorer.score(title: r.title, text: r.text, language: r.language).isNegative
    }

    @Test func precisionAndRecallOnTheLabelledSet() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 300)
        #expect(Set(cases.map(\.review.language)) == ["it", "en"])
        var all = Score(), dev = Score(), held = Score()
        var byLanguage: [String: Score] = [:]
        var byKind: [String: Score] = [:]
        var misses: [String] = []
        for c in cases {
            let predicted = Self.verdict(c.review)
            all.add(predicted: predicted, actual: c.negative)
            if c.heldOut { held.add(predicted: predicted, actual: c.negative) } else { dev.add(predicted: predicted, actual: c.negative) }
            byLanguage[c.review.language, default: Score()].add(predicted: predicted, actual: c.negative)
            byKind[c.kind, default: Score()].add(predicted: predicted, actual: c.negative)
            if predicted != c.negative, !c.heldOut {
                let s = NegativityScorer.score(title: c.review.title, text: c.review.text, language: c.review.language).score
                misses.append("  \(c.negative ? "missed" : "false alarm") [\(c.kind)] \(s): \(c.review.title) — \(c.review.text)")
            }
        }
        print("negativity evaluation, all \(cases.count): \(all)")
        print("negativity evaluation, development half: \(dev)")
        print("negativity evaluation, held-out half: \(held)")
        for (language, score) in byLanguage.sorted(by: { $0.key < $1.key }) { print("negativity evaluation, \(language): \(score)") }
        for (kind, score) in byKind.sorted(by: { $0.key < $1.key }) { print("negativity evaluation, kind \(kind): \(score)") }
        if ProcessInfo.processInfo.environment["REPUTA_EVAL_MISSES"] != nil { print(misses.joined(separator: "\n")) }
        // Floors: the figures measured when the scorer was last changed (closing note of issue 6:
        // all 0.960 / 0.654, held-out 0.930 / 0.482), rounded down; a change that lowers either fails.
        #expect(all.precision >= 0.95)
        #expect(all.recall >= 0.65)
        #expect(held.precision >= 0.93)
        #expect(held.recall >= 0.48)
    }
}
