import Foundation
import ReputaCore

/// Apple's App Store customer-reviews feed in Atom (`…/rss/customerreviews/…/xml`).
///
/// Quirks handled (see `../shared/notes/formats.md` §1a): the `im:` namespace; older feeds put
/// the app itself first (it has no `im:rating`, so entries are kept by the presence of a rating,
/// never by position); each entry has two `content` elements and the `type="text"` one is read;
/// `updated` carries the Pacific offset, which is kept.
public struct AppStoreAtomImporter: ReviewImporter {
    static let atom = "http://www.w3.org/2005/Atom"
    static let itunes = "http://itunes.apple.com/rss"

    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        try PayloadShape.requireXML(bytes, source: source.name, origin: origin)
        var batch = ParsedBatch()
        var entry: [String: String]? = nil
        var entryLine = 0
        var inAuthor = false
        var sawRoot = false

        do {
            try XMLStreamReader.read(bytes, url: origin) { event in
                switch event {
                case let .start(e):
                    if e.depth == 0 {
                        guard e.name == "feed", e.namespace == Self.atom else {
                            throw ParseError(source: source.name, place: "\(origin):\(e.line)",
                                             message: "not an Atom feed (root element <\(e.name)>)")
                        }
                        sawRoot = true
                    } else if e.depth == 1, e.name == "link", e.namespace == Self.atom, e.attributes["rel"] == "next",
                              let href = e.attributes["href"], !href.isEmpty {
                        batch.nextPage = href
                    } else if e.depth == 1, e.name == "entry", e.namespace == Self.atom {
                        entry = [:]
                        entryLine = e.line
                    } else if entry != nil {
                        if e.name == "author" { inAuthor = true }
                        if e.name == "link", e.attributes["rel"] == "related" || entry?["link"] == nil,
                           let href = e.attributes["href"], !href.isEmpty {
                            entry?["link"] = href
                        }
                        if e.name == "content" { entry?["_contentType"] = e.attributes["type"] ?? "text" }
                    }
                case .text:
                    return
                case let .end(e, text):
                    guard entry != nil else { return }
                    if e.depth == 1, e.name == "entry" {
                        if let fields = entry { append(fields, line: entryLine, to: &batch, origin: origin, source: source) }
                        entry = nil
                        return
                    }
                    let key: String
                    switch (e.namespace, e.name) {
                    case (Self.atom, "author"): inAuthor = false; return
                    case (Self.atom, "link"): return // read from its attributes at the start
                    case (Self.atom, "name") where inAuthor: key = "author"
                    case (Self.atom, "uri") where inAuthor: key = "authorURI"
                    case (Self.atom, "content"):
                        guard entry?["_contentType"] == "text" else { return }
                        key = "content"
                    case (Self.atom, let n) where e.depth == 2: key = n
                    case (Self.itunes, let n) where e.depth == 2: key = "im:" + n
                    default: return
                    }
                    entry?[key] = text
                }
            }
        } catch let failure as XMLStreamReader.Failure {
            throw ParseError(source: source.name, place: "\(origin):\(failure.line):\(failure.column)",
                             message: "malformed XML: \(failure.message)")
        }
        guard sawRoot else {
            throw ParseError(source: source.name, place: origin, message: "empty document")
        }
        return batch
    }

    func append(_ f: [String: String], line: Int, to batch: inout ParsedBatch, origin: String, source: SourceDescriptor) {
        let place = "\(origin):\(line)"
        guard let ratingText = f["im:rating"] else { return } // the app's own entry, not a review
        guard let id = f["id"]?.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty else {
            batch.skipped.append(RowProblem(place: place, message: "entry without <id>"))
            return
        }
        guard let rating = RatingText.parse(ratingText, defaultScale: source.scale) else {
            batch.skipped.append(RowProblem(place: place, message: "im:rating is \"\(ratingText)\", not a rating on \(source.scale)"))
            return
        }
        let zone = TimeZone(identifier: source.timezone) ?? .gmt
        let updated = f["updated"].flatMap { DateText.parse($0, zone: zone) }
        if updated == nil {
            batch.skipped.append(RowProblem(place: place, message: "entry \(id): updated is \"\(f["updated"] ?? "")\", not a date"))
            return
        }
        let title = f["title"] ?? ""
        let text = f["content"] ?? ""
        batch.reviews.append(Review(
            source: source.name, portal: source.portal, externalID: id, location: source.location,
            competitor: source.competitor, rating: rating, title: title, text: text,
            language: LanguageDetector.detect(title, text), author: f["author"] ?? "",
            createdAt: updated, updatedAt: updated, url: f["link"] ?? "",
            helpfulVotes: f["im:voteSum"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
            appVersion: f["im:version"] ?? ""))
    }
}
