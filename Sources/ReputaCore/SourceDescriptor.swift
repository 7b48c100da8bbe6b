/// Everything an importer needs to know about where bytes came from and how to read them.
/// Built by the CLI from `sources.yml` or from `reputa import` flags; stored with each
/// import so `reputa reparse` can read old snapshots the same way.
public struct SourceDescriptor: Equatable, Sendable, Codable {
    public var name: String
    public var kind: String
    /// The portal the reviews belong to (`appstore`, `google-play`, `trustpilot`, …).
    public var portal: String
    public var location: String
    public var competitor: String
    public var scale: RatingScale
    /// Review field → column name in the file (`csv` kind).
    public var mapping: [String: String]
    /// `,` or `;`; nil means detect from the header line.
    public var delimiter: String?
    /// IANA zone for dates written without one (`dd/mm/yyyy`).
    public var timezone: String
    /// IANA zone whose calendar weeks reports use (the config's `timezone`).
    public var reportingZone: String
    /// True when every payload holds the source's complete history, so a review missing
    /// from a newer payload was removed by the portal and is tombstoned.
    public var fullExport: Bool
    /// Raw location value (as in a file's column) → configured location id.
    public var locationAliases: [String: String]
    /// Surveys, helpdesk and customer exports: questions, scales, segments.
    public var records: RecordSpec?
    /// CSV: a field longer than this skips its row (`max_field_bytes`; nil: 1 MiB).
    public var maxFieldBytes: Int?

    public init(
        name: String, kind: String, portal: String = "", location: String = "", competitor: String = "",
        scale: RatingScale = .fiveStars, mapping: [String: String] = [:], delimiter: String? = nil,
        timezone: String = "Europe/Rome", reportingZone: String? = nil, fullExport: Bool = false,
        locationAliases: [String: String] = [:], records: RecordSpec? = nil, maxFieldBytes: Int? = nil
    ) {
        self.name = name
        self.kind = kind
        self.portal = portal.isEmpty ? kind : portal
        self.location = location
        self.competitor = competitor
        self.scale = scale
        self.mapping = mapping
        self.delimiter = delimiter
        self.timezone = timezone
        self.reportingZone = reportingZone ?? timezone
        self.fullExport = fullExport
        self.locationAliases = locationAliases
        self.records = records
        self.maxFieldBytes = maxFieldBytes
    }
}
