import ReputaCore

/// A payload that cannot be read as a whole (malformed XML, unclosed quote, wrong encoding,
/// missing column). Row-level problems are `RowProblem`s instead and do not stop the file.
public struct ParseError: ReputaError, Equatable {
    public var source: String
    /// `file:line:column`, `file:line` or `file`.
    public var place: String
    public var message: String

    public init(source: String, place: String, message: String) {
        self.source = source
        self.place = place
        self.message = message
    }

    public var stage: String { "parse" }
    public var exitCode: ExitStatus { .failure }
    public var description: String { "parse \(source): \(place): \(message)" }
}
