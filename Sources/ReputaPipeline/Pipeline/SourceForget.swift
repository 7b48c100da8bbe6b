import Foundation
import Logging
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaStore

/// `reputa forget`: what a source's payloads brought (reviews, revisions, routes, ledger rows,
/// the flags of reviews that leave, its URLs' conditional-GET validators), removed in one
/// transaction so the corrected import of the same files is not "already imported". With
/// snapshots named, only theirs: the source is rebuilt from its other snapshots, read as they
/// were recorded. Snapshot files stay on disk. A review another source also holds is never
/// removed: it passes to that source, which is then read again from its own snapshots (so the
/// review holds what that source says, not what the forgotten import wrote), and the result
/// says so.
package enum SourceForget {
    package struct Forgotten {
        package var source: String
        /// The snapshots forgotten, oldest first.
        package var forgotten: [StoredSnapshot]
        package var rebuilt: SourceReparse.Rebuilt
        /// The sources that took over shared reviews, each read again from its own snapshots.
        package var heirs: [SourceReparse.Rebuilt] = []
    }

    /// - Parameter snapshots: ids as `reputa forget` shows them (a sha256 prefix of 8 or more
    ///   hex digits, or the snapshot's path); empty: every snapshot of the source.
    /// - Throws: `UsageError` for a source never imported or an id that names no snapshot, or
    ///   several; the store's errors otherwise (nothing changed).
    package static func run(source: String, snapshots ids: [String], config: Configuration?, store: any SQLStore,
                            archive: SnapshotArchive, logger: Logger) throws -> Forgotten {
        let known = try store.importedSources()
        guard known.contains(source) else {
            throw UsageError("no imported source named \"\(source)\"\(Suggestion.hint(source, known))")
        }
        let payloads = try store.importedSnapshots(source: source)
        var forgotten: [StoredSnapshot] = []
        for id in ids {
            let found = payloads.filter { matches(id, $0) }
            guard found.count == 1 else {
                let listing = payloads.map { "\(shortID($0)) \($0.snapshot.capturedAt.utcISO) \($0.snapshot.relativePath)" }
                    .joined(separator: "; ")
                throw UsageError(found.isEmpty
                    ? "source \(source) has no snapshot \"\(id)\"; its snapshots: \(listing)"
                    : "\"\(id)\" names \(found.count) snapshots of \(source); give more of the id: \(listing)")
            }
            if !forgotten.contains(where: { $0.snapshot.sha256 == found[0].snapshot.sha256 }) { forgotten.append(found[0]) }
        }
        if ids.isEmpty { forgotten = payloads }
        let gone = Set(forgotten.map(\.snapshot.sha256))
        let parser = PayloadParser(logger: logger)
        let rebuilt = try SourceReparse.rebuild(source, store: store, archive: archive, parser: parser, forgetting: true) { stored in
            stored.filter { !gone.contains($0.snapshot.sha256) }
        }
        var result = Forgotten(source: source, forgotten: forgotten, rebuilt: rebuilt)
        for heir in (rebuilt.accounted?.passedOn.keys).map(Array.init)?.sorted() ?? [] {
            let entry = config?.source(named: heir)
            result.heirs.append(try SourceReparse.rebuild(heir, store: store, archive: archive, parser: parser) { stored in
                stored.map { stored in
                    var stored = stored
                    if let entry { stored.descriptor = entry.descriptor }
                    return stored
                }
            })
        }
        return result
    }

    /// How a snapshot is named to `forget`: the first 12 hex digits of its sha256.
    package static func shortID(_ stored: StoredSnapshot) -> String { String(stored.snapshot.sha256.prefix(12)) }

    static func matches(_ id: String, _ stored: StoredSnapshot) -> Bool {
        let lower = id.lowercased()
        if lower.count >= 8, lower.allSatisfy(\.isHexDigit), stored.snapshot.sha256.hasPrefix(lower) { return true }
        let path = stored.snapshot.relativePath
        return id == path || id.hasSuffix("/" + path) || id == "snapshots/" + path
    }
}
