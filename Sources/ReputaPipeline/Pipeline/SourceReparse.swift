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

    /// - Parameter reading: new reading settings laid over each snapshot's recorded ones
    ///   (`reparse --source NAME --map …`, for a source the config does not name); recorded
    ///   with the snapshots, so the next reparse keeps them. Checked on the first snapshot
    ///   before anything is written: its errors are thrown, not reported per source.
    /// - Throws: `UsageError` when a named source was never imported.
    package static func run(sources: [String], config: Configuration?, store: any SQLStore, archive: SnapshotArchive,
                            logger: Logger, reading: ((inout SourceDescriptor) throws -> Void)? = nil)
        throws -> [(source: String, result: StepResult<Rebuilt>)] {
        let known = try store.importedSources()
        for name in sources where !known.contains(name) {
            throw UsageError("no imported source named \"\(name)\"\(Suggestion.hint(name, known))")
        }
        if let reading, let first = try store.importedSnapshots(source: sources.first ?? "").first {
            var probe = first.descriptor
            try reading(&probe)
        }
        let parser = PayloadParser(logger: logger)
        return (sources.isEmpty ? known : sources).map { name in
            do {
                let entry = config?.source(named: name)
                let rebuilt = try rebuild(name, store: store, archive: archive, parser: parser) { stored in
                    try stored.map { stored in
                        var stored = stored
                        if let entry { stored.descriptor = entry.descriptor }
                        try reading?(&stored.descriptor)
                        return stored
                    }
                }
                return (name, .done(rebuilt))
            } catch let error as any ReputaError {
                return (name, .failed(error))
            } catch {
                return (name, .failed(StoreError(place: name, message: "\(error)")))
            }
        }
    }

    /// Rebuilds `name` in one transaction from the snapshots `choose` keeps of its ledger (all
    /// for a reparse, the ones left for a `forget --snapshot`, none for a `forget`), read as
    /// their descriptors say.
    static func rebuild(_ name: String, store: any SQLStore, archive: SnapshotArchive, parser: PayloadParser,
                        forgetting: Bool = false, choose: @escaping ([StoredSnapshot]) throws -> [StoredSnapshot]) throws -> Rebuilt {
        let stored = try store.importedSnapshots(source: name)
        let chosen = try choose(stored)
        if let kind = (chosen.first ?? stored.first).flatMap({ InternalKinds.named($0.descriptor.kind) }) {
            // Survey, helpdesk and customer sources are not fetched page by page: the ledger read
            // just now is the one rebuilt.
            let counts = try store.rebuildInternal(source: name, payloads: chosen, importedAt: Timestamp(date: Date())) { stored in
                let path = archive.path(of: stored.snapshot)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw StoreError(place: path, message: "snapshot file is missing or unreadable")
                }
                return try parser.parseInternal([UInt8](data), origin: stored.snapshot.relativePath,
                                                descriptor: stored.descriptor, kind: kind)
            }
            return Rebuilt(source: name, snapshots: chosen.count, counts: counts, records: true)
        }
        let rebuilt = try store.rebuildAccounted(source: name, importedAt: Timestamp(date: Date()), forgetting: forgetting,
                                                 choose: choose, report: { parser.log($0, kept: $1, source: name) }) { stored, sink in
            let path = archive.path(of: stored.snapshot)
            let input: ByteInput
            do { input = try ByteInput(path: path) } catch {
                throw StoreError(place: path, message: "snapshot file is missing or unreadable")
            }
            return try parser.stream(input, origin: stored.snapshot.relativePath, descriptor: stored.descriptor, into: sink)
        }
        return Rebuilt(source: name, snapshots: rebuilt.replayed, counts: rebuilt.counts, records: false, accounted: rebuilt)
    }
}
