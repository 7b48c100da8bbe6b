/// One review as Reputa keeps it, whatever portal it came from.
///
/// Identity is `PortalIdentity.key`: portal-wide where the portal's ids are global (so the
/// same review from an API and from an export is one), else `(source, externalID)`. The
/// store holds one row per key and a revision history when the content changes.
public struct Review: Equatable, Sendable, Codable {
    public var source: String
    public var portal: String
    public var externalID: String
    public var location: String
    /// Empty for our own reviews; the competitor's name otherwise.
    public var competitor: String
    public var rating: Rating?
    public var title: String
    public var text: String
    /// A portal's machine translation shipped beside the original (Google's "(Translated by
    /// Google)" blocks); `text` always holds the original.
    public var translation: String
    /// ISO 639-1 code as given by the portal, else detected (`it`, `en`, or `und`).
    public var language: String
    public var author: String
    public var createdAt: Timestamp?
    public var updatedAt: Timestamp?
    public var replyText: String
    public var replyAt: Timestamp?
    public var url: String
    public var helpfulVotes: Int?
    /// How many reviews the author has written on the portal (Trustpilot's
    /// `consumer.numberOfReviews`, a Tripadvisor "contributions" column), when given: a
    /// prolific reviewer's word reaches more readers. A counter like `helpfulVotes`.
    public var authorReviews: Int?
    public var appVersion: String

    public init(
        source: String, portal: String, externalID: String, location: String = "",
        competitor: String = "", rating: Rating? = nil, title: String = "", text: String = "",
        language: String = "", author: String = "", createdAt: Timestamp? = nil,
        updatedAt: Timestamp? = nil, replyText: String = "", replyAt: Timestamp? = nil,
        url: String = "", helpfulVotes: Int? = nil, appVersion: String = "", translation: String = "",
        authorReviews: Int? = nil
    ) {
        self.source = source
        self.portal = portal
        self.externalID = externalID
        self.location = location
        self.competitor = competitor
        self.rating = rating
        self.title = title
        self.text = text
        self.language = language
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.replyText = replyText
        self.replyAt = replyAt
        self.url = url
        self.helpfulVotes = helpfulVotes
        self.authorReviews = authorReviews
        self.appVersion = appVersion
        self.translation = translation
    }
}
