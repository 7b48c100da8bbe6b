import Foundation
import ReputaCore
import ReputaNet
import ReputaAnalysis
import ReputaIngest
import ReputaOutput

/// `sources.yml`, version 1, validated and resolved (paths relative to the file's folder,
/// `${VAR}` values substituted).
public struct Configuration: Sendable {
    public var file: String
    public var version: Int
    /// A file path, or a `postgres://` URL (not yet supported by this build).
    public var store: String
    public var snapshots: String
    public var timezone: String
    /// The `http:` section: timeouts, caps, retries, politeness.
    public var http: HTTPPolicy
    /// Sources fetched at once.
    public var concurrency: Int
    public var locations: [Location]
    /// Review sources, then the survey, helpdesk and customers sources (their kind says which).
    public var sources: [SourceEntry]
    /// The customer health score's components and bands (`health:`).
    public var health: HealthModel
    /// The weekly report: language, window, kept copies, mail delivery (`report:`).
    public var report: ReportSettings
    /// Published figures to set beside ours (`benchmarks:`).
    public var benchmarks: [Benchmark]
    /// Which reviews are flagged, how soon they are due, and where they are routed (`flags:`).
    public var flags: FlagRules
    /// Where alerts about flags are delivered (`notifications:`).
    public var notifications: NotificationSettings
    /// Sections later stages own: accepted, not yet used (none at present).
    public var reservedSections: [String]
    /// Reply templates and the signature of the inbox's drafts (`replies:`).
    public var replies = ReplySettings()
    /// The on-call inbox (`serve:`): its public address, language and session length.
    public var serve = ServeSection()

    /// The `serve:` section.
    public struct ServeSection: Sendable {
        /// Where the inbox is reached (`https://inbox.example.com`): alerts link each flag's page there.
        public var baseURL: String?
        /// Page language for users without their own.
        public var lang = "en"
        /// How long a sign-in lasts, in seconds.
        public var sessionSeconds = 12 * 3600
        public init() {}
    }

    public struct Location: Equatable, Sendable {
        public var id: String
        public var name: String
        public var aliases: [String]
        /// The location's own zone for business hours, when it differs from the config's.
        public var timezone: String? = nil
    }

    public struct SourceEntry: Sendable {
        public var descriptor: SourceDescriptor
        public var url: String?
        /// Resolved against the config's folder; may hold a `*` glob or name a folder.
        public var path: String?
        /// Poll interval in seconds (`every: 6h`).
        public var every: Int?
        /// HTTP headers for the source's own origin, in config order.
        public var credentials: [(name: String, value: Secret)]
        /// Overrides `http.allow_private_network` for this source.
        public var allowPrivateNetwork: Bool?
        public var maxBytes: Int?
        /// Pages followed per start URL (`link rel="next"`, API cursors).
        public var maxPages: Int
        /// App Store storefronts (`it`, `us`…) substituted for `{storefront}` in the URL.
        public var storefronts: [String]
        /// `review_url`, `reply_url`: templates of the links to a review on its portal (`ReviewLinks`).
        public var reviewURL: String? = nil
        public var replyURL: String? = nil
        /// `stale_after`: seconds without a new review before the source counts as stale
        /// (default: `Formulas.staleAfter`).
        public var staleAfter: Int? = nil
        public var line: Int

        /// Most reviews the source's route can return: the kind's cap per start URL.
        public var routeCap: Int? {
            Kinds.named(descriptor.kind)?.routeCap.map { $0 * max(1, storefronts.count) }
        }

        /// The URLs a fetch starts from: one per storefront, else the URL itself.
        public var startURLs: [String] {
            guard let url else { return [] }
            if storefronts.isEmpty { return [url] }
            return storefronts.map { url.replacingOccurrences(of: "{storefront}", with: $0) }
        }
    }

    public func source(named name: String) -> SourceEntry? { sources.first { $0.descriptor.name == name } }

    /// Raw names in files (a location's name and aliases) → location id.
    package static func aliasMap(_ locations: [Location]) -> [String: String] {
        var map: [String: String] = [:]
        for l in locations {
            map[l.name] = l.id
            for a in l.aliases { map[a] = l.id }
        }
        return map
    }

    public static let defaultFile = "sources.yml"
}
