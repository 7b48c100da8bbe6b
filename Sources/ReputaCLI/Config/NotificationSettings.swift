import ReputaCore

/// The `notifications:` section: where alerts go and how hard delivery tries.
public struct NotificationSettings: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case slack, teams, webhook
    }

    public struct Channel: Sendable {
        public var name: String
        public var kind: Kind
        /// The webhook URL; a Slack or Teams URL is itself a secret.
        public var url: Secret
        /// HMAC-SHA256 key of a generic webhook.
        public var secret: Secret?
    }

    public var channels: [Channel] = []
    /// Seconds for one delivery attempt.
    public var timeout = 20
    /// The longest wait between attempts (backoff doubles from one minute up to this).
    public var maxRetryDelay = 3600

    public init() {}

    public func channel(named name: String) -> Channel? { channels.first { $0.name == name } }

    /// Wait before attempt `n + 1` after `n` failed ones: 60 s × 2^(n − 1), at most `maxRetryDelay`.
    public func retryDelay(afterAttempts n: Int) -> Int {
        min(maxRetryDelay, 60 << min(max(0, n - 1), 20))
    }
}
