import Foundation
import ReputaCore

/// Microsoft Teams through a Workflows webhook (the Power Automate "post to a channel when a
/// webhook request is received" flow that replaces Office 365 connectors): a message with one
/// Adaptive Card (schema 1.4). Text a review wrote goes only into `TextRun`s of a
/// `RichTextBlock`, which Teams shows as plain text (no Markdown, so no link or emphasis can be
/// forged), cleaned with `AlertText.adaptive`. The review's link is in the body, as a Markdown
/// link of Reputa's own, and again as the card's action.
public enum TeamsChannel: ChannelFormat {
    public static func message(_ content: AlertContent, _ context: AlertContext) -> AlertMessage {
        var body: [[String: Any]] = []
        var actions: [[String: Any]] = []
        switch content {
        case let .single(f):
            body.append(runs([(AlertWords.headline(f, context.lang), true)], size: "Medium", color: color(f.decision.level)))
            body.append(["type": "FactSet", "facts": [["title": context.lang.t("Priority"), "value": "\(f.decision.priority)"],
                                                      ["title": context.lang.t("Deadline"), "value": context.deadline(f)]]])
            body += context.reasons(f).map { runs([("• " + $0, false)]) }
            if !f.review.title.isEmpty { body.append(runs([(f.review.title, true)])) }
            body.append(runs([(AlertText.excerpt(f.review.text), false)]))
            body += link(f, context)
            body.append(runs([(context.flagNumber(f) + " · " + context.flagReference(f), false)], subtle: true))
            if let page = context.flagPage(f) {
                actions.append(["type": "Action.OpenUrl", "title": context.lang.t("Open in the inbox"), "url": page])
            }
            if let url = AlertWords.safeLink(f.review.url) {
                actions.append(["type": "Action.OpenUrl", "title": context.lang.t("Open the review"), "url": url])
            }
        case let .digest(flags):
            body.append(runs([(AlertWords.digestHeadline(flags, context.lang), true)], size: "Medium",
                             color: flags.contains { $0.decision.level >= .high } ? "Warning" : "Default"))
            for f in flags { body += entry(f, context) }
        case let .summary(flags, maxAge):
            body.append(runs([(AlertWords.summaryHeadline(flags, context.lang), true)], size: "Medium"))
            body += AlertWords.summaryText(flags, maxAge: maxAge, context.lang).map { runs([($0, false)]) }
            for f in flags.prefix(AlertWords.summaryListed) { body += entry(f, context) }
        case let .quietSources(sources):
            body.append(runs([(AlertWords.quietHeadline(sources, context.lang), true)], size: "Medium", color: "Warning"))
            body += AlertWords.quietText(sources, context.lang).map { runs([("• " + $0, false)]) }
        }
        var card: [String: Any] = ["$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard",
                                   "version": "1.4", "body": body, "msteams": ["width": "Full"]]
        if !actions.isEmpty { card["actions"] = actions }
        return .json(AlertWords.json(["type": "message",
                                      "attachments": [["contentType": "application/vnd.microsoft.card.adaptive",
                                                       "contentUrl": NSNull(), "content": card]]]))
    }

    /// A paragraph of plain-text runs: (text, bold).
    static func runs(_ parts: [(String, Bool)], size: String? = nil, color: String? = nil, subtle: Bool = false) -> [String: Any] {
        ["type": "RichTextBlock", "inlines": parts.map { text, bold -> [String: Any] in
            var run: [String: Any] = ["type": "TextRun", "text": AlertText.adaptive(text)]
            if bold { run["weight"] = "Bolder" }
            if let size { run["size"] = size }
            if let color { run["color"] = color }
            if subtle { run["isSubtle"] = true }
            return run
        }]
    }

    /// One flag inside a digest or a summary.
    static func entry(_ f: FlaggedReview, _ context: AlertContext) -> [[String: Any]] {
        [runs([(AlertWords.digestLine(f, context), true)]),
         runs([(AlertText.excerpt(f.review.text, limit: 160).replacingOccurrences(of: "\n", with: " ") + " (" + context.flagNumber(f) + ")"
                + (context.flagPage(f).map { " · " + $0 } ?? ""), false)])]
            + link(f, context)
    }

    /// The link in the body: a TextBlock whose only Markdown is Reputa's own link (`safeLink`
    /// refuses any character that could close it).
    static func link(_ f: FlaggedReview, _ context: AlertContext) -> [[String: Any]] {
        AlertWords.safeLink(f.review.url).map {
            [["type": "TextBlock", "text": "[" + AlertText.adaptive(context.lang.t("Open the review")) + "](\($0))", "wrap": true]]
        } ?? []
    }

    static func color(_ level: FlagLevel) -> String {
        level == .urgent ? "Attention" : level == .high ? "Warning" : "Default"
    }
}
