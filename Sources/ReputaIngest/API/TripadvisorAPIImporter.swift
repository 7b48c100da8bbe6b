import ReputaCore

/// Tripadvisor Content API `location/{id}/reviews`: `data[]` (5 most recent at most) with
/// integer ids, `published_date`, `owner_response`, `user{username}`, `helpful_votes`.
public struct TripadvisorAPIImporter: ReviewImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        if root["error"].exists {
            throw ParseError(source: source.name, place: origin, message: "the API answered with an error: \(root["error"]["message"].text)")
        }
        guard root["data"].exists else {
            throw ParseError(source: source.name, place: origin, message: "not a Tripadvisor reviews response (no \"data\")")
        }
        var batch = ParsedBatch()
        let zone = ReviewFields.zone(source)
        for (n, review) in root["data"].list.enumerated() {
            let place = "\(origin): data[\(n)]"
            guard let (id, rating) = ReviewFields.identity(id: review["id"], rating: review["rating"], ratingKey: "rating",
                                                           scale: source.scale, place: place, skipped: &batch.skipped) else { continue }
            let title = review["title"].text, text = review["text"].text
            let created = ReviewFields.date(review["published_date"], zone: zone)
            let owner = review["owner_response"]
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, title: title, text: text,
                language: ReviewFields.language(review["lang"].text, fallbackText: title + " " + text),
                author: review["user"]["username"].text, createdAt: created, updatedAt: created,
                replyText: owner["text"].text, replyAt: ReviewFields.date(owner["published_date"], zone: zone),
                url: review["url"].text, helpfulVotes: review["helpful_votes"].int))
        }
        return batch
    }
}
