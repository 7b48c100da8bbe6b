import CLibXML2
import Foundation
import ReputaCore

/// Apple's App Store customer-reviews feed in Atom (`…/rss/customerreviews/…/xml`).
///
/// Quirks handled (see `../shared/notes/formats.md` §1a): the `im:` namespace; older feeds put
/// the app itself first (it has no `im:rating`, so entries are kept by the presence of a rating,
/// never by position); each entry has two `content` elements and the `type="text"` one is read;
/// `updated` carries the Pacific offset, which is kept.
///
/// Read as a stream of SAX events straight from libxml2, piece by piece: only the fields a
/// review needs are copied out (the HTML `content`, most of each entry's bytes, never becomes
/// a Swift string), and each review goes to the sink when its entry ends.
public struct AppStoreAtomImporter: StreamingImporter {
    public init() {}

    public func stream(_ input: ByteInput, origin: String, charset: String?, source: SourceDescriptor,
                       into sink: any ReviewSink) throws -> PageInfo {
        let reader = EntryReader(origin: origin, source: source, sink: sink)
        var first = true
        do {
            try XMLPushParser.parse(url: origin, handler: reader) {
                let piece = try input.next()
                if first {
                    first = false
                    try PayloadShape.requireXML(Array((piece ?? [])[...].prefix(4096)), source: source.name, origin: origin)
                }
                return piece
            }
        } catch let failure as XMLPushParser.Failure {
            throw ParseError(source: source.name, place: "\(origin):\(failure.line):\(failure.column)",
                             message: failure.malformed ? "malformed XML: \(failure.message)" : failure.message)
        } catch let failure as InputError {
            throw ParseError(source: source.name, place: failure.place, message: failure.message)
        }
        guard reader.sawRoot else {
            throw ParseError(source: source.name, place: origin, message: "empty document")
        }
        return PageInfo(nextPage: reader.nextPage)
    }

    /// The SAX handler: element names compared as C strings, text copied only for the fields
    /// it keeps, one review built per `entry`.
    final class EntryReader: XMLSAXHandler {
        enum Field: Int, CaseIterable { case id, updated, title, content, rating, voteSum, version, author }

        let origin: String
        let source: SourceDescriptor
        let sink: any ReviewSink
        let zone: TimeZone
        var depth = 0
        var sawRoot = false
        var nextPage: String?
        var inEntry = false
        var entryLine = 0
        var inAuthor = false
        var link: String?
        /// Each field's text, and whether the entry had the element at all.
        var values = [[UInt8]](repeating: [], count: Field.allCases.count)
        var present = [Bool](repeating: false, count: Field.allCases.count)
        /// The field whose element is open, and that element's depth.
        var capturing: Field?
        var captureDepth = 0

        init(origin: String, source: SourceDescriptor, sink: any ReviewSink) {
            self.origin = origin
            self.source = source
            self.sink = sink
            zone = TimeZone(identifier: source.timezone) ?? .gmt
        }

        func start(_ e: XMLRawElement) throws {
            defer { depth += 1 }
            if depth == 0 {
                guard e.named("feed"), e.inNamespace("http://www.w3.org/2005/Atom") else {
                    throw ParseError(source: source.name, place: "\(origin):\(e.line)",
                                     message: "not an Atom feed (root element <\(String(cString: e.localName))>)")
                }
                sawRoot = true
                return
            }
            let atom = isAtom(e)
            if depth == 1 {
                if atom, e.named("link"), e.attribute("rel") == "next", let href = e.attribute("href"), !href.isEmpty {
                    nextPage = href
                } else if atom, e.named("entry") {
                    beginEntry(line: e.line)
                }
                return
            }
            guard inEntry, capturing == nil else { return }
            if atom, e.named("link") {
                // The review's own link is rel="related"; any other only until one is seen.
                if e.attribute("rel") == "related" || link == nil, let href = e.attribute("href"), !href.isEmpty {
                    link = href
                }
                return
            }
            if depth == 2 {
                if atom {
                    if e.named("author") { inAuthor = true }
                    else if e.named("id") { capture(.id) }
                    else if e.named("updated") { capture(.updated) }
                    else if e.named("title") { capture(.title) }
                    else if e.named("content"), (e.attribute("type") ?? "text") == "text" { capture(.content) }
                } else if e.inNamespace("http://itunes.apple.com/rss") {
                    if e.named("rating") { capture(.rating) }
                    else if e.named("voteSum") { capture(.voteSum) }
                    else if e.named("version") { capture(.version) }
                }
            } else if depth == 3, inAuthor, atom, e.named("name") {
                capture(.author)
            }
        }

        /// libxml2 interns namespace URIs, so after the first match a pointer compare says it.
        var atomURI: UnsafePointer<xmlChar>?

        func isAtom(_ e: XMLRawElement) -> Bool {
            if let ns = e.namespace, ns == atomURI { return true }
            guard e.inNamespace("http://www.w3.org/2005/Atom") else { return false }
            atomURI = e.namespace
            return true
        }

        func capture(_ field: Field) {
            capturing = field
            captureDepth = depth
            values[field.rawValue].removeAll(keepingCapacity: true)
            present[field.rawValue] = true
        }

        func end(localName: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) throws {
            depth -= 1
            if capturing != nil, depth == captureDepth { capturing = nil }
            if inEntry {
                if depth == 2, inAuthor, XMLRawElement.equal(localName, "author") { inAuthor = false }
                if depth == 1 { try endEntry() }
            }
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            // Only the captured element's own text (it has no children in this feed).
            guard let capturing, depth == captureDepth + 1 else { return }
            values[capturing.rawValue].append(contentsOf: bytes)
        }

        func beginEntry(line: Int) {
            inEntry = true
            entryLine = line
            inAuthor = false
            link = nil
            capturing = nil
            for i in present.indices { present[i] = false }
        }

        func string(_ field: Field) -> String? {
            present[field.rawValue] ? String(decoding: values[field.rawValue], as: UTF8.self) : nil
        }

        func endEntry() throws {
            inEntry = false
            let place = "\(origin):\(entryLine)"
            guard let ratingText = string(.rating) else { return } // the app's own entry, not a review
            guard let id = string(.id).map(CellText.clean), !id.isEmpty else {
                sink.skip(RowProblem(place: place, message: "entry without <id>"))
                return
            }
            guard let rating = RatingText.parse(ratingText, defaultScale: source.scale) else {
                sink.skip(RowProblem(place: place, message: "im:rating is \"\(ratingText)\", not a rating on \(source.scale)"))
                return
            }
            let updatedText = string(.updated)
            guard let updated = updatedText.flatMap({ DateText.parse($0, zone: zone) }) else {
                sink.skip(RowProblem(place: place, message: "entry \(id): updated is \"\(updatedText ?? "")\", not a date"))
                return
            }
            let title = string(.title) ?? ""
            let text = string(.content) ?? ""
            try sink.add(Review(
                source: source.name, portal: source.portal, externalID: id, location: source.location,
                competitor: source.competitor, rating: rating, title: title, text: text,
                language: LanguageDetector.detect(title, text), author: string(.author) ?? "",
                createdAt: updated, updatedAt: updated, url: link ?? "",
                helpfulVotes: string(.voteSum).flatMap { Int(CellText.clean($0)) },
                appVersion: string(.version) ?? ""))
        }
    }
}
