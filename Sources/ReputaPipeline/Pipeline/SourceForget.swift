import Foundation
import Logging
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaStore

/// `reputa forget`: what a source's payloads brought (reviews, revisions, routes, ledger rows,
/// and the flags of reviews that leave), removed in one transaction so the corrected import of
/// the same files is not "already imported". With snapshots named, only theirs: the source is
/// rebuilt from its other snapshots, read as they were recorded. Snapshot files stay on disk.
/// A review another source also holds is never removed: it passes to that source, and the
/// result says so.
package enum SourceForget {
    package struct Forgotten {
        package var source: String
        /// The snapshots forgotten, oldest first.
        package var forgotten: [StoredSnapshot]
        package var rebuilt: SourceReparse.Rebuilt
    }

    /// - Parameter snapshots: ids as `reputa forget` shows them (a sha256 prefix of 8 or more
    ///   hex digits, or the snapshot's path); empty: every snapshot of the source.
    /// - Throws: `UsageError` for a source never imported or an id that names no snapshot, or
    ///   several; the store's errors otherwise (nothing changed).
    package static func run(source: String, snapshots ids: [String], store: any SQLStore, archive: SnapshotArchive,
                            logger: Logger) throws -> Forgotten {
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
        let kept = payloads.filter { p in !forgotten.contains { $0.snapshot.sha256 == p.snapshot.sha256 } }
        let rebuilt = try SourceReparse.rebuild(source, payloads: kept, store: store, archive: archive,
                                                parser: PayloadParser(logger: logger))
        return Forgotten(source: source, forgotten: forgotten, rebuilt: rebuilt)
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
