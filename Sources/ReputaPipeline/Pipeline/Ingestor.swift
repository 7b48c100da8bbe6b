import Foundation
import Logging
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaStore

/// bytes → parse → snapshot → store, one payload at a time, each payload in one transaction.
package struct Ingestor: Sendable {
    let store: any SQLStore
    let archive: SnapshotArchive
    let now: Timestamp
    let logger: Logger

    package init(store: any SQLStore, archive: SnapshotArchive, now: Timestamp, logger: Logger) {
        self.store = store
        self.archive = archive
        self.now = now
        self.logger = logger
    }

    /// What one payload did, and what it says about the next page and the portal.
    package struct Result {
        var counts = ImportCounts()
        var nextPage: String?
        var portalTotal: Int?
    }

    /// Imports one payload unless the ledger says these bytes are already in.
    package func ingest(_ payload: Payload, descriptor: SourceDescriptor) throws -> ImportCounts {
        try ingestPage(payload, descriptor: descriptor).counts
    }

    /// hash → ledger → snapshot → parse and store in one transaction. A file is hashed in
    /// pieces first (for the ledger); then the pieces the parser reads are also written to the
    /// snapshot and hashed again, and the transaction commits only when that hash matches: what
    /// is stored is exactly what was kept, and the file is read twice, not three times.
    package func ingestPage(_ payload: Payload, descriptor: SourceDescriptor) throws -> Result {
        if let kind = InternalKinds.named(descriptor.kind) {
            return Result(counts: try ingestInternal(payload, descriptor: descriptor, kind: kind))
        }
        let sha: String
        switch payload.body {
        case let .bytes(bytes): sha = SHA256.hex(bytes)
        case let .file(path, _): sha = try SHA256.hex(file: path)
        }
        if try store.hasImported(source: descriptor.name, sha256: sha) {
            logger.info("\(descriptor.name): \(payload.origin) already imported (sha256 \(sha.prefix(16)))")
            if let v = payload.validators { try store.saveValidators(v, source: descriptor.name, at: now) }
            var result = Result()
            result.counts.alreadyImported = true
            return result
        }
        let snapshot: SnapshotArchive.Snapshot
        let input: ByteInput
        var pending: PendingSnapshot?
        switch payload.body {
        case let .bytes(bytes):
            snapshot = try archive.store(bytes, sha256: sha, source: descriptor.name, originalName: payload.name,
                                         capturedAt: payload.capturedAt)
            input = ByteInput(bytes: bytes, origin: payload.origin)
        case let .file(path, size):
            let destination = try archive.begin(sha256: sha, source: descriptor.name, origin: path,
                                                originalName: payload.name, capturedAt: payload.capturedAt,
                                                byteCount: size)
            snapshot = destination.snapshot
            do {
                switch destination {
                case let .existing(kept):
                    input = try ByteInput(path: archive.path(of: kept))
                case let .pending(writing):
                    pending = writing
                    input = try ByteInput(path: path)
                    input.observer = writing.write
                }
            } catch {
                pending?.abandon()
                throw StoreError(place: error.place, message: error.message)
            }
        }
        let parser = PayloadParser(logger: logger)
        let source = descriptor.name
        let result: (counts: ImportCounts, page: PageInfo)
        do {
            result = try store.importStream(snapshot: snapshot, origin: payload.origin, descriptor: descriptor,
                                            importedAt: now, validators: payload.validators,
                                            report: { parser.log($0, kept: $1, source: source) }) { sink in
                let page = try HandOff.run(into: sink) { handed in
                    try parser.stream(input, origin: payload.origin, contentType: payload.contentType,
                                      charset: payload.charset, descriptor: descriptor, into: handed)
                }
                if let pending {
                    do { try input.drain() } catch let e as InputError { throw StoreError(place: e.place, message: e.message) }
                    try pending.finish()
                }
                return page
            }
        } catch {
            pending?.abandon()
            archive.discard(snapshot)
            throw error
        }
        let counts = result.counts
        logger.info("\(SummaryLine.text(descriptor.name, origin: payload.origin, counts))")
        return Result(counts: counts, nextPage: result.page.nextPage, portalTotal: result.page.portalTotal)
    }
}

/// What happened to one source in a fetch.
package struct SourceOutcome: Sendable {
    package var source: String
    package var payloads = 0
    /// Requests answered "not modified" (304, or 200 with the same ETag).
    package var notModified = 0
    package var counts = ImportCounts()
    /// The first error, one line.
    package var failure: String?
    /// Not polled: a 429's Retry-After still runs until this time.
    package var deferredUntil: String?
    /// Left unread because Reputa is stopping (`TransferStop`): not a failure, due again at once.
    package var interrupted = false
}
