import Foundation
import ReputaCore

/// Freshdesk `GET /api/v2/surveys/satisfaction_ratings` (a list; also accepted wrapped as
/// `{"satisfaction_ratings": […]}`). Each question of `ratings` (`default_question`,
/// `question_<id>`) is one answer; its code −103…103 is stored on the freshdesk 1–7 scale
/// (−103 → 1 … 100 → 4 … 103 → 7), so the top-2-box is 102–103 and the classic 3-point survey
/// (−103 / 100 / 103) counts only "happy" as satisfied. A code Freshdesk does not use is
/// refused for that row.
public struct FreshdeskCSATImporter: InternalImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> InternalBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        guard let ratings = JSONSegments.records(root, keys: ["satisfaction_ratings"]) else {
            throw ParseError(source: source.name, place: origin, message: "not a list of Freshdesk satisfaction ratings")
        }
        let metric = source.records?.metric ?? .csat
        let zone = RecordCells.zone(source)
        var collector = AnswerCollector(source: source, origin: origin)
        for (n, r) in ratings.enumerated() {
            let place = "\(origin):[\(n)]"
            let id = r["id"].text
            guard !id.isEmpty else { collector.skip(place, "rating without an id"); continue }
            guard let at = ReviewFields.date(r["created_at"], zone: zone) else {
                collector.skip(place, "rating \(id): created_at is missing or not a date"); continue
            }
            guard let answers = r["ratings"].value as? [String: Any], !answers.isEmpty else {
                collector.skip(place, "rating \(id): no ratings"); continue
            }
            let segments = JSONSegments.read(r, defaults: ["group": "group_id", "agent": "agent_id"], source: source)
            for question in answers.keys.sorted() {
                let raw = r["ratings"][question]
                guard let code = raw.int, let point = SurveyScale.freshdeskPoint(code: code) else {
                    collector.skip(place, "rating \(id): \(question) is \(raw.string ?? "missing"), not a Freshdesk rating code (-103…103)")
                    continue
                }
                collector.add(SurveyAnswer(responseID: id, question: question, metric: metric, scale: .freshdesk, score: point,
                                           submittedAt: at, comment: r["feedback"].text, segments: segments, place: place))
            }
        }
        return try collector.finish()
    }
}
