import Foundation
import ReputaCore

/// Slack incoming-webhook JSON: mrkdwn text escaped with `AlertText.slack`; `parse: none` and
/// no unfurling, so nothing in a review becomes a mention, a link or a preview.
public enum SlackChannel: ChannelFormat {
    public static func message(_ content: AlertContent, _ context: AlertContext) -> AlertMessage {
        let e = AlertText.slack
        var lines: [String] = []
        switch content {
        case let .single(f):
            lines = ["*\(e(AlertWords.headline(f, context.lang)))* (\(e(context.priority(f))), \(e(context.deadline(f))))"]
            lines += context.reasons(f).map { "• " + e($0) }
            if !f.review.title.isEmpty { lines.append("*" + e(f.review.title) + "*") }
            lines.append("> " + e(AlertText.excerpt(f.review.text)).replacingOccurrences(of: "\n", with: "\n> "))
            lines.append(e(context.flagNumber(f)) + " · " + inbox(f, context) + link(f, context))
        case let .digest(flags):
            lines = ["*\(e(AlertWords.digestHeadline(flags, context.lang)))*"]
            for f in flags { lines += entry(f, context) }
        case let .summary(flags, maxAge):
            lines = ["*\(e(AlertWords.summaryHeadline(flags, context.lang)))*"] + AlertWords.summaryText(flags, maxAge: maxAge, context.lang).map(e)
            for f in flags.prefix(AlertWords.summaryListed) { lines += entry(f, context) }
        case let .quietSources(sources):
            lines = ["*\(e(AlertWords.quietHeadline(sources, context.lang)))*"] + AlertWords.quietText(sources, context.lang).map { "• " + e($0) }
        }
        return .json(AlertWords.json(["text": lines.joined(separator: "\n"), "parse": "none", "unfurl_links": false,
                                      "unfurl_media": false]))
    }

    /// One flag inside a digest or a summary: its line, a short excerpt, its number and link.
    static func entry(_ f: FlaggedReview, _ context: AlertContext) -> [String] {
        let e = AlertText.slack
        return ["• *" + e(AlertWords.digestLine(f, context)) + "*",
                "> " + e(AlertText.excerpt(f.review.text, limit: 160)).replacingOccurrences(of: "\n", with: " "),
                e(context.flagNumber(f)) + (context.flagPage(f) == nil ? "" : " · " + inbox(f, context)) + link(f, context)]
    }

    /// `<https://inbox/flags/12|open in the inbox>` with `serve.base_url`, else the command.
    static func inbox(_ f: FlaggedReview, _ context: AlertContext) -> String {
        context.flagPage(f).map { "<\($0)|" + AlertText.slack(context.lang.t("open in the inbox")) + ">" } ?? "reputa flags show \(f.id)"
    }

    static func link(_ f: FlaggedReview, _ context: AlertContext) -> String {
        AlertWords.safeLink(f.review.url).map { " · <\($0)|" + AlertText.slack(context.lang.t("open the review")) + ">" } ?? ""
    }
}
