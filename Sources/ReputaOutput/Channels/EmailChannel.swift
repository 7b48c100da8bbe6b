import Foundation
import ReputaCore

/// Alerts by e-mail: the subject is the headline, the plain part reads like the Slack message,
/// the HTML part escapes every review text. The Message-ID carries the delivery id, so a
/// message sent again after a crash has the same id and a mail system can drop the repeat.
public enum EmailChannel: ChannelFormat {
    public static func message(_ content: AlertContent, _ context: AlertContext) -> AlertMessage {
        let h = HTMLRenderer.escape
        var subject: String, text: [String], html: String
        switch content {
        case let .single(f):
            subject = AlertWords.headline(f, context.lang)
            text = [subject + " (" + context.priority(f) + ", \(context.deadline(f)))", ""]
            text += context.reasons(f).map { "- " + $0 }
            text += [""] + body(f) + ["", context.flagReference(f)]
            html = "<h2>" + h(subject) + "</h2>"
                + "<p>" + h(context.priority(f) + ", " + context.deadline(f)) + "</p><ul>"
                + context.reasons(f).map { "<li>" + h($0) + "</li>" }.joined() + "</ul>" + htmlBody(f, context)
                + reference(f, context)
        case let .digest(flags):
            subject = AlertWords.digestHeadline(flags, context.lang)
            (text, html) = ([subject, ""], "<h2>" + h(subject) + "</h2>")
            for f in flags { add(f, context, &text, &html) }
        case let .summary(flags, maxAge):
            subject = AlertWords.summaryHeadline(flags, context.lang)
            let why = AlertWords.summaryText(flags, maxAge: maxAge, context.lang)
            (text, html) = ([subject, ""] + why + [""], "<h2>" + h(subject) + "</h2>" + why.map { "<p>" + h($0) + "</p>" }.joined())
            for f in flags.prefix(AlertWords.summaryListed) { add(f, context, &text, &html) }
        case let .quietSources(sources):
            subject = AlertWords.quietHeadline(sources, context.lang)
            let lines = AlertWords.quietText(sources, context.lang)
            text = [subject, ""] + lines.map { "- " + AlertText.clean($0) }
            html = "<h2>" + h(subject) + "</h2><ul>" + lines.map { "<li>" + h($0) + "</li>" }.joined() + "</ul>"
        }
        let host = MailMessage.address(context.from).split(separator: "@").last.map(String.init) ?? "reputa.invalid"
        return .mail(MailMessage(from: context.from, to: context.to, subject: "[Reputa] " + subject,
                                 text: text.joined(separator: "\n"),
                                 html: "<!DOCTYPE html><html><body>" + html + "</body></html>",
                                 date: Date(timeIntervalSince1970: TimeInterval(context.now.epochSeconds)),
                                 messageID: "<\(context.deliveryID)@\(host)>"))
    }

    /// One flag inside a digest or a summary.
    static func add(_ f: FlaggedReview, _ context: AlertContext, _ text: inout [String], _ html: inout String) {
        let line = AlertWords.digestLine(f, context)
        text += ["* " + line] + body(f).map { "  " + $0 } + ["  " + context.flagReference(f), ""]
        html += "<h3>" + HTMLRenderer.escape(line) + "</h3>" + htmlBody(f, context) + reference(f, context)
    }

    /// The flag's page in the inbox as a link, else the command that shows it.
    static func reference(_ f: FlaggedReview, _ context: AlertContext) -> String {
        context.flagPage(f).map { "<p><a href=\"" + HTMLRenderer.escape($0) + "\">"
            + HTMLRenderer.escape(context.lang.t("Open flag {n} in the inbox").replacingOccurrences(of: "{n}", with: "\(f.id)")) + "</a></p>" }
            ?? "<p><code>reputa flags show \(f.id)</code></p>"
    }

    static func body(_ f: FlaggedReview) -> [String] {
        (f.review.title.isEmpty ? [] : [AlertText.clean(f.review.title)]) + [AlertText.clean(AlertText.excerpt(f.review.text))]
            + (AlertWords.safeLink(f.review.url).map { [$0] } ?? [])
    }

    static func htmlBody(_ f: FlaggedReview, _ context: AlertContext) -> String {
        (f.review.title.isEmpty ? "" : "<p><b>" + HTMLRenderer.escape(f.review.title) + "</b></p>")
            + "<blockquote>" + HTMLRenderer.escape(AlertText.excerpt(f.review.text)) + "</blockquote>"
            + (AlertWords.safeLink(f.review.url).map { "<p><a href=\"" + HTMLRenderer.escape($0) + "\">" + HTMLRenderer.escape(context.lang.t("Open the review")) + "</a></p>" } ?? "")
    }
}
