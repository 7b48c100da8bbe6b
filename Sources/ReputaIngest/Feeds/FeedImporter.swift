import Foundation
import ReputaCore

/// Any RSS or Atom feed as reviews without stars (news alerts, forum threads, a portal's
/// feed): identity from guid/id, else the link, else a hash of the content; HTML turned into
/// plain text; an unreadable date keeps the entry, dated nil, with a warning.
public struct FeedImporter: ReviewImporter {
    public var expect: ParsedFeed.Flavour?

    public init(expect: ParsedFeed.Flavour? = nil) { self.expect = expect }

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        try parse(bytes, origin: origin, charset: nil, source: source)
    }

    public func parse(_ bytes: [UInt8], origin: String, charset: String?, source: SourceDescriptor) throws -> ParsedBatch {
        let feed = try FeedReader.read(bytes, origin: origin, httpCharset: charset, source: source.name, expect: expect)
        var batch = ParsedBatch(nextPage: feed.nextPage)
        if let warning = feed.encodingWarning { batch.warnings.append(RowProblem(place: origin, message: warning)) }
        let zone = TimeZone(identifier: source.timezone) ?? .gmt
        var seen: [String: String] = [:] // id → link, for duplicate guids
        for entry in feed.entries {
            let place = "\(origin):\(entry.line)"
            let title = Self.text(entry.title, html: entry.titleIsHTML)
            let body = entry.content.isEmpty ? Self.text(entry.summary, html: entry.summaryIsHTML)
                : Self.text(entry.content, html: entry.contentIsHTML)
            let link = entry.link.trimmingCharacters(in: .whitespacesAndNewlines)
            var id = entry.id.trimmingCharacters(in: .whitespacesAndNewlines)
            if id.isEmpty { id = link }
            if id.isEmpty { id = "h:" + StableHash.hex([title, body, entry.published, entry.updated]) }
            // The same guid with a different link is a different entry (Miniflux's rule).
            if let other = seen[id], other != link { id += "|" + link }
            seen[id] = link

            func date(_ raw: String, _ field: String) -> Timestamp? {
                let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { return nil }
                if let t = DateText.parse(text, zone: zone) { return t }
                batch.warnings.append(RowProblem(place: place, message: "entry \(id): \(field) \"\(text)\" is not a date; kept without a date"))
                return nil
            }
            let published = date(entry.published, entry.published.isEmpty ? "" : "published date")
            let updated = date(entry.updated, "updated date")
            let created = published ?? date(entry.created, "created date") ?? updated
            batch.reviews.append(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: nil, title: title, text: body,
                language: LanguageDetector.detect(title, body),
                author: CellText.clean(entry.author), createdAt: created,
                updatedAt: updated ?? created, url: link))
        }
        return batch
    }

    static func text(_ raw: String, html: Bool) -> String {
        html ? HTMLText.plain(raw) : CellText.clean(raw)
    }
}
