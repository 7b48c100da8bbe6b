import ReputaCore

/// Google Play Developer API `reviews.list`: `reviews[]{reviewId, authorName, comments[]}`
/// where each comment is a `userComment` or a `developerComment`; timestamps are
/// `{seconds: "<int64 as string>", nanos}`; a legacy title rides before a tab in the text.
/// Only reviews with text from the last week are returned: history comes from the CSV.
public struct GooglePlayAPIImporter: ReviewImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        guard root["reviews"].exists || root["tokenPagination"].exists || root.list.isEmpty else {
            throw ParseError(source: source.name, place: origin, message: "not a reviews.list response (no \"reviews\")")
        }
        var batch = ParsedBatch(nextPage: root["tokenPagination"]["nextPageToken"].string)
        for (n, review) in root["reviews"].list.enumerated() {
            let place = "\(origin): reviews[\(n)]"
            let id = review["reviewId"].text
            guard !id.isEmpty else { batch.skipped.append(RowProblem(place: place, message: "review without a reviewId")); continue }
            guard let user = review["comments"].list.first(where: { $0["userComment"].exists })?["userComment"] else {
                batch.skipped.append(RowProblem(place: place, message: "review \(id) has no userComment"))
                continue
            }
            guard let rating = ReviewFields.rating(user["starRating"].double, scale: source.scale) else {
                batch.skipped.append(RowProblem(place: place, message: "starRating is \(user["starRating"].string ?? "missing")"))
                continue
            }
            // A translated review carries the reviewer's own words in originalText.
            let original = user["originalText"].string
            let raw = original ?? user["text"].string ?? ""
            var title = "", text = raw
            if let tab = raw.firstIndex(of: "\t") {
                title = String(raw[..<tab])
                text = String(raw[raw.index(after: tab)...])
            }
            title = CellText.clean(title)
            text = CellText.clean(text)
            let developer = review["comments"].list.first(where: { $0["developerComment"].exists })?["developerComment"]
            let modified = Self.timestamp(user["lastModified"])
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, title: title, text: text,
                language: ReviewFields.language(user["reviewerLanguage"].text, fallbackText: title + " " + text),
                author: review["authorName"].text, createdAt: modified, updatedAt: modified,
                replyText: developer?["text"].text ?? "", replyAt: developer.flatMap { Self.timestamp($0["lastModified"]) },
                helpfulVotes: user["thumbsUpCount"].int, appVersion: user["appVersionName"].text,
                translation: original == nil ? "" : Self.withoutTitle(user["text"].string ?? "")))
        }
        return batch
    }

    static func withoutTitle(_ raw: String) -> String {
        CellText.clean(raw.firstIndex(of: "\t").map { String(raw[raw.index(after: $0)...]) } ?? raw)
    }

    static func timestamp(_ node: JSONNode) -> Timestamp? {
        node["seconds"].int.map { Timestamp(epochSeconds: Int64($0)) }
    }
}
