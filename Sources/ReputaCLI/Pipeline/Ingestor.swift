import Foundation
import Logging
import ReputaCore
import ReputaIngest
import ReputaStore

/// bytes → parse → snapshot → store, one payload at a time, each payload in one transaction.
struct Ingestor {
    let store: SQLiteStore
    let archive: SnapshotArchive
    let now: Timestamp
    let logger: Logger

    /// Imports one payload unless the ledger says these bytes are already in.
    func ingest(_ payload: Payload, descriptor: SourceDescriptor) throws -> ImportCounts {
        let sha = SHA256.hex(payload.bytes)
        if try store.hasImported(source: descriptor.name, sha256: sha) {
            logger.info("\(descriptor.name): \(payload.origin) already imported (sha256 \(sha.prefix(16)))")
            var counts = ImportCounts()
            counts.alreadyImported = true
            return counts
        }
        let batch = try PayloadParser(logger: logger).parse(payload, descriptor: descriptor)
        let snapshot = try archive.store(payload.bytes, sha256: sha, source: descriptor.name,
                                         originalName: payload.name, capturedAt: payload.capturedAt)
        let counts: ImportCounts
        do {
            counts = try store.importBatch(batch, snapshot: snapshot, origin: payload.origin, descriptor: descriptor,
                                           importedAt: now)
        } catch {
            archive.discard(snapshot)
            throw error
        }
        logger.info("\(descriptor.name): \(payload.origin): \(counts.new) new, \(counts.updated) updated, \(counts.unchanged) unchanged, \(counts.removed) removed, \(counts.skipped) skipped")
        return counts
    }
}

/// What happened to one source in a fetch.
struct SourceOutcome {
    var source: String
    var payloads = 0
    var counts = ImportCounts()
    /// The first error, one line.
    var failure: String?
}
