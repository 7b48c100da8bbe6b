import ReputaCore

/// Trustpilot Business Units API reviews: `reviews[]{id, stars, title, text, language,
/// createdAt, updatedAt, consumer{displayName}, companyReply{text, createdAt, updatedAt},
/// numberOfLikes}` and `links[]` whose `rel` is `next-page`.
public struct TrustpilotAPIImporter: ReviewImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        guard root["reviews"].exists else {
            throw ParseError(source: source.name, place: origin, message: "not a Trustpilot reviews response (no \"reviews\")")
        }
        var batch = ParsedBatch(nextPage: root["links"].list.first { $0["rel"].string == "next-page" }?["href"].string)
        let zone = ReviewFields.zone(source)
        for (n, review) in root["reviews"].list.enumerated() {
            let place = "\(origin): reviews[\(n)]"
            guard let (id, rating) = ReviewFields.identity(id: review["id"], rating: review["stars"], ratingKey: "stars",
                                                           scale: source.scale, place: place, skipped: &batch.skipped) else { continue }
            let title = review["title"].text, text = review["text"].text
            let created = ReviewFields.date(review["createdAt"], zone: zone)
            let reply = review["companyReply"]
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, title: title, text: text,
                language: ReviewFields.language(review["language"].text, fallbackText: title + " " + text),
                author: review["consumer"]["displayName"].text, createdAt: created,
                updatedAt: ReviewFields.date(review["updatedAt"], zone: zone) ?? created,
                replyText: reply["text"].text,
                // When the reply was first given is what response time measures.
                replyAt: ReviewFields.date(reply["createdAt"], zone: zone) ?? ReviewFields.date(reply["updatedAt"], zone: zone),
                helpfulVotes: review["numberOfLikes"].int, authorReviews: review["consumer"]["numberOfReviews"].int))
        }
        return batch
    }
}
