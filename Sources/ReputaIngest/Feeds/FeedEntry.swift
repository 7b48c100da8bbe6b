/// One RSS item or Atom entry exactly as read, before any normalization: what
/// `reputa inspect` prints for feeds.
public struct FeedEntry: Equatable, Sendable {
    public var id = ""
    public var title = ""
    public var titleIsHTML = false
    public var link = ""
    public var author = ""
    public var published = ""
    public var updated = ""
    public var created = ""
    public var summary = ""
    public var summaryIsHTML = false
    public var content = ""
    public var contentIsHTML = false
    /// Line of the entry's start tag.
    public var line = 0

    public init() {}
}

/// A feed as read: its flavour, entries, and the `next` page link if it has one.
public struct ParsedFeed: Sendable {
    public enum Flavour: String, Sendable { case rss, rdf, atom }
    public var flavour: Flavour
    public var entries: [FeedEntry]
    public var nextPage: String?
    /// The bytes contradicted the declared encoding (read as UTF-8 instead).
    public var encodingWarning: String? = nil
}
