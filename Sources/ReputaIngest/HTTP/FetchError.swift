import ReputaCore

/// A payload that could not be fetched: names the source, the URL (redacted) and the cause.
public struct FetchError: ReputaError, Equatable {
    public var source: String
    public var url: String
    public var message: String
    /// Set for a 429 (or 503) whose `Retry-After` was too long to wait out: poll again no
    /// earlier than this many seconds from now.
    public var retryAfter: Int?

    public init(source: String, url: String, message: String, retryAfter: Int? = nil) {
        self.source = source
        self.url = url
        self.message = message
        self.retryAfter = retryAfter
    }

    public var stage: String { "fetch" }
    public var exitCode: ExitStatus { .failure }
    public var description: String { "fetch \(source): \(URLRedaction.redact(url)): \(message)" }
}
