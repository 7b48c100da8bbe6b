import Foundation
import ReputaCore

/// Reads RSS 0.9x/2.0, RSS 1.0 and 0.90 (RDF), Atom 1.0 and 0.3 through the streaming XML
/// reader, after `FeedText` has settled the encoding, dropped illegal characters and resolved
/// undeclared HTML entities. Elements are matched by namespace, never by prefix.
///
/// Where RSS and Atom leave a field ambiguous, feedparser's rules decide (its test corpus is a
/// peer suite: FeedparserCorpusTests): Dublin Core fills title, author, description and dates
/// (`dc:date` and `dcterms:modified` are the updated date, `dcterms:issued` the published,
/// `dcterms:created` the created); of an RSS item's `description` and `summary` the first is
/// the summary and any later one the content (never over `content:encoded`); a permalink
/// `guid` that is an http(s) address is the link when there is no `link` (feedparser takes any
/// permalink guid); `rdf:about` is an RDF item's id; an Atom author is "name (email)"; Atom
/// 0.3's `mode` (inline "xml", "escaped", "base64") is honoured; otherwise, when an element
/// repeats, the last one wins.
public enum FeedReader {
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// Which vocabulary an element belongs to, once the feed's flavour is known: a feed
    /// without a namespace on `<feed>` is read as Atom all the same (feedparser does).
    enum Vocabulary { case atom, rss, dc, dcterms, content, other }

    /// - Parameter expect: a flavour the kind insists on (`rss` accepts RDF too); nil detects.
    public static func read(_ input: [UInt8], origin: String, httpCharset: String?, source: String,
                            expect: ParsedFeed.Flavour? = nil) throws -> ParsedFeed {
        try PayloadShape.requireXML(input, source: source, origin: origin)
        let prepared = FeedText.prepare(input, httpCharset: httpCharset)
        var flavour: ParsedFeed.Flavour? = nil
        var entries: [FeedEntry] = []
        var nextPage: String? = nil
        var entry: FeedEntry? = nil
        var entryDepth = 0
        var inAuthor = false
        var authorName = ""
        var authorEmail = ""
        var atomNamespace = atom
        var permalink = "" // an RSS guid that may stand for the link
        var rssSummaries = 0 // an RSS item's description/summary elements so far
        var contentFromDescription = false // the content is a second description, not content:encoded
        var base64Field: String? = nil // Atom 0.3 mode="base64": the element whose text to decode

        func vocabulary(_ namespace: String) -> Vocabulary {
            if flavour == .atom ? namespace == atomNamespace : (namespace.isEmpty || namespace == rss1 || namespace == rss090) {
                return flavour == .atom ? .atom : .rss
            }
            switch namespace {
            case atom: return .atom
            case dc: return .dc
            case dcterms: return .dcterms
            case content: return .content
            default: return .other
            }
        }
        // Atom type="xhtml": collect descendants' text in document order.
        var xhtmlField: String? = nil
        var xhtmlDepth = 0
        var xhtmlText = ""

        func isHTML(_ e: XMLStreamReader.Element) -> Bool {
            let type = (e.attributes["type"] ?? "text").lowercased()
            return type == "html" || type == "text/html"
        }

        do {
            try XMLStreamReader.read(prepared.bytes, url: origin, encoding: prepared.libxmlEncoding ?? "UTF-8") { event in
                switch event {
                case let .start(e):
                    if e.depth == 0 {
                        switch (e.namespace, e.name) {
                        case ("", "rss"): flavour = .rss
                        case (rdf, "RDF"): flavour = .rdf
                        case (atom, "feed"), (atom03, "feed"), ("", "feed"):
                            flavour = .atom
                            atomNamespace = e.namespace
                        default:
                            throw ParseError(source: source, place: "\(origin):\(e.line)",
                                             message: "unrecognized format: root element <\(e.name)> is neither RSS nor Atom")
                        }
                        if let expect, expect != flavour!, !(expect == .rss && flavour == .rdf) {
                            throw ParseError(source: source, place: "\(origin):\(e.line)",
                                             message: "not \(expect == .atom ? "an Atom" : "an RSS") feed (root element <\(e.name)>); use kind feed to detect")
                        }
                        return
                    }
                    if xhtmlField != nil {
                        if HTMLText.blockTags.contains(e.name.lowercased()) { xhtmlText += "\n" }
                        return
                    }
                    let isItem: Bool
                    switch flavour {
                    case .rss: isItem = e.depth == 2 && e.name == "item" && e.namespace.isEmpty
                    case .rdf: isItem = e.depth == 1 && e.name == "item" && (e.namespace == rss1 || e.namespace == rss090)
                    case .atom: isItem = e.depth == 1 && e.name == "entry" && e.namespace == atomNamespace
                    case nil: isItem = false
                    }
                    if isItem {
                        entry = FeedEntry()
                        entry?.line = e.line
                        entry?.id = e.attributes["{\(rdf)}about"] ?? ""
                        entryDepth = e.depth
                        permalink = ""
                        return
                    }
                    // Feed-level next page: Atom link, or atom:link inside an RSS channel.
                    if entry == nil, e.name == "link", e.namespace == atom, e.attributes["rel"] == "next",
                       let href = e.attributes["href"], !href.isEmpty {
                        nextPage = href
                        return
                    }
                    guard entry != nil else { return }
                    if vocabulary(e.namespace) == .atom, e.depth == entryDepth + 1 {
                        if e.name == "author" {
                            inAuthor = true
                            authorName = ""
                            authorEmail = ""
                        }
                        if e.name == "link", let href = e.attributes["href"] {
                            // The alternate link wins; another kind only fills an empty slot.
                            let rel = e.attributes["rel"] ?? "alternate"
                            if rel == "alternate" || (entry!.link.isEmpty && !["self", "edit", "enclosure"].contains(rel)) {
                                entry!.link = href
                            }
                        }
                        if ["content", "summary", "title"].contains(e.name) {
                            let type = (e.attributes["type"] ?? "").lowercased()
                            // Atom 0.3's `mode`: "xml" (its default: markup inline), "escaped" or "base64".
                            let mode = (e.attributes["mode"] ?? "xml").lowercased()
                            let inline = type == "xhtml"
                                || (mode == "xml" && (type == "application/xhtml+xml" || (atomNamespace == atom03 && type.contains("html"))))
                            if inline {
                                xhtmlField = e.name
                                xhtmlDepth = e.depth
                                xhtmlText = ""
                            }
                            base64Field = mode == "base64" ? e.name : nil
                            let html = isHTML(e) || (mode != "xml" && type.contains("html"))
                            switch e.name {
                            case "content": entry!.contentIsHTML = html
                            case "summary": entry!.summaryIsHTML = html
                            default: entry!.titleIsHTML = html
                            }
                        }
                    }
                case let .text(text):
                    if xhtmlField != nil { xhtmlText += text }
                case let .end(e, text):
                    if let field = xhtmlField {
                        if e.depth == xhtmlDepth {
                            let plain = HTMLText.tidy(xhtmlText)
                            switch field {
                            case "content": entry?.content = plain
                            case "summary": entry?.summary = plain
                            default: entry?.title = plain
                            }
                            xhtmlField = nil
                        } else if HTMLText.blockEnds.contains(e.name.lowercased()) {
                            xhtmlText += "\n"
                        }
                        return
                    }
                    guard entry != nil else { return }
                    if e.depth == entryDepth {
                        if entry!.link.isEmpty, !permalink.isEmpty { entry!.link = permalink }
                        entries.append(entry!)
                        entry = nil
                        rssSummaries = 0
                        contentFromDescription = false
                        return
                    }
                    if inAuthor, e.name == "name" || e.name == "email", vocabulary(e.namespace) == .atom {
                        if e.name == "name" { authorName = text } else { authorEmail = text }
                        return
                    }
                    guard e.depth == entryDepth + 1 else { return }
                    var text = text
                    if base64Field == e.name, vocabulary(e.namespace) == .atom {
                        base64Field = nil
                        text = Data(base64Encoded: text, options: .ignoreUnknownCharacters).map { String(decoding: $0, as: UTF8.self) } ?? text
                    }
                    switch (vocabulary(e.namespace), e.name) {
                    case (.atom, "author"):
                        inAuthor = false
                        entry!.author = authorEmail.isEmpty ? authorName
                            : authorName.isEmpty ? authorEmail : "\(authorName) (\(authorEmail))"
                    case (.atom, "id"): entry!.id = text
                    case (.rss, "guid"):
                        entry!.id = text
                        let url = text.trimmingCharacters(in: .whitespacesAndNewlines)
                        let isPermaLink = (e.attributes["isPermaLink"] ?? "true").lowercased() != "false"
                        permalink = isPermaLink && (url.hasPrefix("http://") || url.hasPrefix("https://")) ? url : ""
                    case (.atom, "title"), (.rss, "title"), (.dc, "title"): entry!.title = text
                    case (.rss, "link"): entry!.link = text
                    case (.atom, "published"), (.atom, "issued"), (.rss, "pubDate"), (.dcterms, "issued"): entry!.published = text
                    case (.atom, "updated"), (.atom, "modified"), (.dc, "date"), (.dcterms, "modified"): entry!.updated = text
                    case (.atom, "created"), (.dcterms, "created"): entry!.created = text
                    case (.atom, "summary"): entry!.summary = text
                    case (.rss, "description"), (.rss, "summary"), (.dc, "description"):
                        rssSummaries += 1
                        if rssSummaries == 1 {
                            entry!.summary = text
                            entry!.summaryIsHTML = true
                        } else if entry!.content.isEmpty || contentFromDescription {
                            // A later one is the content, unless content:encoded gave it.
                            entry!.content = text
                            entry!.contentIsHTML = true
                            contentFromDescription = true
                        }
                    case (.atom, "content"): entry!.content = text
                    case (.content, "encoded"):
                        entry!.content = text
                        entry!.contentIsHTML = true
                        contentFromDescription = false
                    case (.dc, "creator"), (.dc, "author"): entry!.author = text
                    case (.rss, "author"): if entry!.author.isEmpty { entry!.author = text }
                    default: break
                    }
                }
            }
        } catch let failure as XMLStreamReader.Failure {
            throw ParseError(source: source, place: "\(origin):\(failure.line):\(failure.column)",
                             message: failure.malformed ? "malformed XML (read as \(prepared.encoding)): \(failure.message)" : failure.message)
        }
        guard let flavour else { throw ParseError(source: source, place: origin, message: "empty document") }
        return ParsedFeed(flavour: flavour, entries: entries, nextPage: nextPage, encodingWarning: prepared.warning)
    }
}
