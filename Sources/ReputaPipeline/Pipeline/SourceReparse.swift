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
    }

    /// - Throws: `UsageError` when a named source was never imported.
    package static func run(sources: [String], config: Configuration?, store: any SQLStore, archive: SnapshotArchive,
                            logger: Logger) throws -> [(source: String, result: StepResult<Rebuilt>)] {
        let known = try store.importedSources()
        for name in sources where !known.contains(name) {
            throw UsageError("no imported source named \"\(name)\"\(Suggestion.hint(name, known))")
        }
        let parser = PayloadParser(logger: logger)
        return (sources.isEmpty ? known : sources).map { name in
            do {
                return (name, .done(try rebuild(name, config: config, store: store, archive: archive, parser: parser)))
            } catch let error as any ReputaError {
                return (name, .failed(error))
            } catch {
                return (name, .failed(StoreError(place: name, message: "\(error)")))
            }
        }
    }

    static func rebuild(_ name: String, config: Configuration?, store: any SQLStore, archive: SnapshotArchive,
                        parser: PayloadParser) throws -> Rebuilt {
        let payloads = try store.importedSnapshots(source: name).map { stored in
            var stored = stored
            if let entry = config?.source(named: name) { stored.descriptor = entry.descriptor }
            return stored
        }
        if let kind = payloads.first.flatMap({ InternalKinds.named($0.descriptor.kind) }) {
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
        let counts = try store.rebuild(source: name, payloads: payloads, importedAt: Timestamp(date: Date()),
                                       report: { parser.log($0, kept: $1, source: name) }) { stored, sink in
            let path = archive.path(of: stored.snapshot)
            let input: ByteInput
            do { input = try ByteInput(path: path) } catch {
                throw StoreError(place: path, message: "snapshot file is missing or unreadable")
            }
            return try parser.stream(input, origin: stored.snapshot.relativePath, descriptor: stored.descriptor, into: sink)
        }
        return Rebuilt(source: name, snapshots: payloads.count, counts: counts, records: false)
    }
}
