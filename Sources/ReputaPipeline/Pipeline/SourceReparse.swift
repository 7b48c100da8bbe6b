import Foundation
import Logging
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaStore

/// `reputa reparse`: a source's reviews (or survey, helpdesk, customer records) rebuilt from its
/// snapshots, oldest first, each source in one transaction: a snapshot that fails to parse leaves
/// the source as it was. One failing source never stops the others.
package enum SourceReparse {
    package struct Rebuilt {
        package var source: String
        package var snapshots: Int
        package var counts: ImportCounts
        /// Survey, helpdesk or customer records rather than reviews.
        package var records: Bool
        /// For reviews: the source before and after, reviews passed on, flags removed.
        package var accounted: Rebuild?
    }

    /// - Parameter reading: new reading settings laid over each snapshot's (`reparse --map …`);
    ///   they are recorded with the snapshots, so the next reparse keeps them.
    /// - Throws: `UsageError` when a named source was never imported.
    package static func run(sources: [String], config: Configuration?, store: any SQLStore, archive: SnapshotArchive,
                            logger: Logger, reading: ((inout SourceDescriptor) throws -> Void)? = nil)
        throws -> [(source: String, result: StepResult<Rebuilt>)] {
        let known = try store.importedSources()
        for name in sources where !known.contains(name) {
            throw UsageError("no imported source named \"\(name)\"\(Suggestion.hint(name, known))")
        }
        let parser = PayloadParser(logger: logger)
        return (sources.isEmpty ? known : sources).map { name in
            do {
                let payloads = try store.importedSnapshots(source: name).map { stored in
                    var stored = stored
                    if let entry = config?.source(named: name) { stored.descriptor = entry.descriptor }
                    try reading?(&stored.descriptor)
                    return stored
                }
                return (name, .done(try rebuild(name, payloads: payloads, store: store, archive: archive, parser: parser)))
            } catch let error as any ReputaError {
                return (name, .failed(error))
            } catch {
                return (name, .failed(StoreError(place: name, message: "\(error)")))
            }
        }
    }

    /// Rebuilds `name` from `payloads` (all its snapshots for a reparse, the ones left for a
    /// `forget --snapshot`, none for a `forget`) in one transaction.
    static func rebuild(_ name: String, payloads: [StoredSnapshot], store: any SQLStore, archive: SnapshotArchive,
                        parser: PayloadParser) throws -> Rebuilt {
        if let kind = try internalKind(of: name, store: store) {
            let counts = try store.rebuildInternal(source: name, payloads: payloads, importedAt: Timestamp(date: Date())) { stored in
                let path = archive.path(of: stored.snapshot)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw StoreError(place: path, message: "snapshot file is missing or unreadable")
                }
                return try parser.parseInternal([UInt8](data), origin: stored.snapshot.relativePath,
                                                descriptor: stored.descriptor, kind: kind)
            }
            return Rebuilt(source: name, snapshots: payloads.count, counts: counts, records: true)
        }
        let rebuilt = try store.rebuildAccounted(source: name, payloads: payloads, importedAt: Timestamp(date: Date()),
                                                 report: { parser.log($0, kept: $1, source: name) }) { stored, sink in
            let path = archive.path(of: stored.snapshot)
            let input: ByteInput
            do { input = try ByteInput(path: path) } catch {
                throw StoreError(place: path, message: "snapshot file is missing or unreadable")
            }
            return try parser.stream(input, origin: stored.snapshot.relativePath, descriptor: stored.descriptor, into: sink)
        }
        return Rebuilt(source: name, snapshots: payloads.count, counts: rebuilt.counts, records: false, accounted: rebuilt)
    }

    /// The internal kind (survey, helpdesk, customers) the source was imported as, if any.
    static func internalKind(of name: String, store: any SQLStore) throws -> InternalKind? {
        try store.importedSnapshots(source: name).first.flatMap { InternalKinds.named($0.descriptor.kind) }
    }
}
