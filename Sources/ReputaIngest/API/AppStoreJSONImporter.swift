import Foundation
import ReputaCore

/// The App Store customer-reviews feed in JSON (`…/customerreviews/…/json`): every scalar is
/// wrapped in `{"label": …}`, `entry` is an object when there is one review and absent when
/// none, older feeds put the app itself first (no `im:rating`) and carry no per-review date.
public struct AppStoreJSONImporter: ReviewImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        let feed = root["feed"]
        guard feed.exists else {
            throw ParseError(source: source.name, place: origin, message: "not an App Store reviews feed (no \"feed\" object)")
        }
        var batch = ParsedBatch()
        batch.nextPage = feed["link"].list.first { $0["attributes"]["rel"].string == "next" }?["attributes"]["href"].string
        let zone = ReviewFields.zone(source)
        for (n, entry) in feed["entry"].list.enumerated() {
            guard entry["im:rating"].exists else { continue } // the app's own entry
            let place = "\(origin): entry \(n + 1)"
            let id = entry["id"].label.text
            guard !id.isEmpty else { batch.skipped.append(RowProblem(place: place, message: "entry without an id")); continue }
            let ratingText = entry["im:rating"].label.text
            guard let rating = RatingText.parse(ratingText, defaultScale: source.scale) else {
                batch.skipped.append(RowProblem(place: place, message: "im:rating is \"\(ratingText)\", not a rating on \(source.scale)"))
                continue
            }
            let title = entry["title"].label.text, text = entry["content"].label.text
            let updated = ReviewFields.date(entry["updated"].label, zone: zone)
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, title: title, text: text,
                language: LanguageDetector.detect(title, text), author: entry["author"]["name"].label.text,
                createdAt: updated, updatedAt: updated,
                url: entry["link"].list.first { $0["attributes"]["rel"].string == "related" }?["attributes"]["href"].text ?? "",
                helpfulVotes: entry["im:voteSum"].label.int, appVersion: entry["im:version"].label.text))
        }
        return batch
    }
}
