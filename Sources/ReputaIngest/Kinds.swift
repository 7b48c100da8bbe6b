import ReputaCore

/// Reads one payload's bytes into reviews. Importers never do I/O of their own: bytes in,
/// values out.
public protocol ReviewImporter: Sendable {
    /// - Parameter origin: the file name or URL, used in error places.
    func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch
    /// - Parameter charset: the HTTP `charset` the bytes came with, which outranks the
    ///   document's own declaration (RFC 3023); nil for files.
    func parse(_ bytes: [UInt8], origin: String, charset: String?, source: SourceDescriptor) throws -> ParsedBatch
    /// Reads `input` piece by piece and hands each review to `sink` as soon as it is read.
    /// The formats that get big (CSV exports, the App Store feed) do this in bounded memory;
    /// the default reads the whole payload and parses it at once.
    func stream(_ input: ByteInput, origin: String, charset: String?, source: SourceDescriptor,
                into sink: any ReviewSink) throws -> PageInfo
}

extension ReviewImporter {
    public func parse(_ bytes: [UInt8], origin: String, charset: String?, source: SourceDescriptor) throws -> ParsedBatch {
        try parse(bytes, origin: origin, source: source)
    }

    public func stream(_ input: ByteInput, origin: String, charset: String?, source: SourceDescriptor,
                       into sink: any ReviewSink) throws -> PageInfo {
        let bytes: [UInt8]
        do { bytes = try input.readAll() } catch {
            throw ParseError(source: source.name, place: error.place, message: error.message)
        }
        let batch = try parse(bytes, origin: origin, charset: charset, source: source)
        try batch.forward(to: sink)
        return batch.page
    }
}

/// An importer that reads in pieces: `stream` is its one implementation and `parse`
/// collects what it streams.
public protocol StreamingImporter: ReviewImporter {}

extension StreamingImporter {
    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        try parse(bytes, origin: origin, charset: nil, source: source)
    }

    public func parse(_ bytes: [UInt8], origin: String, charset: String?, source: SourceDescriptor) throws -> ParsedBatch {
        let collector = BatchCollector()
        let page = try stream(ByteInput(bytes: bytes, origin: origin), origin: origin, charset: charset,
                              source: source, into: collector)
        return collector.finish(page)
    }
}

/// The one registry of source kinds: kind name → importer, the portal it implies, and what
/// the route can hold at most.
public struct Kind: Sendable {
    public var name: String
    public var portal: String
    public var summary: String
    public var importer: any ReviewImporter
    /// Most reviews this route can ever return (App Store feed: 10 pages × 50 per storefront);
    /// nil when the route gives the full history.
    public var routeCap: Int?
    /// Query parameter that carries an API cursor to the next page (`pageToken`), when the
    /// payload gives a token rather than a URL.
    public var cursorParameter: String?

    public init(name: String, portal: String, summary: String, importer: any ReviewImporter,
                routeCap: Int? = nil, cursorParameter: String? = nil) {
        self.name = name
        self.portal = portal
        self.summary = summary
        self.importer = importer
        self.routeCap = routeCap
        self.cursorParameter = cursorParameter
    }
}

public enum Kinds {
    public static let all: [Kind] = [
        Kind(name: "appstore-rss", portal: "appstore",
             summary: "Apple App Store customer-reviews Atom feed", importer: AppStoreAtomImporter(), routeCap: 500),
        Kind(name: "feed", portal: "feed",
             summary: "Any RSS or Atom feed (detected from the document)", importer: FeedImporter()),
        Kind(name: "rss", portal: "feed",
             summary: "RSS 0.9x, 2.0 or 1.0 (RDF) feed", importer: FeedImporter(expect: .rss)),
        Kind(name: "atom", portal: "feed",
             summary: "Atom 1.0 feed", importer: FeedImporter(expect: .atom)),
        Kind(name: "appstore-json", portal: "appstore",
             summary: "Apple App Store customer-reviews feed in JSON", importer: AppStoreJSONImporter(), routeCap: 500),
        Kind(name: "app-store-scraper", portal: "appstore",
             summary: "app-store-scraper output (Python or Node) as JSON, JSON Lines or CSV",
             importer: AppStoreScraper.importer),
        Kind(name: "appstore-connect", portal: "appstore",
             summary: "App Store Connect API customerReviews JSON", importer: AppStoreConnectImporter()),
        Kind(name: "google-play-csv", portal: "google-play",
             summary: "Google Play Console monthly reviews CSV (UTF-16)", importer: PortalExports.googlePlayCSV),
        Kind(name: "google-play-scraper", portal: "google-play",
             summary: "google-play-scraper output (Python or Node) as JSON, JSON Lines or CSV",
             importer: GooglePlayScraper.importer),
        Kind(name: "google-play-api", portal: "google-play",
             summary: "Google Play Developer API reviews.list JSON (last 7 days, text only)",
             importer: GooglePlayAPIImporter(), cursorParameter: "token"),
        Kind(name: "google-business", portal: "google",
             summary: "Google Business Profile API reviews or Takeout reviews.json", importer: GoogleBusinessImporter(),
             cursorParameter: "pageToken"),
        Kind(name: "trustpilot-api", portal: "trustpilot",
             summary: "Trustpilot Business Units API reviews JSON", importer: TrustpilotAPIImporter()),
        Kind(name: "trustpilot-csv", portal: "trustpilot",
             summary: "Trustpilot Business reviews export CSV", importer: PortalExports.trustpilotCSV),
        Kind(name: "yelp-api", portal: "yelp",
             summary: "Yelp Fusion reviews JSON (3 excerpts)", importer: YelpAPIImporter(), routeCap: 3),
        Kind(name: "yelp-dataset", portal: "yelp",
             summary: "Yelp Open Dataset review JSON Lines", importer: YelpDatasetImporter()),
        Kind(name: "tripadvisor-api", portal: "tripadvisor",
             summary: "Tripadvisor Content API reviews JSON (5 most recent)", importer: TripadvisorAPIImporter(), routeCap: 5),
        Kind(name: "booking-csv", portal: "booking",
             summary: "Booking-style hotel reviews CSV, 0-10 scores", importer: PortalExports.bookingCSV),
        Kind(name: "amazon-jsonl", portal: "amazon",
             summary: "Amazon Reviews 2023 JSON Lines", importer: AmazonJSONLImporter()),
        Kind(name: "amazon-csv", portal: "amazon",
             summary: "Amazon reviews CSV (SNAP dump or scraped amazon.it)", importer: PortalExports.amazonCSV),
        Kind(name: "json", portal: "json",
             summary: "Generic JSON list of reviews with a field mapping", importer: GenericJSONImporter()),
        Kind(name: "csv", portal: "csv",
             summary: "Generic CSV export with a column mapping", importer: CSVReviewImporter()),
    ]

    public static func named(_ name: String) -> Kind? { all.first { $0.name == name } }

    public static var names: [String] { all.map(\.name) }

    /// The kinds whose fields a `map:` / `--map` can point elsewhere: the CSV ones (the generic
    /// `csv` and the portals' CSV exports, whose own columns the mapping overrides field by field)
    /// and the generic `json`. The other kinds read their portal's fixed fields.
    public static func takesMapping(_ kind: String) -> Bool {
        guard let importer = named(kind)?.importer else { return false }
        return importer is CSVReviewImporter || importer is GenericJSONImporter
    }

    /// The kinds that take a mapping, for messages.
    public static var mappedKinds: [String] { names.filter(takesMapping) }

    /// Review fields a `map:` / `--map` may name for `kind`: the CSV fields, plus `list` (where
    /// the list of reviews sits) for the generic JSON kind.
    public static func mappingFields(for kind: String?) -> [String] {
        CSVReviewImporter.fields + (kind == "json" ? ["list"] : [])
    }
}
