import Foundation
import ReputaCore
import ReputaNet
import ReputaOutput

/// The `report:` section: how the weekly report is written and to whom it is mailed.
public struct ReportSettings: Sendable {
    /// `en` or `it`: labels and number formats.
    public var lang = "en"
    /// Weeks in the trailing window (the compared week included).
    public var weeks = 12
    /// m of the Bayesian average.
    public var priorWeight = 10.0
    /// Where `run` and `--out-dir` keep a dated copy; nil: not kept.
    public var outDir: String?
    public var mail: MailSettings?
    /// Each location's own report, to its managers (`report.recipients`), through `mail`'s server.
    public var recipients: [LocationRecipients] = []

    public struct LocationRecipients: Sendable, Equatable {
        public var location: String
        public var to: [String]
        /// The report's language for them; nil: `lang`.
        public var lang: String?
    }

    /// Where reports are kept when the config names no `out_dir` (`run`, and `--mail` without `-o`).
    public static let defaultOutDir = "var/reports"
}

/// SMTP delivery of the report (`report.mail`).
public struct MailSettings: Sendable {
    /// `smtp://host:port` (STARTTLS, required unless `starttls: false`) or `smtps://host:port`.
    public var url: String
    public var starttls: Bool
    public var from: String
    public var to: [String]
    public var username: Secret?
    public var password: Secret?
    /// Seconds for the whole conversation.
    public var timeout: Int
}

extension MailSettings {
    /// The SMTP client for this server: the report's and the alert channels' mail go the same way.
    package func mailer(timeout: Int? = nil, caBundle: String?) -> SMTPMailer {
        SMTPMailer(url: url, starttls: starttls, username: username?.value, password: password?.value,
                   timeout: timeout ?? self.timeout, caBundle: caBundle)
    }
}
