import Foundation
import Logging
import ReputaCore
import ReputaIngest
import ReputaStore

/// bytes → parse → snapshot → store, one payload at a time, each payload in one transaction.
struct Ingestor: Sendable {
    let store: SQLiteStore
    let archive: SnapshotArchive
    let now: Timestamp
    let logger: Logger

    /// What one payload did, and what it says about the next page and the portal.
    struct Result {
        var counts = ImportCounts()
        var nextPage: String?
        var portalTotal: Int?
    }

    /// Imports one payload unless the ledger says these bytes are already in.
    func ingest(_ payload: Payload, descriptor: SourceDescriptor) throws -> ImportCounts {
        try ingestPage(payload, descriptor: descriptor).counts
    }

    func ingestPage(_ payload: Payload, descriptor: SourceDescriptor) throws -> Result {
        let sha = SHA256.hex(payload.bytes)
        if try store.hasImported(source: descriptor.name, sha256: sha) {
            logger.info("\(descriptor.name): \(payload.origin) already imported (sha256 \(sha.prefix(16)))")
            if let v = payload.validators { try store.saveValidators(v, source: descriptor.name, at: now) }
            var result = Result()
            result.counts.alreadyImported = true
            return result
        }
        let batch = try PayloadParser(logger: logger).parse(payload, descriptor: descriptor)
        let snapshot = try archive.store(payload.bytes, sha256: sha, source: descriptor.name,
                                         originalName: payload.name, capturedAt: payload.capturedAt)
        let counts: ImportCounts
        do {
            counts = try store.importBatch(batch, snapshot: snapshot, origin: payload.origin, descriptor: descriptor,
                                           importedAt: now, validators: payload.validators)
        } catch {
            archive.discard(snapshot)
            throw error
        }
        logger.info("\(descriptor.name): \(payload.origin): \(counts.new) new, \(counts.updated) updated, \(counts.unchanged) unchanged, \(counts.removed) removed, \(counts.skipped) skipped")
        return Result(counts: counts, nextPage: batch.nextPage, portalTotal: batch.portalTotal)
    }
}

/// What happened to one source in a fetch.
struct SourceOutcome: Sendable {
    var source: String
    var payloads = 0
    /// Requests answered "not modified" (304, or 200 with the same ETag).
    var notModified = 0
    var counts = ImportCounts()
    /// The first error, one line.
    var failure: String?
    /// Not polled: a 429's Retry-After still runs until this time.
    var deferredUntil: String?
}
