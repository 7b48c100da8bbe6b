import Foundation
import ReputaCore

/// Where a review can be read and answered on its portal, built from the ids the portal gave.
/// What each portal gets is in docs/inbox.md ("Links to the review"): the review's own URL when the
/// portal gave one, else the portal's documented permalink form, else the source's `review_url`
/// and `reply_url` templates (which win over both); nil where no link can be built.
public struct ReviewLinks: Equatable, Sendable {
    /// The review on the portal.
    public var review: String?
    /// True when `review` is a page of all the reviews (an App Store app page), not this one.
    public var reviewIsGeneric = false
    /// Where the business answers it (Play Console's review page, a configured reply page).
    public var reply: String?

    public init(review: String? = nil, reviewIsGeneric: Bool = false, reply: String? = nil) {
        self.review = review
        self.reviewIsGeneric = reviewIsGeneric
        self.reply = reply
    }

    /// The placeholders a source's `review_url` and `reply_url` may hold.
    public static let placeholders = ["{id}", "{id_last}"]

    /// The links of `r`, with the source's templates (`review_url`, `reply_url`) when it has them.
    public static func of(_ r: Review, reviewTemplate: String? = nil, replyTemplate: String? = nil) -> ReviewLinks {
        var links = ReviewLinks()
        let given = AlertWords.safeLink(r.url) ?? ""
        let id = r.externalID
        switch r.portal {
        case "google-play" where given.contains("play.google.com/console"):
            links.reply = given // Play Console's page of the review, where the developer replies
        case "appstore" where given.contains("/review?id="):
            links.review = given // the app's reviews: the App Store has no page per review
            links.reviewIsGeneric = true
        case "trustpilot" where given.isEmpty && !id.isEmpty:
            links.review = "https://www.trustpilot.com/reviews/" + encoded(id)
        case "amazon" where given.isEmpty && id.hasPrefix("R") && id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }):
            links.review = "https://www.amazon.com/gp/customer-reviews/" + id
        default:
            if !given.isEmpty { links.review = given }
        }
        if let reviewTemplate {
            links.review = fill(reviewTemplate, id)
            links.reviewIsGeneric = !reviewTemplate.contains("{id")
        }
        if let replyTemplate { links.reply = fill(replyTemplate, id) }
        return links
    }

    /// `template` with `{id}` (the portal's review id) and `{id_last}` (its last `/` part: a
    /// Google review name's own id), each percent-encoded.
    static func fill(_ template: String, _ id: String) -> String {
        let last = id.split(separator: "/").last.map(String.init) ?? id
        return template.replacingOccurrences(of: "{id_last}", with: encoded(last)).replacingOccurrences(of: "{id}", with: encoded(id))
    }

    static func encoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~:")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
