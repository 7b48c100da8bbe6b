import Foundation
import ReputaCore

/// The kinds of alert channel. Adding one is one file (a `ChannelFormat` beside this one) and
/// one case here: the switch below has no default, so a kind without a format does not compile.
public enum ChannelKind: String, CaseIterable, Sendable {
    case slack
    /// A Teams Workflows webhook: an Adaptive Card.
    case teams
    /// A legacy Office 365 connector webhook: a MessageCard (`teams_format: messagecard`).
    case teamsMessageCard = "teams-messagecard"
    case webhook
    case email

    public var format: any ChannelFormat.Type {
        switch self {
        case .slack: return SlackChannel.self
        case .teams: return TeamsChannel.self
        case .teamsMessageCard: return TeamsMessageCardChannel.self
        case .webhook: return WebhookChannel.self
        case .email: return EmailChannel.self
        }
    }

    /// The key that names the channel's destination in `notifications.channels` (both Teams
    /// formats take `teams:`).
    public var configKey: String { self == .teamsMessageCard ? "teams" : rawValue }
}

/// How one kind of channel words a message. Every text a review wrote is escaped for where the
/// kind shows it; the only link is Reputa's own to the review, and only an http(s) one.
public protocol ChannelFormat {
    static func message(_ content: AlertContent, _ context: AlertContext) -> AlertMessage
}

/// What one message carries.
public enum AlertContent: Sendable {
    /// One flag, alone.
    case single(FlaggedReview)
    /// Several flags of one channel in one message (a throttled burst), most urgent first.
    case digest([FlaggedReview])
    /// Flags that were already old when the channel would first hear of them, counted in one
    /// message instead of alerted one by one (`flags.alert_max_age`), most urgent first.
    case summary([FlaggedReview], maxAge: Int?)
    /// Review sources that have gone quiet (no new review for longer than expected, or failing),
    /// told to the channels of `notifications.quiet_sources` once per quiet spell.
    case quietSources([ReportDocument.QuietSource])
}

/// A message as it goes out: a JSON body to POST, or a mail.
public enum AlertMessage: Sendable {
    case json(Data)
    case mail(MailMessage)
}

/// Everything a message needs besides its flags.
public struct AlertContext: Sendable {
    /// The same on every attempt: `X-Reputa-Delivery`, the mail's Message-ID.
    public var deliveryID: String
    public var now: Timestamp
    /// Times in messages are local to this zone.
    public var zone: String
    /// E-mail channels: the sender and the recipients.
    public var from: String
    public var to: [String]
    /// `serve.base_url`: where the on-call inbox is reached; each alert then links its flag's page.
    public var inboxURL: String?
    /// The channel's language (`lang`): the words around the review, the flagger's reasons.
    public var lang: ReportLanguage

    public init(deliveryID: String, now: Timestamp, zone: String, from: String = "", to: [String] = [], inboxURL: String? = nil,
                lang: ReportLanguage = .english) {
        self.deliveryID = deliveryID
        self.now = now
        self.zone = zone
        self.from = from
        self.to = to
        self.inboxURL = inboxURL
        self.lang = lang
    }

    /// The flagger's reasons in the channel's language.
    public func reasons(_ f: FlaggedReview) -> [String] { f.decision.reasons.map { ReasonWords.reason($0, lang: lang.code) } }

    /// `priority 95` / `priorità 95`.
    public func priority(_ f: FlaggedReview) -> String { lang.t("priority") + " \(f.decision.priority)" }

    /// `flag 12` / `segnalazione 12`.
    public func flagNumber(_ f: FlaggedReview) -> String { lang.t("flag") + " \(f.id)" }

    /// The flag's page in the inbox, when `serve.base_url` is set (and safe to put in a link).
    public func flagPage(_ f: FlaggedReview) -> String? {
        inboxURL.flatMap { AlertWords.safeLink($0 + "/flags/\(f.id)") }
    }

    /// Where the on-call person opens the flag: its page in the inbox, else the command that shows it.
    public func flagReference(_ f: FlaggedReview) -> String {
        flagPage(f) ?? "reputa flags show \(f.id)"
    }

    /// `due 2026-11-24 14:00 Europe/Rome`, or `overdue since …` once the deadline has passed:
    /// an alert that goes out late (a retry, quiet hours, a backfill) says so.
    public func deadline(_ f: FlaggedReview) -> String {
        let when = FlagTable.local(f.dueAt, zone: zone) + " " + zone
        return f.isOverdue(at: now) ? lang.t("overdue since") + " " + when : lang.t("due") + " " + when
    }
}

/// The words every kind shares.
public enum AlertWords {
    /// The first line of every alert: `URGENT · milano · google · 1★ of 5` (`URGENTE · … · 1★ su 5`).
    public static func headline(_ f: FlaggedReview, _ lang: ReportLanguage = .english) -> String {
        var parts = [level(f.decision.level, lang).uppercased(), f.review.location.isEmpty ? lang.t("(no location)") : f.review.location,
                     f.review.portal]
        if let r = f.review.rating { parts.append("\(Renderer.plain(r.value))★ " + lang.t("of") + " \(Renderer.plain(r.scale.max))") }
        return parts.joined(separator: " · ")
    }

    /// A level's name: `urgent` / `urgente`.
    static func level(_ level: FlagLevel, _ lang: ReportLanguage) -> String {
        switch level {
        case .urgent: lang.t("level urgent")
        case .high: lang.t("level high")
        case .normal: lang.t("level normal")
        }
    }

    /// `7 flagged reviews: 2 high, 5 normal` (`7 recensioni segnalate: alte: 2, normali: 5`).
    public static func digestHeadline(_ flags: [FlaggedReview], _ lang: ReportLanguage = .english) -> String {
        (flags.count == 1 ? lang.t("1 flagged review") : lang.t("{n} flagged reviews", n: flags.count)) + ": " + levels(flags, lang)
    }

    /// `2 high, 5 normal`, most urgent level first.
    static func levels(_ flags: [FlaggedReview], _ lang: ReportLanguage) -> String {
        FlagLevel.allCases.reversed().compactMap { level -> String? in
            let n = flags.filter { $0.decision.level == level }.count
            guard n > 0 else { return nil }
            switch level {
            case .urgent: return lang.t("{n} urgent", n: n)
            case .high: return lang.t("{n} high", n: n)
            case .normal: return lang.t("{n} normal", n: n)
            }
        }.joined(separator: ", ")
    }

    /// The first line of one flag inside a digest or a summary.
    static func digestLine(_ f: FlaggedReview, _ context: AlertContext) -> String {
        headline(f, context.lang) + " (" + context.priority(f) + ", \(context.deadline(f))) — " + (context.reasons(f).first ?? "")
    }

    /// `12 older flags not alerted one by one: 1 urgent, 11 normal`.
    static func summaryHeadline(_ flags: [FlaggedReview], _ lang: ReportLanguage = .english) -> String {
        (flags.count == 1 ? lang.t("1 older flag not alerted one by one") : lang.t("{n} older flags not alerted one by one", n: flags.count))
            + ": " + levels(flags, lang)
    }

    /// Why, and where to see them.
    static func summaryText(_ flags: [FlaggedReview], maxAge: Int?, _ lang: ReportLanguage = .english) -> [String] {
        let why = maxAge.map { lang.t("These reviews were older than {age} when this channel would first have heard of them (an imported history, or a channel added later).")
            .replacingOccurrences(of: "{age}", with: duration($0, lang)) }
            ?? lang.t("These reviews were old when this channel would first have heard of them (an imported history, or a channel added later).")
        return [why + " " + lang.t("They are in the flag queue; the most urgent are below."),
                lang.t("See them all") + ": reputa flags --summarized"]
    }

    /// `2 sources gone quiet` / `2 fonti silenziose`.
    static func quietHeadline(_ sources: [ReportDocument.QuietSource], _ lang: ReportLanguage) -> String {
        sources.count == 1 ? lang.t("1 source gone quiet") : lang.t("{n} sources gone quiet", n: sources.count)
    }

    /// One line per source, then what it means.
    static func quietText(_ sources: [ReportDocument.QuietSource], _ lang: ReportLanguage) -> [String] {
        sources.map { $0.line(lang) } + [lang.t("Reviews they would have brought are missing from flags and reports until they do again: check them with reputa sources.")]
    }

    /// How many flags a summary lists by name; the rest are counted.
    static let summaryListed = 5

    /// 604800 → "7 days", 7200 → "2 hours" (`7 giorni`, `2 ore`).
    static func duration(_ seconds: Int, _ lang: ReportLanguage = .english) -> String {
        if seconds % 86_400 == 0 { return "\(seconds / 86_400) " + lang.t(seconds == 86_400 ? "day" : "days") }
        if seconds % 3600 == 0 { return "\(seconds / 3600) " + lang.t(seconds == 3600 ? "hour" : "hours") }
        return "\(seconds / 60) " + lang.t("minutes")
    }

    /// Only http(s) links are offered; anything else (javascript:, data:) is left out, and so is
    /// a link holding a character that could end the markup around it.
    public static func safeLink(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !url.contains(where: { "|<>()[] \n\r\t\"'`\\".contains($0) }) else { return nil }
        return url
    }

    static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
