import Foundation
import ReputaAnalysis
import ReputaCore

/// The weekly report as data: what `--format json` prints, versioned by `schema`
/// (`reputa.weekly-report/1`; docs/report.md, "Weekly report JSON"). A new field keeps the version; a
/// renamed or removed one bumps it.
public struct ReportDocument: Sendable, Codable {
    public static let schemaVersion = "reputa.weekly-report/1"

    public var schema = ReportDocument.schemaVersion
    public var generatedAt: String
    public var lang: String
    public var week: String
    public var comparison: Comparison
    public var notableReviews: [NotableReview]
    /// Sources that have gone quiet (stale) or whose last fetch failed when the report was made:
    /// the week's figures may lack their reviews.
    public var quietSources: [QuietSource]
    /// What the report opens with (nil only without rows of ours).
    public var headline: ReportHeadline?
    /// The config's zone (IANA), in which the report's dates are written.
    public var timezone: String
    /// Topic ids' names in the report's language, for the complaints' top topics.
    public var topicNames: [String: String]

    public init(comparison: Comparison, notable: [NotableReview], lang: String, generatedAt: Timestamp, quietSources: [QuietSource] = [],
                complaints: ComplaintSummary? = nil, timezone: String = "UTC", topicNames: [String: String] = [:]) {
        self.generatedAt = generatedAt.utcISO
        headline = ReportHeadline(comparison, complaints: complaints)
        self.timezone = timezone
        self.topicNames = topicNames
        self.lang = lang
        week = comparison.week
        self.comparison = comparison
        notableReviews = notable
        self.quietSources = quietSources
    }

    enum CodingKeys: String, CodingKey {
        case schema, lang, week, comparison, headline, timezone
        case topicNames = "topic_names"
        case generatedAt = "generated_at"
        case notableReviews = "notable_reviews"
        case quietSources = "quiet_sources"
    }

    /// A source the report warns about: `stale` (no new review for longer than expected) or
    /// `failing` (its last fetch failed), with the newest review's age and the expected gap, in days.
    public struct QuietSource: Equatable, Sendable, Codable {
        public var source: String
        public var status: String
        public var newestAgeDays: Double?
        public var staleAfterDays: Double

        public init(source: String, status: String, newestAgeDays: Double?, staleAfterDays: Double) {
            self.source = source
            self.status = status
            self.newestAgeDays = newestAgeDays
            self.staleAfterDays = staleAfterDays
        }

        /// `gbp-milano: newest review 14 days ago; expected within 7 days` in `lang`.
        public func line(_ lang: ReportLanguage) -> String {
            var parts: [String] = []
            if status == "failing" { parts.append(lang.t("last fetch failed")) }
            if let age = newestAgeDays {
                parts.append(lang.t("newest review") + " " + Self.span(age, lang) + " " + lang.t("ago") + "; "
                             + lang.t("expected within") + " " + Self.span(staleAfterDays, lang))
            } else {
                parts.append(lang.t("no review held"))
            }
            return source + ": " + parts.joined(separator: "; ")
        }

        /// Days as a reader says them: hours under two days (`10 hours`, `1 hour`), else whole
        /// days (`1 day`, `14 days`; `ore`, `giorni` in Italian).
        static func span(_ days: Double, _ lang: ReportLanguage) -> String {
            if days < 2 {
                let hours = Int((days * 24).rounded())
                return "\(hours) " + lang.t(hours == 1 ? "hour" : "hours")
            }
            let whole = Int(days.rounded())
            return "\(whole) " + lang.t(whole == 1 ? "day" : "days")
        }
    }

    /// The warning above the figures, nil when every source is bringing reviews.
    public func quietWarning(_ lang: ReportLanguage) -> (title: String, lines: [String])? {
        guard !quietSources.isEmpty else { return nil }
        return (lang.t("Sources gone quiet: no new review for longer than expected, or the last fetch failed; this week's figures may lack their reviews."),
                quietSources.map { $0.line(lang) })
    }

    /// `Weekly reputation report 2026-W47 (16–22 Nov 2026)`: the Markdown and plain report's title
    /// and the mail subject's start.
    public func title(_ lang: ReportLanguage) -> String {
        lang.t("Weekly reputation report") + " " + week + " (" + lang.weekSpan(week) + ")"
    }

    /// When the report was made, as its reader writes dates, in the config's zone.
    public func generated(_ lang: ReportLanguage) -> String {
        guard let t = Timestamp(utcISO: generatedAt) else { return generatedAt }
        return lang.dateTime(t, zone: TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0)!)
    }

    /// Sorted keys, snake_case field names, non-finite numbers refused (they never occur: a
    /// figure without data is null).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// A review quoted in the report: the week's most negative and most helpful.
public struct NotableReview: Equatable, Sendable, Codable {
    /// `most_negative` or `most_helpful`.
    public var kind: String
    public var source: String
    public var portal: String
    public var location: String
    public var competitor: String
    public var rating: Double?
    public var scale: String
    public var title: String
    public var text: String
    public var author: String
    public var language: String
    public var createdAt: String?
    public var helpfulVotes: Int?
    public var url: String

    public init(kind: String, review: Review) {
        self.kind = kind
        source = review.source
        portal = review.portal
        location = review.location
        competitor = review.competitor
        rating = review.rating?.value
        scale = review.rating?.scale.description ?? ""
        title = review.title
        text = review.text
        author = review.author
        language = review.language
        createdAt = review.createdAt?.utcISO
        helpfulVotes = review.helpfulVotes
        url = review.url
    }

    /// The week's three lowest-rated reviews of ours (lowest normalized rating, longest text
    /// first) and the three with the most helpful votes.
    public static func pick(_ reviews: [Review], count: Int = 3) -> [NotableReview] {
        let ours = reviews.filter { $0.competitor.isEmpty }
        let negative = ours.filter { ($0.rating?.normalized ?? 100) < 50 }
            .sorted { ($0.rating!.normalized, -$0.text.count, $0.externalID) < ($1.rating!.normalized, -$1.text.count, $1.externalID) }
        let helpful = ours.filter { ($0.helpfulVotes ?? 0) > 0 }
            .sorted { ($0.helpfulVotes!, $1.externalID) > ($1.helpfulVotes!, $0.externalID) }
        return negative.prefix(count).map { NotableReview(kind: "most_negative", review: $0) }
            + helpful.prefix(count).map { NotableReview(kind: "most_helpful", review: $0) }
    }
}
