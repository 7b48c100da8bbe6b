import ReputaCore

/// Amazon Reviews 2023 JSON Lines: float `rating`, `title`, `text`, `asin`, `user_id`,
/// `timestamp` in epoch milliseconds, `helpful_vote`. There is no review id, so identity is
/// `user_id|asin|timestamp`, which the dataset keeps unique per review.
public struct AmazonJSONLImporter: ReviewImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        var batch = ParsedBatch()
        var (lines, skipped) = JSONLines.objects(bytes, origin: origin)
        for (review, line) in lines {
            let place = "\(origin):\(line)"
            let user = review["user_id"].text, asin = review["asin"].text
            guard let millis = review["timestamp"].int, !user.isEmpty, !asin.isEmpty else {
                skipped.append(RowProblem(place: place, message: "line without user_id, asin or timestamp"))
                continue
            }
            guard let rating = ReviewFields.rating(review["rating"].double, scale: source.scale) else {
                skipped.append(RowProblem(place: place, message: "rating is \(review["rating"].string ?? "missing")"))
                continue
            }
            let title = review["title"].text, text = review["text"].text
            let created = Timestamp(epochSeconds: Int64(millis / 1000))
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: "\(user)|\(asin)|\(millis)", location: source.location,
                competitor: source.competitor, rating: rating, title: title, text: text,
                language: LanguageDetector.detect(title, text), createdAt: created, updatedAt: created,
                helpfulVotes: review["helpful_vote"].int))
        }
        batch.skipped = skipped
        return batch
    }
}
