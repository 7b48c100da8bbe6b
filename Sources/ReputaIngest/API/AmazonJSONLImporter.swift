import ReputaCore

/// Amazon review datasets as JSON Lines. The 2023 form: float `rating`, `title`, `text`, `asin`,
/// `user_id`, `timestamp` in epoch milliseconds, `helpful_vote`. The 2014 and 2018 forms
/// (McAuley's): `overall`, `summary`, `reviewText`, `asin`, `reviewerID`, `reviewerName`,
/// `unixReviewTime` in epoch seconds, helpful votes as `helpful: [yes, all]` (2014) or a `vote`
/// string with a thousands comma (2018). There is no review id, so identity is
/// `user|asin|time`, which the datasets keep unique per review.
public struct AmazonJSONLImporter: ReviewImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        var batch = ParsedBatch()
        var (lines, skipped) = JSONLines.objects(bytes, origin: origin)
        for (review, line) in lines {
            let place = "\(origin):\(line)"
            if review["reviewerID"].exists {
                switch Self.older(review, source: source) {
                case .success(let r): batch.reviews.append(r)
                case .failure(let problem): skipped.append(RowProblem(place: place, message: problem.message))
                }
                continue
            }
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

    struct Problem: Error { var message: String }

    /// One review of the 2014 or 2018 dataset.
    static func older(_ review: JSONNode, source: SourceDescriptor) -> Result<Review, Problem> {
        let user = review["reviewerID"].text, asin = review["asin"].text
        guard let seconds = review["unixReviewTime"].int, !user.isEmpty, !asin.isEmpty else {
            return .failure(Problem(message: "line without reviewerID, asin or unixReviewTime"))
        }
        guard let rating = ReviewFields.rating(review["overall"].double, scale: source.scale) else {
            return .failure(Problem(message: "overall is \(review["overall"].string ?? "missing")"))
        }
        let title = review["summary"].text, text = review["reviewText"].text
        let created = Timestamp(epochSeconds: Int64(seconds))
        let votes = review["vote"].exists ? Int(review["vote"].text.replacingOccurrences(of: ",", with: ""))
            : review["helpful"].list.first?.int
        return .success(Review(
            source: source.name, portal: source.portal, externalID: "\(user)|\(asin)|\(seconds)", location: source.location,
            competitor: source.competitor, rating: rating, title: title, text: text,
            language: LanguageDetector.detect(title, text), author: review["reviewerName"].text, createdAt: created,
            updatedAt: created, helpfulVotes: votes))
    }
}
