import ReputaCore

/// The `flags:` section of `sources.yml`, resolved: thresholds, lexicons, SLAs, business hours,
/// spike and reach settings, and routes. Every field has a default, so flagging works with no
/// section at all.
public struct FlagRules: Sendable {
    /// Flag only our own reviews (a competitor's complaint is not ours to answer).
    public var ownReviewsOnly = true
    /// Highest rating that counts as a complaint, per scale (`"1-5": 2`). Other scales use
    /// `ratingAtMost100` on the 0–100 normalization (25 is 2★ of 1–5, 2.5 of 0–10).
    public var ratingAtMost: [String: Double] = ["1-5": 2]
    public var ratingAtMost100 = 25.0
    /// Priorities below this are not flagged; from `highFrom` the level is high, from
    /// `urgentFrom` urgent (reached only through an urgent category, see `Flagger`).
    public var minPriority = 30
    public var highFrom = 55
    public var urgentFrom = 80
    public var categories: [TermGroup] = UrgentCategories.defaults
    public var topics: [TermGroup] = Topics.defaults
    /// Response deadline per level, in seconds of business hours where the location has them,
    /// else of calendar time.
    public var sla: [FlagLevel: Int] = [.urgent: 4 * 3600, .high: 24 * 3600, .normal: 72 * 3600]
    /// Opening hours by location id; `""` holds the default for locations without their own.
    public var businessHours: [String: BusinessHours] = [:]
    /// A review that this many people found helpful reaches more readers.
    public var reachHelpfulVotes = 5
    /// A review by an author who has written this many reviews on the portal reaches more
    /// readers too (prolific reviewers are shown first and followed).
    public var reachAuthorReviews = 50
    /// Complaints on one topic at one location within `spikeWindow` seconds that make a spike.
    public var spikeCount = 5
    public var spikeWindow = 7 * 86_400
    public var routes: [FlagRoute] = []
    /// Channels for a flag no route matches.
    public var defaultChannels: [String] = []
    /// A flag whose review is older than this (seconds) when a channel would first hear of it
    /// (an imported history, a channel added late) goes into that channel's one summary message
    /// instead of an alert of its own; nil alerts every flag on its own, however old.
    public var alertMaxAge: Int? = 7 * 86_400

    /// Every channel a route or the default names, in config order.
    public var routedChannels: [String] {
        var out: [String] = []
        for name in routes.map(\.channel) + defaultChannels where !out.contains(name) { out.append(name) }
        return out
    }

    public init() {}

    /// The business hours that count for `location`, if any.
    public func hours(for location: String) -> BusinessHours? {
        businessHours[location] ?? businessHours[""]
    }
}

/// One routing rule: a flag goes to `channel` when it meets every condition given (an empty
/// list is no condition). `minLevel` matches that level and the ones above it.
public struct FlagRoute: Equatable, Sendable {
    public var channel: String
    public var minLevel: FlagLevel?
    public var topics: [String]
    public var categories: [String]
    public var locations: [String]
    public var portals: [String]

    public init(channel: String, minLevel: FlagLevel? = nil, topics: [String] = [], categories: [String] = [],
                locations: [String] = [], portals: [String] = []) {
        self.channel = channel
        self.minLevel = minLevel
        self.topics = topics
        self.categories = categories
        self.locations = locations
        self.portals = portals
    }

    public func matches(_ decision: FlagDecision, location: String, portal: String) -> Bool {
        if let minLevel, decision.level < minLevel { return false }
        if !topics.isEmpty, !decision.topics.contains(where: topics.contains) { return false }
        if !categories.isEmpty, !decision.categories.contains(where: categories.contains) { return false }
        if !locations.isEmpty, !locations.contains(location) { return false }
        if !portals.isEmpty, !portals.contains(portal) { return false }
        return true
    }
}
