import Foundation
import ReputaCore

/// Alerts by e-mail: the subject is the headline, the plain part reads like the Slack message,
/// the HTML part escapes every review text. The Message-ID carries the delivery id, so a
/// message sent again after a crash has the same id and a mail system can drop the repeat.
public enum AlertMail {
    public static func single(_ f: FlaggedReview, due: String, from: String, to: [String], deliveryID: String,
                              date: Date) -> MailMessage {
        let subject = "[Reputa] " + AlertPayload.headline(f)
        var text = ["\(AlertPayload.headline(f)) (priority \(f.decision.priority), due \(due))", ""]
        text += f.decision.reasons.map { "- " + $0 }
        text += [""] + body(f) + ["", "reputa flags show \(f.id)"]
        let html = "<h2>" + HTMLRenderer.escape(AlertPayload.headline(f)) + "</h2>"
            + "<p>Priority \(f.decision.priority), due " + HTMLRenderer.escape(due) + "</p><ul>"
            + f.decision.reasons.map { "<li>" + HTMLRenderer.escape($0) + "</li>" }.joined() + "</ul>" + htmlBody(f)
            + "<p><code>reputa flags show \(f.id)</code></p>"
        return message(subject: subject, text: text, html: html, from: from, to: to, deliveryID: deliveryID, date: date)
    }

    public static func digest(_ flags: [FlaggedReview], due: (FlaggedReview) -> String, from: String, to: [String],
                              deliveryID: String, date: Date) -> MailMessage {
        let subject = "[Reputa] " + AlertPayload.digestHeadline(flags)
        var text = [AlertPayload.digestHeadline(flags), ""]
        var html = "<h2>" + HTMLRenderer.escape(AlertPayload.digestHeadline(flags)) + "</h2>"
        for f in flags {
            let line = AlertPayload.digestLine(f, due: due(f))
            text += ["* " + line] + body(f).map { "  " + $0 } + ["  reputa flags show \(f.id)", ""]
            html += "<h3>" + HTMLRenderer.escape(line) + "</h3>" + htmlBody(f) + "<p><code>reputa flags show \(f.id)</code></p>"
        }
        return message(subject: subject, text: text, html: html, from: from, to: to, deliveryID: deliveryID, date: date)
    }

    static func body(_ f: FlaggedReview) -> [String] {
        (f.review.title.isEmpty ? [] : [AlertText.clean(f.review.title)]) + [AlertText.clean(AlertText.excerpt(f.review.text))]
            + (AlertPayload.safeLink(f.review.url).map { [$0] } ?? [])
    }

    static func htmlBody(_ f: FlaggedReview) -> String {
        (f.review.title.isEmpty ? "" : "<p><b>" + HTMLRenderer.escape(f.review.title) + "</b></p>")
            + "<blockquote>" + HTMLRenderer.escape(AlertText.excerpt(f.review.text)) + "</blockquote>"
            + (AlertPayload.safeLink(f.review.url).map { "<p><a href=\"" + HTMLRenderer.escape($0) + "\">Open the review</a></p>" } ?? "")
    }

    static func message(subject: String, text: [String], html: String, from: String, to: [String], deliveryID: String,
                        date: Date) -> MailMessage {
        let host = MailMessage.address(from).split(separator: "@").last.map(String.init) ?? "reputa.invalid"
        return MailMessage(from: from, to: to, subject: subject, text: text.joined(separator: "\n"),
                           html: "<!DOCTYPE html><html><body>" + html + "</body></html>", date: date,
                           messageID: "<\(deliveryID)@\(host)>")
    }
}
