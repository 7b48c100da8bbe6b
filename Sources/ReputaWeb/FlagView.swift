import Foundation
import ReputaCore
import ReputaOutput

/// A flag as the pages show it, in the reader's language: the values a template reads.
extension WebApp {
    /// One row of the queue.
    func row(_ f: FlaggedReview, now: Timestamp, lang: String) -> [String: Any] {
        let r = f.review
        let due = countdown(f, now: now, lang: lang)
        let line = (r.title.isEmpty ? r.text : r.title).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return [
            "id": String(f.id), "level": f.decision.level.rawValue,
            "level_label": WebStrings.text("level_" + f.decision.level.rawValue, lang),
            "status": f.status.rawValue, "status_label": WebStrings.text("status_" + f.status.rawValue, lang),
            "due": due.text, "overdue": due.overdue,
            "location": locationName(r.location, lang: lang), "portal": r.portal,
            "rating": PageFormat.rating(r.rating, lang: lang),
            "first_line": line.count > 140 ? String(line.prefix(139)) + "…" : line,
            "review_lang": r.language, "assignee": f.assignee ?? "",
        ]
    }

    /// The deadline for reading: `due in 3 h 20 min (business hours)`, `overdue by 2 h`, or when
    /// it was resolved. Business hours are the location's (`flags.business_hours`) when it has
    /// them: the time left counts only open hours, as the deadline itself was counted.
    func countdown(_ f: FlaggedReview, now: Timestamp, lang: String) -> (text: String, overdue: Bool) {
        let zone = zone(of: f.review.location)
        if f.status == .resolved {
            return (WebStrings.text("resolved_at", lang, f.resolvedAt.map { PageFormat.date($0, zone: zone, lang: lang) } ?? "–"), false)
        }
        if f.isOverdue(at: now) {
            return (WebStrings.text("overdue_by", lang, PageFormat.span(Int(now.epochSeconds - f.dueAt.epochSeconds), lang: lang)), true)
        }
        if let hours = config.flags.hours(for: f.review.location) {
            let left = PageFormat.span(hours.openSeconds(from: now, to: f.dueAt), lang: lang)
            return (WebStrings.text("due_in", lang, left) + " (" + WebStrings.text("business_hours", lang) + ")", false)
        }
        return (WebStrings.text("due_in", lang, PageFormat.span(Int(f.dueAt.epochSeconds - now.epochSeconds), lang: lang)), false)
    }

    /// The flag page's values: the row's, the whole review, reasons, history, links.
    func detail(_ f: FlaggedReview, events: [FlagEvent], now: Timestamp, lang: String) -> [String: Any] {
        let r = f.review, zone = zone(of: r.location)
        var values = row(f, now: now, lang: lang)
        values["title"] = WebStrings.text("flag", lang, String(f.id))
        values["review_title"] = r.title
        values["text"] = r.text
        values["author"] = r.author
        values["written"] = r.createdAt.map { PageFormat.date($0, zone: zone, lang: lang) } ?? "–"
        values["due_at"] = PageFormat.date(f.dueAt, zone: zone, lang: lang)
        values["zone"] = zone
        values["reasons"] = f.decision.reasons.map { ReasonWords.reason($0, lang: lang) }
        values["categories"] = f.decision.categories.map { id in
            ReasonWords.name(id: id, configured: config.flags.categories.first { $0.id == id }?.name, lang: lang)
        }
        values["topics"] = f.decision.topics.map { id in
            ReasonWords.name(id: id, configured: config.flags.topics.first { $0.id == id }?.name, lang: lang)
        }
        values["events"] = events.map { e -> [String: Any] in
            ["at": PageFormat.date(e.at, zone: zone, lang: lang), "action": WebStrings.text("event_" + e.action, lang),
             "by": e.by, "note": ReasonWords.note(e.note, action: e.action, by: e.by, lang: lang)]
        }
        values["resolved"] = f.status == .resolved
        values["acked"] = f.status == .acked
        let source = config.sources.first { $0.descriptor.name == r.source }
        let links = ReviewLinks.of(r, reviewTemplate: source?.reviewURL, replyTemplate: source?.replyURL)
        values["public_link"] = links.review ?? ""
        values["public_link_label"] = WebStrings.text(links.reviewIsGeneric ? "portal_page_link" : "public_link", lang)
        values["reply_link"] = links.reply ?? ""
        return values
    }
}
