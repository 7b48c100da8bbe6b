import ReputaCore

/// App Store Connect API `GET /v1/apps/{id}/customerReviews` (JSON:API): `data[]` of type
/// `customerReviews` with `attributes{rating, title, body, reviewerNickname, createdDate,
/// territory}`, `links.next` for the next page, `meta.paging.total` for the app's total.
public struct AppStoreConnectImporter: ReviewImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        guard root["data"].exists else {
            throw ParseError(source: source.name, place: origin, message: "not an App Store Connect response (no \"data\")")
        }
        var batch = ParsedBatch(nextPage: root["links"]["next"].string, portalTotal: root["meta"]["paging"]["total"].int)
        let zone = ReviewFields.zone(source)
        // Replies come side-loaded (`include=response`) as customerReviewResponses.
        var replies: [String: JSONNode] = [:]
        for item in root["included"].list where item["type"].string == "customerReviewResponses" {
            if let review = item["relationships"]["review"]["data"]["id"].string { replies[review] = item["attributes"] }
        }
        for (n, item) in root["data"].list.enumerated() where item["type"].string == "customerReviews" {
            let place = "\(origin): data[\(n)]"
            let a = item["attributes"]
            guard let (id, rating) = ReviewFields.identity(id: item["id"], rating: a["rating"], ratingKey: "rating",
                                                           scale: source.scale, place: place, skipped: &batch.skipped) else { continue }
            let title = a["title"].text, text = a["body"].text
            let created = ReviewFields.date(a["createdDate"], zone: zone)
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, title: title, text: text,
                language: LanguageDetector.detect(title, text), author: a["reviewerNickname"].text,
                createdAt: created, updatedAt: created, replyText: replies[id]?["responseBody"].text ?? "",
                replyAt: replies[id].flatMap { ReviewFields.date($0["lastModifiedDate"], zone: zone) }))
        }
        return batch
    }
}
