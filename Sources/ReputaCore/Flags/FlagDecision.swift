/// What the flagger decided about one revision of one review: the priority (0–100), its level,
/// the reasons in plain words, the urgent categories and topics matched, and the channels the
/// routes send it to. Plain values: the store keeps it, the renderers show it.
public struct FlagDecision: Equatable, Sendable, Codable {
    public var priority: Int
    public var level: FlagLevel
    public var reasons: [String]
    /// Urgent-category ids, the primary (highest priority) first.
    public var categories: [String]
    public var topics: [String]
    public var channels: [String]
    /// The text scorer's verdict (sum of the matched terms' weights; negative is negative).
    public var textScore: Double

    public init(priority: Int, level: FlagLevel, reasons: [String], categories: [String] = [], topics: [String] = [],
                channels: [String] = [], textScore: Double = 0) {
        self.priority = priority
        self.level = level
        self.reasons = reasons
        self.categories = categories
        self.topics = topics
        self.channels = channels
        self.textScore = textScore
    }
}
