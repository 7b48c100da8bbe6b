import ReputaCore

/// Trustpilot reviews in either of the shapes people have: the Business Units API's
/// `reviews[]{id, stars, title, text, language, createdAt, updatedAt, consumer{displayName},
/// companyReply{text, createdAt, updatedAt}, numberOfLikes}` with `links[]` whose `rel` is
/// `next-page`; or the review objects of Trustpilot's own business page (its `__NEXT_DATA__`
/// script, `props.pageProps.reviews`, or a bare list of them as scrapers save it):
/// `{id, rating, title, text, language, dates{publishedDate, updatedDate}, consumer{displayName,
/// numberOfReviews}, reply{message, publishedDate, updatedDate}, likes}`.
public struct TrustpilotAPIImporter: ReviewImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        let root = try JSONNode.parse(bytes, source: source.name, origin: origin)
        let page = root["props"]["pageProps"]["reviews"]
        let list: JSONNode
        if root["reviews"].exists {
            list = root["reviews"]
        } else if page.exists {
            list = page
        } else if !root.list.isEmpty, root.list.allSatisfy({ $0["dates"].exists }), root["id"].exists == false {
            list = root
        } else {
            throw ParseError(source: source.name, place: origin,
                             message: "not Trustpilot reviews (no \"reviews\", no page data props.pageProps.reviews, no list of review objects)")
        }
        var batch = ParsedBatch(nextPage: root["links"].list.first { $0["rel"].string == "next-page" }?["href"].string)
        let zone = ReviewFields.zone(source)
        let key = page.exists || !root["reviews"].exists ? "rating" : "stars"
        for (n, review) in list.list.enumerated() {
            let place = "\(origin): reviews[\(n)]"
            guard let (id, rating) = ReviewFields.identity(id: review["id"], rating: review[key], ratingKey: key,
                                                           scale: source.scale, place: place, skipped: &batch.skipped) else { continue }
            let title = review["title"].text, text = review["text"].text
            // The API's fields, else the page's.
            let dates = review["dates"]
            let created = ReviewFields.date(review["createdAt"], zone: zone) ?? ReviewFields.date(dates["publishedDate"], zone: zone)
            let updated = ReviewFields.date(review["updatedAt"], zone: zone) ?? ReviewFields.date(dates["updatedDate"], zone: zone)
            let reply = review["companyReply"].exists ? review["companyReply"] : review["reply"]
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, title: title, text: text,
                language: ReviewFields.language(review["language"].text, fallbackText: title + " " + text),
                author: review["consumer"]["displayName"].text, createdAt: created,
                updatedAt: updated ?? created,
                replyText: reply["text"].exists ? reply["text"].text : reply["message"].text,
                // When the reply was first given is what response time measures.
                replyAt: ReviewFields.date(reply["createdAt"], zone: zone) ?? ReviewFields.date(reply["publishedDate"], zone: zone)
                    ?? ReviewFields.date(reply["updatedAt"], zone: zone) ?? ReviewFields.date(reply["updatedDate"], zone: zone),
                helpfulVotes: review["numberOfLikes"].int ?? review["likes"].int,
                authorReviews: review["consumer"]["numberOfReviews"].int))
        }
        return batch
    }
}
