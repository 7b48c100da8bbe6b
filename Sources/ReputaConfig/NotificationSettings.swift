import ReputaCore
import ReputaNet
import ReputaOutput

/// The `notifications:` section: where alerts go and how hard delivery tries.
public struct NotificationSettings: Sendable {
    public typealias Kind = ChannelKind

    /// At most `max` messages per `per` seconds on a channel: when more non-urgent alerts are
    /// due than the budget left, they go out together as one digest.
    public struct Throttle: Sendable, Equatable {
        public var max: Int
        public var per: Int
    }

    public struct Channel: Sendable {
        public var name: String
        public var kind: Kind
        /// The webhook URL (a Slack or Teams URL is itself a secret); empty for e-mail.
        public var url: Secret
        /// HMAC-SHA256 key of a generic webhook.
        public var secret: Secret?
        /// The addresses of an e-mail channel.
        public var recipients: [String] = []
        /// Non-urgent alerts wait while these hold.
        public var quietHours: QuietHours?
        public var throttle: Throttle?
        /// Overrides `http.allow_private_network` for this channel's webhook.
        public var allowPrivateNetwork: Bool?
        /// The language its messages are written in (`en`, `it`; default `report.lang`).
        public var lang = "en"

        /// Where the channel posts or mails, as it may be shown (no secret in a URL).
        public var destination: String {
            kind == .email ? recipients.joined(separator: ", ") : URLRedaction.redact(url.value, keeping: .host)
        }
    }

    public var channels: [Channel] = []
    /// The channels told when a review source goes quiet (stale or failing), once per quiet spell.
    public var quietSourceChannels: [String] = []
    /// Seconds for one delivery attempt.
    public var timeout = 20
    /// The longest wait between attempts (backoff doubles from one minute up to this).
    public var maxRetryDelay = 3600
    /// The SMTP server of e-mail channels: `notifications.mail`, else `report.mail`'s server.
    public var mail: MailSettings?

    public init() {}

    public func channel(named name: String) -> Channel? { channels.first { $0.name == name } }

    /// Wait before attempt `n + 1` after `n` failed ones: 60 s × 2^(n − 1), at most `maxRetryDelay`.
    public func retryDelay(afterAttempts n: Int) -> Int {
        min(maxRetryDelay, 60 << min(max(0, n - 1), 20))
    }
}
