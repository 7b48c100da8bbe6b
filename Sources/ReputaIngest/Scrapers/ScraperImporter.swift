import Foundation
import ReputaCore

/// The output of a review-scraping library as its users save it: a JSON list (or an object
/// holding the list under `data` or `reviews`), JSON Lines, or a CSV written by pandas (the
/// same keys as columns, after an unnamed index column). Each `Variant` is one library's field
/// names; the first whose required keys are in the first object (or the CSV header) reads the
/// file.
public struct ScraperImporter: ReviewImporter {
    public struct Variant: Sendable {
        /// Review field → key (a dotted path for JSON); `key?` may be missing.
        public var mapping: [String: String]
        /// The zone of times written without an offset; nil: the source's.
        public var zone: String?
        /// CSV only: touches with the row's cells by column name (a nested object written as
        /// Python's repr, say).
        public var csvAdjust: (@Sendable (inout Review, (String) -> String) -> Void)?
        /// Keys only this library writes (not read): what tells its output from any file that
        /// happens to have an `id`, a `text` and a `score` (`reputa inspect`).
        public var signature: [String]

        public init(mapping: [String: String], zone: String? = nil, signature: [String],
                    csvAdjust: (@Sendable (inout Review, (String) -> String) -> Void)? = nil) {
            self.mapping = mapping
            self.zone = zone
            self.signature = signature
            self.csvAdjust = csvAdjust
        }

        /// The top-level keys an object must have for this variant to read it.
        var requiredKeys: [String] {
            mapping.values.filter { !$0.hasSuffix("?") }.map { String($0.split(separator: ".")[0]) }.sorted()
        }

        var jsonMapping: [String: String] {
            mapping.mapValues { $0.hasSuffix("?") ? String($0.dropLast()) : $0 }
        }
    }

    public var library: String
    public var variants: [Variant]

    public init(library: String, variants: [Variant]) {
        self.library = library
        self.variants = variants
    }

    var csv: CSVReviewImporter {
        CSVReviewImporter(presets: variants.map { v in
            CSVReviewImporter.Preset(mapping: v.mapping.filter { !$0.value.contains(".") }, zone: v.zone,
                                     requireRating: true, adjust: v.csvAdjust)
        })
    }

    /// True when `names` (a JSON object's keys, a CSV header) are one library variant's: its
    /// required keys and its signature.
    public func recognizes(_ names: Set<String>) -> Bool {
        variants.contains { v in (v.requiredKeys + v.signature).allSatisfy(names.contains) }
    }

    var expected: String { variants.map { $0.requiredKeys.joined(separator: ", ") }.joined(separator: "; or ") }

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> ParsedBatch {
        guard PayloadShape.sniff(bytes) == .json else {
            // A header no variant can read gets one line naming what each library writes.
            if let header = CSVHeader.read(bytes), !variants.contains(where: { v in
                v.requiredKeys.allSatisfy { key in header.columns.contains { $0.caseInsensitiveCompare(key) == .orderedSame } }
            }) {
                throw ParseError(source: source.name, place: "\(origin):1",
                                 message: "not \(library) output: the header lacks the columns \(expected)")
            }
            return try csv.parse(bytes, origin: origin, source: source)
        }
        var batch = ParsedBatch()
        let root = try? JSONNode.parse(bytes, source: source.name, origin: origin)
        let list = root.flatMap { r in ["data", "reviews"].first { r[$0].exists } }
        let items = try GenericJSONImporter.items(bytes, origin: origin, source: source, list: list, parsed: root,
                                                  skipped: &batch.skipped)
        guard let first = items.first?.item else { return batch }
        guard let variant = variants.first(where: { $0.requiredKeys.allSatisfy { first[$0].exists } }) else {
            throw ParseError(source: source.name, place: items[0].place,
                             message: "not \(library) output: the objects lack the keys \(expected)")
        }
        let zone = variant.zone.flatMap { TimeZone(identifier: $0) } ?? ReviewFields.zone(source)
        GenericJSONImporter.read(items, mapping: variant.jsonMapping, zone: zone, source: source, into: &batch)
        return batch
    }
}
