import ReputaCore

/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 through the streaming XML reader, after
/// `FeedText` has settled the encoding, dropped illegal characters and resolved undeclared
/// HTML entities. Elements are matched by namespace, never by prefix.
public enum FeedReader {
    static let atom = "http://www.w3.org/2005/Atom"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let xhtml = "http://www.w3.org/1999/xhtml"

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
                        case (atom, "feed"): flavour = .atom
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
                    case .rdf: isItem = e.depth == 1 && e.name == "item" && e.namespace == rss1
                    case .atom: isItem = e.depth == 1 && e.name == "entry" && e.namespace == atom
                    case nil: isItem = false
                    }
                    if isItem {
                        entry = FeedEntry()
                        entry?.line = e.line
                        entryDepth = e.depth
                        return
                    }
                    // Feed-level next page: Atom link, or atom:link inside an RSS channel.
                    if entry == nil, e.name == "link", e.namespace == atom, e.attributes["rel"] == "next",
                       let href = e.attributes["href"], !href.isEmpty {
                        nextPage = href
                        return
                    }
                    guard entry != nil else { return }
                    if e.namespace == atom {
                        if e.name == "author", e.depth == entryDepth + 1 { inAuthor = true }
                        if e.name == "link", e.depth == entryDepth + 1, let href = e.attributes["href"] {
                            // The alternate link wins; another kind only fills an empty slot.
                            let rel = e.attributes["rel"] ?? "alternate"
                            if rel == "alternate" || (entry!.link.isEmpty && !["self", "edit", "enclosure"].contains(rel)) {
                                entry!.link = href
                            }
                        }
                        if ["content", "summary", "title"].contains(e.name), e.depth == entryDepth + 1,
                           (e.attributes["type"] ?? "").lowercased() == "xhtml" {
                            xhtmlField = e.name
                            xhtmlDepth = e.depth
                            xhtmlText = ""
                        }
                        if e.name == "content", e.depth == entryDepth + 1 { entry!.contentIsHTML = isHTML(e) }
                        if e.name == "summary", e.depth == entryDepth + 1 { entry!.summaryIsHTML = isHTML(e) }
                        if e.name == "title", e.depth == entryDepth + 1 { entry!.titleIsHTML = isHTML(e) }
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
                        entries.append(entry!)
                        entry = nil
                        return
                    }
                    let child = e.depth == entryDepth + 1
                    switch (e.namespace, e.name) {
                    case (atom, "author") where child: inAuthor = false
                    case (atom, "name") where inAuthor: entry!.author = text
                    case (atom, "id") where child, ("", "guid") where child: entry!.id = text
                    case (atom, "title") where child, ("", "title") where child, (rss1, "title") where child: entry!.title = text
                    case ("", "link") where child, (rss1, "link") where child: entry!.link = text
                    case (atom, "published") where child, ("", "pubDate") where child: entry!.published = text
                    case (dc, "date") where child: if entry!.published.isEmpty { entry!.published = text }
                    case (atom, "updated") where child: entry!.updated = text
                    case (atom, "summary") where child: entry!.summary = text
                    case ("", "description") where child, (rss1, "description") where child:
                        entry!.summary = text
                        entry!.summaryIsHTML = true
                    case (atom, "content") where child: entry!.content = text
                    case (content, "encoded") where child:
                        entry!.content = text
                        entry!.contentIsHTML = true
                    case (dc, "creator") where child: entry!.author = text
                    case ("", "author") where child: if entry!.author.isEmpty { entry!.author = text }
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
