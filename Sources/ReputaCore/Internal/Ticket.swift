/// An elapsed helpdesk time in minutes, in calendar time and (where the export has it) inside
/// the support schedule's business hours. Nil until the event happens.
public struct Elapsed: Equatable, Sendable {
    public var calendar: Double?
    public var business: Double?

    public init(calendar: Double?, business: Double? = nil) {
        self.calendar = calendar
        self.business = business
    }

    public static let none = Elapsed(calendar: nil)
    public var happened: Bool { calendar != nil || business != nil }
}

/// One helpdesk ticket's clock: created → first public agent reply, → first assignment,
/// → (latest) solved, with its reopens and agent replies.
public struct Ticket: Equatable, Sendable {
    public var id: String
    public var createdAt: Timestamp
    public var firstReply: Elapsed
    public var firstAssign: Elapsed
    /// Created → latest solve. `.none` while the ticket is not solved (also after a reopen).
    public var resolution: Elapsed
    public var solved: Bool
    /// Solved → open transitions; nil when the export does not say.
    public var reopens: Int?
    /// Public agent replies; nil when the export does not say.
    public var replies: Int?
    public var segments: [String: String]
    public var place: String

    public init(id: String, createdAt: Timestamp, firstReply: Elapsed = .none, firstAssign: Elapsed = .none,
                resolution: Elapsed = .none, solved: Bool, reopens: Int? = nil, replies: Int? = nil,
                segments: [String: String] = [:], place: String = "") {
        self.id = id
        self.createdAt = createdAt
        self.firstReply = firstReply
        self.firstAssign = firstAssign
        self.resolution = resolution
        self.solved = solved
        self.reopens = reopens
        self.replies = replies
        self.segments = segments
        self.place = place
    }

    /// First-contact resolution as the export can tell it: solved, never reopened, and at most
    /// one public agent reply (Zendesk's "one-touch"). When the export gives reopens but not
    /// replies, "never reopened" alone decides; with neither, nil (not counted either way).
    public var resolvedAtFirstContact: Bool? {
        guard solved else { return nil }
        switch (reopens, replies) {
        case let (r?, p?): return r == 0 && p <= 1
        case let (r?, nil): return r == 0
        case let (nil, p?): return p <= 1
        case (nil, nil): return nil
        }
    }
}
