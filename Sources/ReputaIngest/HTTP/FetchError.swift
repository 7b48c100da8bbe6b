import ReputaCore

/// A payload that could not be fetched: names the source, the URL (redacted) and the cause.
public struct FetchError: ReputaError, Equatable {
    public var source: String
    public var url: String
    public var message: String
    /// Set for a 429 (or 503) whose `Retry-After` was too long to wait out: poll again no
    /// earlier than this many seconds from now.
    public var retryAfter: Int?
    /// Not a failure of the source: Reputa is stopping (`TransferStop`) and left it unread.
    public var interrupted = false

    public init(source: String, url: String, message: String, retryAfter: Int? = nil, interrupted: Bool = false) {
        self.source = source
        self.url = url
        self.message = message
        self.retryAfter = retryAfter
        self.interrupted = interrupted
    }

    public var stage: String { "fetch" }
    public var exitCode: ExitStatus { .failure }
    /// The URL without its query values, and any URL the message quotes (a redirect's target,
    /// a library's error text) the same way.
    public var description: String { "fetch \(source): \(URLRedaction.redact(url)): \(URLRedaction.scrub(message))" }
}
