import Foundation
import ReputaCore

/// Zendesk `GET /api/v2/satisfaction_ratings` (`{"satisfaction_ratings": […]}`). Only `good`
/// and `bad` are answers (stored as 1 / 0 on the good-bad scale); `offered` is a survey sent
/// and not answered (kept, counted by no formula); `unoffered` is no survey at all (left out).
/// The metric is CSAT unless the source declares CSS (`metric: css`), which it is when the
/// survey follows each ticket.
public struct ZendeskSatisfactionImporter: InternalImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> InternalBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        guard let ratings = JSONSegments.records(root, keys: ["satisfaction_ratings", "satisfaction_rating"]) else {
            throw ParseError(source: source.name, place: origin, message: "no \"satisfaction_ratings\" list: not a Zendesk satisfaction ratings payload")
        }
        let metric = source.records?.metric ?? .csat
        let zone = RecordCells.zone(source)
        var collector = AnswerCollector(source: source, origin: origin)
        for (n, r) in ratings.enumerated() {
            let place = "\(origin):satisfaction_ratings[\(n)]"
            let id = r["id"].text
            guard !id.isEmpty else { collector.skip(place, "rating without an id"); continue }
            let score: Double?
            switch r["score"].text.lowercased() {
            case "good": score = 1
            case "bad": score = 0
            case "offered": score = nil
            case "unoffered": continue
            case let other:
                collector.skip(place, "rating \(id): score \"\(other)\" is not good, bad, offered or unoffered"); continue
            }
            guard let at = ReviewFields.date(r["created_at"], zone: zone) else {
                collector.skip(place, "rating \(id): created_at is \(r["created_at"].string.map { "\"\($0)\"" } ?? "missing"), not a date")
                continue
            }
            let segments = JSONSegments.read(r, defaults: ["group": "group_id", "agent": "assignee_id"], source: source)
            collector.add(SurveyAnswer(responseID: id, question: "satisfaction", metric: metric, scale: .goodBad, score: score,
                                       submittedAt: at, comment: r["comment"].text, segments: segments, place: place))
        }
        return try collector.finish()
    }
}
