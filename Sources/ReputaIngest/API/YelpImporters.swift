import Foundation
import ReputaCore

/// Yelp Fusion `GET /v3/businesses/{id}/reviews`: at most 3 review excerpts, `time_created`
/// without a zone, which Yelp's reference gives as "review creation time in PST": US Pacific
/// time whatever the business's own zone (read as America/Los_Angeles, daylight saving included),
/// `total` for the business.
public struct YelpAPIImporter: ReviewImporter {
    public init() {}

    /// The zone Yelp Fusion writes `time_created` in.
    static let pacific = TimeZone(identifier: "America/Los_Angeles")!

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        guard root["reviews"].exists else {
            throw ParseError(source: source.name, place: origin, message: "not a Yelp reviews response (no \"reviews\")")
        }
        var batch = ParsedBatch(portalTotal: root["total"].int)
        for (n, review) in root["reviews"].list.enumerated() {
            let place = "\(origin): reviews[\(n)]"
            guard let (id, rating) = ReviewFields.identity(id: review["id"], rating: review["rating"], ratingKey: "rating",
                                                           scale: source.scale, place: place, skipped: &batch.skipped) else { continue }
            let text = review["text"].text
            let created = ReviewFields.date(review["time_created"], zone: Self.pacific)
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, text: text, language: LanguageDetector.detect(text),
                author: review["user"]["name"].text, createdAt: created, updatedAt: created, url: review["url"].text))
        }
        return batch
    }
}

/// The Yelp Open Dataset's `yelp_academic_dataset_review.json`: JSON Lines with float `stars`
/// and a local `date`; the old academic release nests votes and writes dates without time.
public struct YelpDatasetImporter: ReviewImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        var batch = ParsedBatch()
        let zone = ReviewFields.zone(source)
        var (lines, skipped) = JSONLines.objects(bytes, origin: origin)
        for (review, line) in lines {
            let place = "\(origin):\(line)"
            let id = review["review_id"].text
            guard !id.isEmpty else { skipped.append(RowProblem(place: place, message: "line without a review_id")); continue }
            guard let rating = ReviewFields.rating(review["stars"].double, scale: source.scale) else {
                skipped.append(RowProblem(place: place, message: "review \(id): stars is \(review["stars"].string ?? "missing")"))
                continue
            }
            let text = review["text"].text
            let created = ReviewFields.date(review["date"], zone: zone)
            let useful = review["useful"].exists ? review["useful"].int : review["votes"]["useful"].int
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, text: text, language: LanguageDetector.detect(text),
                createdAt: created, updatedAt: created, helpfulVotes: useful))
        }
        batch.skipped = skipped
        if batch.reviews.isEmpty && skipped.isEmpty {
            throw ParseError(source: source.name, place: origin, message: "no reviews: the file is empty")
        }
        return batch
    }
}
