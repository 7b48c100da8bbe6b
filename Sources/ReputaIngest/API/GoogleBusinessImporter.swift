import ReputaCore

/// Google Business Profile reviews: the API's `accounts.locations.reviews` response and the
/// Takeout `reviews.json` (same shape without `reviewId`). Stars are `ONE`…`FIVE`; star-only
/// reviews have no `comment`; machine translations arrive as
/// `(Translated by Google) <translation>\n\n(Original)\n<original>` and are split so the
/// original is what gets read and scored. Identity is the resource `name`.
public struct GoogleBusinessImporter: ReviewImporter {
    static let stars = ["ONE": 1.0, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5]

    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        guard root["reviews"].exists || root["totalReviewCount"].exists else {
            throw ParseError(source: source.name, place: origin, message: "not a Google Business Profile reviews file (no \"reviews\")")
        }
        var batch = ParsedBatch(nextPage: root["nextPageToken"].string, portalTotal: root["totalReviewCount"].int)
        let zone = ReviewFields.zone(source)
        for (n, review) in root["reviews"].list.enumerated() {
            let place = "\(origin): reviews[\(n)]"
            var id = review["name"].text
            if id.isEmpty { id = review["reviewId"].text }
            guard !id.isEmpty else { batch.skipped.append(RowProblem(place: place, message: "review without a name or reviewId")); continue }
            let star = review["starRating"].text
            let rating = Self.stars[star].map { Rating(value: $0, scale: .fiveStars) } // UNSPECIFIED: no rating
            let (text, translation) = Self.splitTranslation(review["comment"].string ?? "")
            let created = ReviewFields.date(review["createTime"], zone: zone)
            let reply = review["reviewReply"]
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, text: text,
                language: LanguageDetector.detect(text), author: review["reviewer"]["displayName"].text,
                createdAt: created, updatedAt: ReviewFields.date(review["updateTime"], zone: zone) ?? created,
                replyText: reply["comment"].text, replyAt: ReviewFields.date(reply["updateTime"], zone: zone),
                translation: translation))
        }
        return batch
    }

    /// (original, translation) from Google's two-part comment, in either order.
    static func splitTranslation(_ comment: String) -> (String, String) {
        let c = CellText.clean(comment)
        let translated = "(Translated by Google)", original = "(Original)"
        guard let t = c.range(of: translated), let o = c.range(of: original) else { return (c, "") }
        if t.lowerBound < o.lowerBound {
            return (CellText.clean(String(c[o.upperBound...])), CellText.clean(String(c[t.upperBound..<o.lowerBound])))
        }
        return (CellText.clean(String(c[o.upperBound..<t.lowerBound])), CellText.clean(String(c[t.upperBound...])))
    }
}
