import Foundation
import Logging
import ReputaConfig
import ReputaCore
import ReputaIngest

/// `reputa inspect`: what Reputa reads from one file, nothing stored. Feed kinds give their
/// entries as read, before normalization; survey, helpdesk and customer kinds their records;
/// every other kind its normalized reviews.
package enum Inspection {
    package enum Read {
        case feed(ParsedFeed)
        case records(InternalBatch)
        case reviews(ParsedBatch)
    }

    /// The feed kinds whose entries are shown raw, and the flavour each expects (nil: either).
    static let feedKinds: [String: ParsedFeed.Flavour?] = ["feed": nil, "rss": .rss, "atom": .atom]

    package static func read(_ path: String, descriptor: SourceDescriptor, logger: Logger, now: Timestamp) throws -> Read {
        let payload = try PayloadCollector.read(path, source: descriptor.name, now: now)
        func bytes() throws -> [UInt8] {
            do { return try payload.input(source: descriptor.name).readAll() } catch let error as InputError {
                throw ImportFailure(source: descriptor.name, place: error.place, message: error.message)
            }
        }
        if let flavour = feedKinds[descriptor.kind] {
            return .feed(try FeedReader.read(try bytes(), origin: path, httpCharset: nil, source: descriptor.name, expect: flavour))
        }
        if let kind = InternalKinds.named(descriptor.kind) {
            return .records(try PayloadParser(logger: logger).parseInternal(try bytes(), origin: path, descriptor: descriptor, kind: kind))
        }
        return .reviews(try PayloadParser(logger: logger).parse(payload, descriptor: descriptor))
    }
}
