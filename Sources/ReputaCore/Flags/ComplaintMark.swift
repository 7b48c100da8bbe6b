/// A complaint already known, for spike detection: where, about what, when.
public struct ComplaintMark: Equatable, Sendable {
    public var location: String
    public var topics: [String]
    public var at: Timestamp

    public init(location: String, topics: [String], at: Timestamp) {
        self.location = location
        self.topics = topics
        self.at = at
    }
}
