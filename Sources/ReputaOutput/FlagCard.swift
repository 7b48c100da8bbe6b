import Foundation
import ReputaCore

/// One flag in full for `reputa flags show`: the review, the reasons, the deadline, the
/// channels and the history, as aligned `key: value` lines or one JSON object.
public enum FlagCard {
    /// `configured`: the channels `notifications:` defines, when known; a routed channel not
    /// among them is marked in the table as reaching no one.
    public static func render(_ flag: FlaggedReview, events: [FlagEvent], now: Timestamp, zone: String, json: Bool,
                              configured: Set<String>? = nil) -> String {
        let row = FlagTable.make([flag], now: now, zone: zone).rows[0]
        if json {
            let history = "[" + events.map { e in
                JSONRenderer.object(keys: ["at", "action", "by", "note"].map(JSONText.quoted),
                                    row: [.text(e.at.utcISO), .text(e.action), .text(e.by), .text(e.note)])
            }.joined(separator: ", ") + "]"
            return JSONRenderer.object(keys: FlagTable.columns.map(JSONText.quoted), row: row, extra: [("events", history)]) + "\n"
        }
        var lines: [(String, String)] = [
            ("flag", "\(flag.id): \(flag.decision.level.rawValue), priority \(flag.decision.priority), \(flag.status.rawValue)"
                + (flag.isOverdue(at: now) ? ", overdue" : "")),
            ("due", FlagTable.local(flag.dueAt, zone: zone) + " (\(zone))"),
            ("review", "\(flag.review.source) \(flag.review.externalID)"),
            ("location", flag.review.location),
            ("rating", flag.review.rating.map { "\(Renderer.plain($0.value)) on \($0.scale)" } ?? "none"),
            ("written", flag.review.createdAt.map { FlagTable.local($0, zone: zone) } ?? "unknown"),
            ("author", flag.review.author),
            ("title", flag.review.title),
            ("text", flag.review.text),
            ("url", flag.review.url),
        ]
        lines += flag.decision.reasons.map { ("why", $0) }
        lines.append(("topics", flag.decision.topics.joined(separator: ", ")))
        lines.append(("channels", flag.decision.channels.map { name in
            configured.map { $0.contains(name) } == false ? name + " (not in notifications: nobody hears of it)" : name
        }.joined(separator: ", ")))
        if let a = flag.assignee { lines.append(("assignee", a)) }
        if !flag.review.replyText.isEmpty { lines.append(("reply", flag.review.replyText)) }
        if let m = flag.responseMinutes { lines.append(("answered in", "\(Renderer.plain((m / 60 * 10).rounded() / 10)) h")) }
        if let note = flag.note, !note.isEmpty { lines.append(("note", note)) }
        lines += events.map { ("history", "\(FlagTable.local($0.at, zone: zone)) \($0.action) by \($0.by)" + ($0.note.isEmpty ? "" : ": \($0.note)")) }
        let width = lines.map(\.0.count).max() ?? 0
        return lines.filter { !$0.1.isEmpty }.map { key, value in
            key.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + TerminalText.clean(value)
        }.joined(separator: "\n") + "\n"
    }
}
