import Foundation
import ReputaCore

/// Gathers a survey export's answers and applies the rules every survey importer shares: a
/// metric only on the scale it is defined on, scores that are points of the declared scale,
/// one answer per response and question. A question whose scores mostly miss the declared
/// scale refuses the whole file: the declaration is wrong, and importing the few scores that
/// happen to fit would be a silent guess.
struct AnswerCollector {
    let source: SourceDescriptor
    let origin: String
    var batch = InternalBatch()
    var firstSeen: [String: String] = [:]
    /// Per question: scores read, scores off the scale, and the first one off it.
    var tally: [String: (scored: Int, off: Int, first: String, scale: String)] = [:]

    init(source: SourceDescriptor, origin: String) {
        self.source = source
        self.origin = origin
    }

    mutating func skip(_ place: String, _ message: String) {
        batch.skipped.append(RowProblem(place: place, message: message))
    }

    /// One answer from its raw score text. `blankIsProblem`: an empty score is reported (a
    /// one-question export) rather than read as a question not asked (a wide export).
    mutating func add(responseID: String, question: String, metric: SurveyMetric, scale: SurveyScale, rawScore: String,
                      at: Timestamp, comment: String, segments: [String: String], place: String, blankIsProblem: Bool) {
        if rawScore.isEmpty {
            if blankIsProblem { skip(place, "response \(responseID): no score") }
            return
        }
        guard let score = Double(rawScore.replacingOccurrences(of: ",", with: ".")), score.isFinite else {
            skip(place, "response \(responseID): \(question) score \"\(rawScore)\" is not a number (export numeric values, not choice labels)")
            return
        }
        add(SurveyAnswer(responseID: responseID, question: question, metric: metric, scale: scale, score: score,
                         submittedAt: at, comment: comment, segments: segments, place: place))
    }

    /// An answer already on its scale (or unanswered, `score == nil`).
    mutating func add(_ answer: SurveyAnswer) {
        if let problem = QuestionSpec.problem(metric: answer.metric, scale: answer.scale) {
            skip(answer.place, "response \(answer.responseID): \(problem)")
            return
        }
        if let score = answer.score {
            var t = tally[answer.question] ?? (0, 0, "", answer.scale.description)
            t.scored += 1
            if !answer.scale.contains(score) {
                t.off += 1
                if t.first.isEmpty { t.first = "\(answer.place) (\(Self.format(score)))" }
                tally[answer.question] = t
                skip(answer.place, "response \(answer.responseID): \(answer.question) score \(Self.format(score)) is not a point of the declared \(answer.scale) scale")
                return
            }
            tally[answer.question] = t
        }
        let key = answer.responseID + "\u{1F}" + answer.question
        if let first = firstSeen[key] {
            skip(answer.place, "duplicate response id \(answer.responseID) for \(answer.question) (first at \(first)); the first is kept")
            return
        }
        firstSeen[key] = answer.place
        batch.answers.append(answer)
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    func finish() throws -> InternalBatch {
        for (question, t) in tally.sorted(by: { $0.key < $1.key }) where t.off > 0 && t.off * 2 > t.scored {
            let scale = t.scale
            throw ParseError(source: source.name, place: origin, message:
                "\(t.off) of \(t.scored) \(question) scores are outside the declared \(scale) scale (first at \(t.first)); nothing imported: is the scale declared for this question right?")
        }
        return batch
    }
}
