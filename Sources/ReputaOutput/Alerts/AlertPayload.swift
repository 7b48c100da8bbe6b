import Foundation
import ReputaCore

/// The body of one alert for each kind of channel, built from the flag at send time.
public enum AlertPayload {
    /// The first line of every alert: `URGENT · milano · google · 1★ — health and safety (food)`.
    public static func headline(_ f: FlaggedReview) -> String {
        var parts = [f.decision.level.rawValue.uppercased(), f.review.location.isEmpty ? "(no location)" : f.review.location,
                     f.review.portal]
        if let r = f.review.rating { parts.append("\(Renderer.plain(r.value))★ of \(Renderer.plain(r.scale.max))") }
        return parts.joined(separator: " · ")
    }

    /// Slack incoming-webhook JSON: mrkdwn text, escaped; `parse: none` and no unfurling, so
    /// nothing in the review is turned into a mention or a preview.
    public static func slack(_ f: FlaggedReview, due: String) -> Data {
        let e = AlertText.slack
        var lines = ["*\(e(headline(f)))* (priority \(f.decision.priority), due \(e(due)))"]
        lines += f.decision.reasons.map { "• " + e($0) }
        if !f.review.title.isEmpty { lines.append("*" + e(f.review.title) + "*") }
        lines.append("> " + e(AlertText.excerpt(f.review.text)).replacingOccurrences(of: "\n", with: "\n> "))
        lines.append("flag \(f.id) · reputa flags show \(f.id)" + (safeLink(f.review.url).map { " · <\($0)|open the review>" } ?? ""))
        return json(["text": lines.joined(separator: "\n"), "parse": "none", "unfurl_links": false, "unfurl_media": false])
    }

    /// Microsoft Teams incoming-webhook MessageCard, escaped for its Markdown.
    public static func teams(_ f: FlaggedReview, due: String) -> Data {
        let e = AlertText.teams
        var facts: [[String: String]] = [["name": "Priority", "value": "\(f.decision.priority)"],
                                         ["name": "Due", "value": e(due)]]
        facts += f.decision.reasons.map { ["name": "Why", "value": e($0)] }
        var card: [String: Any] = [
            "@type": "MessageCard", "@context": "https://schema.org/extensions",
            "summary": e(headline(f)), "title": e(headline(f)),
            "themeColor": f.decision.level == .urgent ? "C0392B" : f.decision.level == .high ? "E67E22" : "7F8C8D",
            "sections": [["facts": facts, "text": e(f.review.title.isEmpty ? "" : f.review.title + "\n\n")
                            + e(AlertText.excerpt(f.review.text))]],
        ]
        if let url = safeLink(f.review.url) {
            card["potentialAction"] = [["@type": "OpenUri", "name": "Open the review", "targets": [["os": "default", "uri": url]]]]
        }
        return json(card)
    }

    /// The generic webhook body: the flag as data (the keys of `reputa flags --format json`),
    /// the review's text exactly as written; the receiver escapes for wherever it shows it.
    public static func webhook(_ f: FlaggedReview, deliveryID: String, now: Timestamp) -> Data {
        var object = flagObject(f)
        object["delivery_id"] = deliveryID
        object["sent_at"] = now.utcISO
        return json(object)
    }

    static func flagObject(_ f: FlaggedReview) -> [String: Any] {
        var object: [String: Any] = [
            "id": f.id, "review_id": f.review.externalID,
            "source": f.review.source, "portal": f.review.portal, "location": f.review.location,
            "priority": f.decision.priority, "level": f.decision.level.rawValue, "status": f.status.rawValue,
            "due_at": f.dueAt.utcISO, "categories": f.decision.categories, "topics": f.decision.topics,
            "reasons": f.decision.reasons, "title": f.review.title, "text": f.review.text, "url": f.review.url,
            "revision": f.revision,
        ]
        object["rating"] = f.review.rating?.value
        object["created_at"] = f.review.createdAt?.utcISO
        return object
    }

    // MARK: Digests: several alerts of one channel in one message, most urgent first.

    /// `7 flagged reviews: 2 high, 5 normal`.
    public static func digestHeadline(_ flags: [FlaggedReview]) -> String {
        let levels = FlagLevel.allCases.reversed().compactMap { level -> String? in
            let n = flags.filter { $0.decision.level == level }.count
            return n == 0 ? nil : "\(n) \(level.rawValue)"
        }
        return "\(flags.count) flagged review\(flags.count == 1 ? "" : "s"): " + levels.joined(separator: ", ")
    }

    /// The first line of one flag inside a digest, and a short excerpt.
    static func digestLine(_ f: FlaggedReview, due: String) -> String {
        headline(f) + " (priority \(f.decision.priority), due \(due)) — " + (f.decision.reasons.first ?? "")
    }

    public static func slackDigest(_ flags: [FlaggedReview], due: (FlaggedReview) -> String) -> Data {
        let e = AlertText.slack
        var lines = ["*\(e(digestHeadline(flags)))*"]
        for f in flags {
            lines.append("• *" + e(digestLine(f, due: due(f))) + "*")
            lines.append("> " + e(AlertText.excerpt(f.review.text, limit: 160)).replacingOccurrences(of: "\n", with: " "))
            lines.append("flag \(f.id)" + (safeLink(f.review.url).map { " · <\($0)|open the review>" } ?? ""))
        }
        return json(["text": lines.joined(separator: "\n"), "parse": "none", "unfurl_links": false, "unfurl_media": false])
    }

    public static func teamsDigest(_ flags: [FlaggedReview], due: (FlaggedReview) -> String) -> Data {
        let e = AlertText.teams
        let sections: [[String: Any]] = flags.map { f in
            ["activityTitle": e(digestLine(f, due: due(f))), "text": e(AlertText.excerpt(f.review.text, limit: 160)) + " (flag \(f.id))"]
        }
        return json(["@type": "MessageCard", "@context": "https://schema.org/extensions",
                     "summary": e(digestHeadline(flags)), "title": e(digestHeadline(flags)),
                     "themeColor": flags.contains { $0.decision.level >= .high } ? "E67E22" : "7F8C8D", "sections": sections])
    }

    /// `{"delivery_id", "sent_at", "digest": true, "alerts": [one flag object each]}`.
    public static func webhookDigest(_ flags: [FlaggedReview], deliveryID: String, now: Timestamp) -> Data {
        json(["delivery_id": deliveryID, "sent_at": now.utcISO, "digest": true, "alerts": flags.map(flagObject)])
    }

    /// Only http(s) links are offered; anything else (javascript:, data:) is left out.
    static func safeLink(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !url.contains(where: { $0 == "|" || $0 == ">" || $0 == "<" || $0 == " " || $0 == "\n" }) else { return nil }
        return url
    }

    static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
