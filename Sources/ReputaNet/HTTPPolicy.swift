import ReputaCore

/// How careful every request is. Defaults follow `../shared/notes/hardening.md` §1 and §3
/// (Miniflux's 15 MiB cap and 10 s dial timeout, libcurl's security advice); the `http:`
/// section of `sources.yml` can tighten or loosen them, never switch TLS verification off.
public struct HTTPPolicy: Sendable, Equatable {
    /// Body cap in bytes, counted after decompression.
    public var maxBytes = 15 << 20
    public var connectTimeout = 10
    /// Whole-request limit in seconds, per attempt.
    public var totalTimeout = 60
    /// Abort when less than 1 byte/s arrives for this many seconds (slow-drip servers).
    public var lowSpeedTime = 15
    public var maxRedirects = 5
    /// Extra attempts after a 5xx or a network error.
    public var retries = 2
    /// First back-off delay in seconds; doubled per attempt, with ±50 % jitter.
    public var retryDelay = 1.0
    /// A 429 whose `Retry-After` is at most this many seconds is waited out; a longer one ends
    /// the fetch and the source is not polled again before then.
    public var maxRetryAfter = 30
    /// The longest a server's `Retry-After` may defer a source (`http.max_defer`): a date years
    /// ahead is a server's mistake, not a reason to stop watching a portal.
    public var maxDefer = 86_400
    /// Minimum seconds between two requests to the same host.
    public var hostDelay = 1.0
    public var allowPrivateNetwork = false
    /// A CA bundle file instead of the system's; verification itself is always on.
    public var caBundle: String? = nil
    public var userAgent = "Reputa/\(ReputaVersion.current) (review monitor; +https://github.com/reputa/reputa)"

    public init() {}
}
