import Foundation
import ReputaCore

/// The legacy Office 365 connector MessageCard (`teams_format: messagecard`), for connectors
/// still in service; Workflows webhooks do not render it (`TeamsChannel`). Text is escaped with
/// `AlertText.teams`: entities for `& < >`, a backslash before every Markdown character.
public enum TeamsMessageCardChannel: ChannelFormat {
    public static func message(_ content: AlertContent, _ context: AlertContext) -> AlertMessage {
        let e = AlertText.teams
        switch content {
        case let .single(f):
            var facts: [[String: String]] = [["name": e(context.lang.t("Priority")), "value": "\(f.decision.priority)"],
                                             ["name": e(context.lang.t("Deadline")), "value": e(context.deadline(f))]]
            facts += context.reasons(f).map { ["name": e(context.lang.t("Why")), "value": e($0)] }
            var card = envelope(AlertWords.headline(f, context.lang), color: color(f.decision.level))
            card["sections"] = [["facts": facts, "text": e(f.review.title.isEmpty ? "" : f.review.title + "\n\n")
                                    + e(AlertText.excerpt(f.review.text)) + link(f, context)
                                    + "\n\n" + e(context.flagNumber(f)) + " · "
                                    + (context.flagPage(f).map { "[" + e(context.lang.t("Open in the inbox")) + "](\($0))" } ?? "reputa flags show \(f.id)")]]
            var actions: [[String: Any]] = []
            if let page = context.flagPage(f) {
                actions.append(["@type": "OpenUri", "name": context.lang.t("Open in the inbox"), "targets": [["os": "default", "uri": page]]])
            }
            if let url = AlertWords.safeLink(f.review.url) {
                actions.append(["@type": "OpenUri", "name": context.lang.t("Open the review"), "targets": [["os": "default", "uri": url]]])
            }
            if !actions.isEmpty { card["potentialAction"] = actions }
            return .json(AlertWords.json(card))
        case let .digest(flags):
            var card = envelope(AlertWords.digestHeadline(flags, context.lang), color: flags.contains { $0.decision.level >= .high } ? "E67E22" : "7F8C8D")
            card["sections"] = flags.map(section(context))
            return .json(AlertWords.json(card))
        case let .summary(flags, maxAge):
            var card = envelope(AlertWords.summaryHeadline(flags, context.lang), color: "7F8C8D")
            card["text"] = AlertWords.summaryText(flags, maxAge: maxAge, context.lang).map(e).joined(separator: "\n\n")
            card["sections"] = flags.prefix(AlertWords.summaryListed).map(section(context))
            return .json(AlertWords.json(card))
        case let .quietSources(sources):
            var card = envelope(AlertWords.quietHeadline(sources, context.lang), color: "E67E22")
            card["text"] = AlertWords.quietText(sources, context.lang).map(e).joined(separator: "\n\n")
            return .json(AlertWords.json(card))
        }
    }

    static func envelope(_ title: String, color: String) -> [String: Any] {
        ["@type": "MessageCard", "@context": "https://schema.org/extensions", "summary": AlertText.teams(title),
         "title": AlertText.teams(title), "themeColor": color]
    }

    static func section(_ context: AlertContext) -> (FlaggedReview) -> [String: Any] {
        { f in
            ["activityTitle": AlertText.teams(AlertWords.digestLine(f, context)),
             "text": AlertText.teams(AlertText.excerpt(f.review.text, limit: 160)) + " (" + AlertText.teams(context.flagNumber(f)) + ")"
                + link(f, context)
                + (context.flagPage(f).map { "\n\n[" + AlertText.teams(context.lang.t("Open in the inbox")) + "](\($0))" } ?? "")]
        }
    }

    /// The review's link in the text too, as a Markdown link of Reputa's own.
    static func link(_ f: FlaggedReview, _ context: AlertContext) -> String {
        AlertWords.safeLink(f.review.url).map { "\n\n[" + AlertText.teams(context.lang.t("Open the review")) + "](\($0))" } ?? ""
    }

    static func color(_ level: FlagLevel) -> String {
        level == .urgent ? "C0392B" : level == .high ? "E67E22" : "7F8C8D"
    }
}
