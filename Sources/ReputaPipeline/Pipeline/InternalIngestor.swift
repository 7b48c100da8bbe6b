import Foundation
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaStore

/// bytes → parse → snapshot → store for survey, helpdesk and customers payloads. They are
/// read whole (thousands of rows, capped at `maxBytes`) and parsed before anything is
/// written: a file refused as a whole (a scale that does not fit) leaves no snapshot and no row.
extension Ingestor {
    static let maxInternalBytes = 256 << 20

    package func ingestInternal(_ payload: Payload, descriptor: SourceDescriptor, kind: InternalKind) throws -> ImportCounts {
        let bytes: [UInt8]
        switch payload.body {
        case let .bytes(b): bytes = b
        case let .file(path, size):
            guard size <= Self.maxInternalBytes else {
                throw ImportFailure(source: descriptor.name, place: path,
                                    message: "\(size) bytes; a \(kind.name) file is read whole and may be at most \(Self.maxInternalBytes)")
            }
            do { bytes = try ByteInput(path: path).readAll() } catch {
                throw ImportFailure(source: descriptor.name, place: error.place, message: error.message)
            }
        }
        let sha = SHA256.hex(bytes)
        if try store.hasImported(source: descriptor.name, sha256: sha) {
            logger.info("\(descriptor.name): \(payload.origin) already imported (sha256 \(sha.prefix(16)))")
            var counts = ImportCounts()
            counts.alreadyImported = true
            return counts
        }
        let batch = try PayloadParser(logger: logger).parseInternal(bytes, origin: payload.origin, descriptor: descriptor, kind: kind)
        if batch.recordCount == 0 {
            throw ParseError(source: descriptor.name, place: payload.origin,
                             message: "no row could be read (\(batch.skipped.count) skipped; the first: \(batch.skipped.first?.description ?? "none"))")
        }
        let snapshot = try archive.store(bytes, sha256: sha, source: descriptor.name, originalName: payload.name,
                                         capturedAt: payload.capturedAt)
        do {
            let counts = try store.importInternal(batch, snapshot: snapshot, origin: payload.origin, descriptor: descriptor,
                                                  importedAt: now)
            logger.info("\(SummaryLine.text(descriptor.name, origin: payload.origin, counts))")
            return counts
        } catch {
            archive.discard(snapshot)
            throw error
        }
    }
}
