import ReputaCore

/// Reads one payload's bytes into reviews. Importers never do I/O: bytes in, values out.
public protocol ReviewImporter: Sendable {
    /// - Parameter origin: the file name or URL, used in error places.
    func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch
}

/// The one registry of source kinds: kind name → importer and the portal it implies.
public enum Kinds {
    public struct Kind: Sendable {
        public var name: String
        public var portal: String
        public var summary: String
        public var importer: any ReviewImporter
    }

    public static let all: [Kind] = [
        Kind(name: "appstore-rss", portal: "appstore",
             summary: "Apple App Store customer-reviews Atom feed", importer: AppStoreAtomImporter()),
        Kind(name: "csv", portal: "csv",
             summary: "Generic CSV export with a column mapping", importer: CSVReviewImporter()),
    ]

    public static func named(_ name: String) -> Kind? { all.first { $0.name == name } }

    public static var names: [String] { all.map(\.name) }
}
