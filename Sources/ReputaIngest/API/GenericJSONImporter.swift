import Foundation
import ReputaCore

/// Any JSON list of review objects read through a mapping (`field=key`, dotted paths such as
/// `user.name`), with the same fields as the CSV kind. The list may be the document itself or
/// sit under the key named by `list` in the mapping (`list=data.items`); a file of one object
/// per line (JSON Lines, as exports and scrapers write them) is read line by line.
public struct GenericJSONImporter: ReviewImporter {
    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        guard source.mapping["rating"] != nil || source.mapping["text"] != nil, source.mapping["date"] != nil else {
            throw ParseError(source: source.name, place: origin,
                             message: "kind json needs a mapping with date and rating or text (--map date=key,rating=key)")
        }
        var batch = ParsedBatch()
        let items = try Self.items(bytes, origin: origin, source: source, list: source.mapping["list"], skipped: &batch.skipped)
        Self.read(items, mapping: source.mapping, zone: ReviewFields.zone(source), source: source, into: &batch)
        return batch
    }

    /// The objects of a JSON document (the document itself, or the list under the dotted path
    /// `list`) or of a JSON Lines file, each with its place; lines that are not objects go to
    /// `skipped`. `parsed`: the document, when the caller has parsed it already.
    static func items(_ bytes: [UInt8], origin: String, source: SourceDescriptor, list: String?, parsed: JSONNode? = nil,
                      skipped: inout [RowProblem]) throws -> [(item: JSONNode, place: String)] {
        do {
            let root = try parsed ?? JSONNode.parse(bytes, source: source.name, origin: origin)
            let node = list.map { path(root, $0) } ?? root
            return node.list.enumerated().map { ($1, "\(origin): [\($0)]") }
        } catch {
            // Not one JSON document: JSON Lines when at least one line is an object, else the parse error.
            let (lines, bad) = JSONLines.objects(bytes, origin: origin)
            guard !lines.isEmpty, list == nil else { throw error }
            skipped += bad
            return lines.map { ($0.0, "\(origin):\($0.1)") }
        }
    }

    /// Review objects read through `mapping` (field → dotted key), dates without an offset in
    /// `zone`; an object without a readable date or rating is skipped with its place. Without
    /// an id, identity is a hash of the date's instant, author, title and text.
    static func read(_ items: [(item: JSONNode, place: String)], mapping: [String: String], zone: TimeZone,
                     source: SourceDescriptor, into batch: inout ParsedBatch) {
        for (item, place) in items {
            func value(_ field: String) -> JSONNode { mapping[field].map { path(item, $0) } ?? JSONNode(nil) }
            var rating: Rating? = nil
            let ratingNode = value("rating")
            if ratingNode.exists {
                guard let r = ratingNode.double.flatMap({ ReviewFields.rating($0, scale: source.scale) })
                        ?? ratingNode.string.flatMap({ RatingText.parse($0, defaultScale: source.scale) }) else {
                    batch.skipped.append(RowProblem(place: place, message: "rating is \"\(ratingNode.string ?? "?")\", not on \(source.scale)"))
                    continue
                }
                rating = r
            }
            guard let created = ReviewFields.date(value("date"), zone: zone) else {
                batch.skipped.append(RowProblem(place: place, message: "date is \"\(value("date").string ?? "")\", not a date"))
                continue
            }
            let title = value("title").text, text = value("text").text, author = value("author").text
            var id = value("id").text
            if id.isEmpty { id = "h:" + StableHash.hex([created.utcISO, author, title, text]) }
            let language = ReviewFields.language(value("language").text, fallbackText: title + " " + text)
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, title: title, text: text, language: language,
                author: author, createdAt: created, updatedAt: ReviewFields.date(value("updated"), zone: zone) ?? created,
                replyText: value("reply").text, replyAt: ReviewFields.date(value("reply_date"), zone: zone),
                url: value("url").text, helpfulVotes: value("helpful").int, appVersion: value("version").text,
                authorReviews: value("author_reviews").int))
        }
    }

    static func path(_ node: JSONNode, _ dotted: String) -> JSONNode {
        dotted.split(separator: ".").reduce(node) { $0[String($1)] }
    }
}
