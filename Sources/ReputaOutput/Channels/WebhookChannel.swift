import Foundation
import ReputaCore

/// The generic webhook: the flag as data (the keys of `reputa flags --format json`), the
/// review's text exactly as written; the receiver escapes it for wherever it shows it. Signed
/// with HMAC-SHA256 when the channel has a secret (`WebhookPoster.signature`, done on sending).
public enum WebhookChannel: ChannelFormat {
    public static func message(_ content: AlertContent, _ context: AlertContext) -> AlertMessage {
        var object: [String: Any]
        switch content {
        case let .single(f):
            object = flagObject(f, context)
        case let .digest(flags):
            object = ["digest": true, "alerts": flags.map { flagObject($0, context) }]
        case let .summary(flags, maxAge):
            object = ["summary": true, "count": flags.count, "flag_ids": flags.map(\.id),
                      "text": ([AlertWords.summaryHeadline(flags, context.lang)] + AlertWords.summaryText(flags, maxAge: maxAge, context.lang))
                        .joined(separator: "\n"),
                      "alerts": flags.prefix(AlertWords.summaryListed).map { flagObject($0, context) }]
            object["max_age_seconds"] = maxAge
        case let .quietSources(sources):
            object = ["quiet_sources": sources.map { q -> [String: Any] in
                          ["source": q.source, "status": q.status, "newest_age_days": q.newestAgeDays.map { ($0 * 10).rounded() / 10 as Any } ?? NSNull(),
                           "stale_after_days": (q.staleAfterDays * 10).rounded() / 10]
                      },
                      "text": ([AlertWords.quietHeadline(sources, context.lang)] + AlertWords.quietText(sources, context.lang)).joined(separator: "\n")]
        }
        object["delivery_id"] = context.deliveryID
        object["sent_at"] = context.now.utcISO
        return .json(AlertWords.json(object))
    }

    static func flagObject(_ f: FlaggedReview, _ context: AlertContext) -> [String: Any] {
        var object: [String: Any] = [
            "id": f.id, "review_id": f.review.externalID,
            "source": f.review.source, "portal": f.review.portal, "location": f.review.location,
            "priority": f.decision.priority, "level": f.decision.level.rawValue, "status": f.status.rawValue,
            "due_at": f.dueAt.utcISO, "overdue": f.isOverdue(at: context.now), "categories": f.decision.categories,
            "topics": f.decision.topics, "reasons": f.decision.reasons, "title": f.review.title, "text": f.review.text,
            "url": f.review.url, "revision": f.revision,
        ]
        object["rating"] = f.review.rating?.value
        object["flag_url"] = context.flagPage(f)
        object["created_at"] = f.review.createdAt?.utcISO
        return object
    }
}
