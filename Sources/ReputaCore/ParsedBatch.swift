/// What an importer read from one payload: the reviews, plus the rows it had to skip.
public struct ParsedBatch: Sendable {
    public var reviews: [Review]
    public var skipped: [RowProblem]

    public init(reviews: [Review] = [], skipped: [RowProblem] = []) {
        self.reviews = reviews
        self.skipped = skipped
    }
}

/// A row (or entry) that could not be read, with its place in the file.
public struct RowProblem: Equatable, Sendable, CustomStringConvertible {
    /// `file:line` or `file:line:column`.
    public var place: String
    public var message: String

    public init(place: String, message: String) {
        self.place = place
        self.message = message
    }

    public var description: String { "\(place): \(message)" }
}
