import Foundation
import ReputaCore

/// A stored payload to parse again.
public struct StoredSnapshot: Sendable {
    public var snapshot: SnapshotArchive.Snapshot
    public var origin: String
    /// How it was read last time (kind, mapping, scale…).
    public var descriptor: SourceDescriptor
}

/// Importing review payloads and the ledger of what was imported, the same on both stores.
extension SQLStore {
    /// True when these exact bytes were already imported for `source`.
    public func hasImported(source: String, sha256: String) throws -> Bool {
        try reading { db in try ImportRecords.imported(source: source, sha256: sha256, in: db) }
    }

    /// Writes one parsed payload: its snapshot row, every review (new, edited or unchanged),
    /// tombstones for a full export, the ledger row and the URL's conditional-GET validators,
    /// all in one transaction (validators saved before the reviews could skip a page forever).
    public func importBatch(_ batch: ParsedBatch, snapshot: SnapshotArchive.Snapshot, origin: String,
                            descriptor: SourceDescriptor, importedAt: Timestamp,
                            validators: HTTPValidators? = nil) throws -> ImportCounts {
        try importStream(snapshot: snapshot, origin: origin, descriptor: descriptor, importedAt: importedAt,
                         validators: validators) { sink in
            try batch.forward(to: sink)
            return batch.page
        }.counts
    }

    /// Like `importBatch`, with the parser running inside the transaction: `read` hands each
    /// review to the sink as it reads it, so a payload of any size is written in bounded
    /// memory. An error from `read` rolls everything back. `report` hears of every skipped
    /// row (`kept` false) and every entry kept with a warning (`kept` true).
    public func importStream(snapshot: SnapshotArchive.Snapshot, origin: String, descriptor: SourceDescriptor,
                             importedAt: Timestamp, validators: HTTPValidators? = nil,
                             report: @escaping (RowProblem, _ kept: Bool) -> Void = { _, _ in },
                             read: (any ReviewSink) throws -> PageInfo) throws -> (counts: ImportCounts, page: PageInfo) {
        let result = try writing { db in
            let result = try ImportRecords.apply(snapshot: snapshot, origin: origin, descriptor: descriptor,
                                                 importedAt: importedAt, in: db, report: report, read: read)
            if let validators {
                try SourceStateRecords.saveValidators(validators, source: descriptor.name, at: importedAt, in: db)
            }
            return result
        }
        settle(["reviews"], changedRows: result.counts.changedRows)
        return result
    }

    /// Sources that have imported payloads, sorted.
    public func importedSources() throws -> [String] {
        try reading { db in try ImportRecords.importingSources(db) }
    }

    /// How each source that imported payloads read its latest one (kind, portal, location…): what
    /// `reputa sources` shows for a source the config does not name (`reputa import --source`).
    public func latestImportDescriptors() throws -> [String: SourceDescriptor] {
        try reading { db in
            var out: [String: SourceDescriptor] = [:]
            // One grouped pass for the latest row of each source (a correlated MAX per row would
            // read each source's rows once for every one of them).
            for row in try db.fetch("""
                SELECT source, descriptor FROM imports WHERE id IN (SELECT MAX(id) FROM imports GROUP BY source)
                """, []) {
                let text: String = row["descriptor"]
                out[row["source"]] = try? JSONDecoder().decode(SourceDescriptor.self, from: Data(text.utf8))
            }
            return out
        }
    }

    /// The payloads imported for `source`, oldest capture first.
    public func importedSnapshots(source: String) throws -> [StoredSnapshot] {
        try reading { db in try ImportRecords.snapshots(source: source, in: db) }
    }

    /// Rebuilds `source` from its stored payloads in one transaction: forgets its reviews,
    /// revisions and ledger rows, then parses each payload again (`read`, streaming into the
    /// sink) in capture order. All or nothing. A review another source delivered too is not
    /// forgotten: it passes to that source, and the replay merges into it again.
    public func rebuild(source: String, payloads: [StoredSnapshot], importedAt: Timestamp,
                        report: @escaping (RowProblem, _ kept: Bool) -> Void = { _, _ in },
                        read: (StoredSnapshot, any ReviewSink) throws -> PageInfo) throws -> ImportCounts {
        try rebuildAccounted(source: source, importedAt: importedAt, choose: { _ in payloads }, report: report, read: read).counts
    }

    /// `rebuild`, telling what the source held before and after, which of its reviews passed to
    /// another source that holds them too, and (`forgetting`) removing the flags of its reviews
    /// that did not come back and its URLs' conditional-GET validators, so the next fetch reads
    /// every page again (`reputa forget`). A reparse keeps every flag: a review that comes back
    /// finds its history. `choose` picks the payloads to replay from the source's ledger, read
    /// inside the transaction, so a fetch committing meanwhile is neither lost nor half seen.
    public func rebuildAccounted(source: String, importedAt: Timestamp, forgetting: Bool = false,
                                 choose: ([StoredSnapshot]) throws -> [StoredSnapshot],
                                 report: @escaping (RowProblem, _ kept: Bool) -> Void = { _, _ in },
                                 read: (StoredSnapshot, any ReviewSink) throws -> PageInfo) throws -> Rebuild {
        let result = try writing { db in
            let payloads = try choose(try ImportRecords.snapshots(source: source, in: db))
            var result = Rebuild(before: try SourceFootprint.measure(source, in: db))
            result.replayed = payloads.count
            let keys: [String] = forgetting
                ? try db.fetch("SELECT merge_key FROM reviews WHERE source = ?", source).map { $0["merge_key"] } : []
            try db.execute("DELETE FROM review_routes WHERE source = ?", source)
            for heir in try db.fetch("""
                SELECT rr.review_id, MIN(rr.source) AS source FROM review_routes rr JOIN reviews r ON r.id = rr.review_id
                WHERE r.source = ? GROUP BY rr.review_id
                """, source) {
                let reviewID: Int64 = heir["review_id"], heirSource: String = heir["source"]
                try db.execute("""
                    UPDATE reviews SET source = ?, external_id = (SELECT external_id FROM review_routes
                        WHERE review_id = ? AND source = ? ORDER BY external_id LIMIT 1) WHERE id = ?
                    """, heirSource, reviewID, heirSource, reviewID)
                try db.execute("DELETE FROM review_routes WHERE review_id = ? AND source = ?", reviewID, heirSource)
                result.passedOn[heirSource, default: 0] += 1
                result.passedRevisions += Int(try db.fetchOne("SELECT COUNT(*) AS n FROM review_revisions WHERE review_id = ?",
                                                              reviewID)?["n"] as Int64? ?? 0)
            }
            try db.execute("DELETE FROM review_revisions WHERE review_id IN (SELECT id FROM reviews WHERE source = ?)", source)
            try db.execute("DELETE FROM reviews WHERE source = ?", source)
            try db.execute("DELETE FROM imports WHERE source = ?", source)
            for stored in payloads {
                result.counts = result.counts + (try ImportRecords.apply(snapshot: stored.snapshot, origin: stored.origin,
                                                                         descriptor: stored.descriptor, importedAt: importedAt, in: db,
                                                                         report: report) { sink in try read(stored, sink) }).counts
            }
            if forgetting {
                // The flags (with their events, alerts and drafts) of this source's reviews that
                // did not come back; other sources' flags are not this command's business.
                for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
                    let list = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                    let gone = "merge_key IN (\(list)) AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.merge_key = %@.merge_key)"
                    result.flagsRemoved += try db.execute("DELETE FROM flags WHERE " + gone.replacingOccurrences(of: "%@", with: "flags"),
                                                          chunk.map { .text($0) })
                    _ = try db.execute("DELETE FROM flag_checks WHERE " + gone.replacingOccurrences(of: "%@", with: "flag_checks"),
                                       chunk.map { .text($0) })
                }
                try db.execute("DELETE FROM http_validators WHERE source = ?", source)
            }
            result.after = try SourceFootprint.measure(source, in: db)
            return result
        }
        settle(["reviews", "review_revisions"], changedRows: result.counts.changedRows)
        return result
    }
}

/// What a source holds in the store: its reviews (shared ones included), their revisions, the
/// routes by which it delivers reviews another source holds, and its ledger rows.
public struct SourceFootprint: Equatable, Sendable {
    public var reviews = 0
    public var revisions = 0
    public var routes = 0
    public var imports = 0

    public init() {}

    static func measure(_ source: String, in db: any SQLConnection) throws -> SourceFootprint {
        var f = SourceFootprint()
        func count(_ sql: String) throws -> Int { Int(try db.fetchOne(sql, source)?["n"] as Int64? ?? 0) }
        f.reviews = try count("SELECT COUNT(*) AS n FROM reviews WHERE source = ?")
        f.revisions = try count("SELECT COUNT(*) AS n FROM review_revisions WHERE review_id IN (SELECT id FROM reviews WHERE source = ?)")
        f.routes = try count("SELECT COUNT(*) AS n FROM review_routes WHERE source = ?")
        f.imports = try count("SELECT COUNT(*) AS n FROM imports WHERE source = ?")
        return f
    }
}

/// What a rebuild did: the replay's counts, the source before and after, the reviews passed on
/// to another source that also holds them (source → count), and the flags removed with reviews
/// that did not come back.
public struct Rebuild: Sendable {
    public var before: SourceFootprint
    public var after = SourceFootprint()
    /// The snapshots read again.
    public var replayed = 0
    public var counts = ImportCounts()
    public var passedOn: [String: Int] = [:]
    /// Revisions that went with the reviews passed on (kept, not removed).
    public var passedRevisions = 0
    public var flagsRemoved = 0
}

/// The steps of an import inside its transaction, shared by reviews and internal data.
enum ImportRecords {
    /// The payloads imported for `source`, oldest capture first, with how each was read.
    static func snapshots(source: String, in db: any SQLConnection) throws -> [StoredSnapshot] {
        try db.fetch("""
            SELECT s.sha256, s.path, s.origin, s.bytes, s.captured_at, i.descriptor
            FROM imports i JOIN snapshots s ON s.id = i.snapshot_id
            WHERE i.source = ? ORDER BY s.captured_at, i.id
            """, source).map { row in
            let descriptor = try JSONDecoder().decode(SourceDescriptor.self, from: Data((row["descriptor"] as String).utf8))
            let captured: String = row["captured_at"]
            return StoredSnapshot(
                snapshot: .init(source: source, sha256: row["sha256"], relativePath: row["path"],
                                capturedAt: Timestamp(utcISO: captured) ?? Timestamp(epochSeconds: 0),
                                byteCount: row["bytes"]),
                origin: row["origin"], descriptor: descriptor)
        }
    }

    static func imported(source: String, sha256: String, in db: any SQLConnection) throws -> Bool {
        try db.fetchOne("SELECT 1 AS hit FROM imports WHERE source = ? AND sha256 = ?", source, sha256) != nil
    }

    static func apply(snapshot: SnapshotArchive.Snapshot, origin: String, descriptor: SourceDescriptor,
                      importedAt: Timestamp, in db: any SQLConnection, report: @escaping (RowProblem, Bool) -> Void,
                      read: (any ReviewSink) throws -> PageInfo) throws -> (counts: ImportCounts, page: PageInfo) {
        let source = descriptor.name
        // Checked again inside the write transaction: another process may have imported the
        // same bytes since the caller's look at the ledger.
        if try imported(source: source, sha256: snapshot.sha256, in: db) {
            var counts = ImportCounts()
            counts.alreadyImported = true
            return (counts, PageInfo())
        }
        let snapshotID = try snapshotRow(snapshot, origin: origin, in: db)
        let newestBefore: String? = try db.fetchOne("""
            SELECT MAX(s.captured_at) AS newest FROM imports i JOIN snapshots s ON s.id = i.snapshot_id WHERE i.source = ?
            """, source)?["newest"]

        let session = try ImportSession(db: db, descriptor: descriptor, snapshotID: snapshotID,
                                        capturedAt: snapshot.capturedAt.utcISO, report: report)
        let page = try read(session)
        try session.flush()
        var counts = session.counts
        // A full export that is the newest seen and read without skipped rows says authoritatively
        // which reviews still exist; anything else could tombstone reviews that are still there.
        if descriptor.fullExport, counts.skipped == 0, session.added > 0,
           newestBefore.map({ snapshot.capturedAt.utcISO >= $0 }) ?? true {
            counts.removed = try db.execute("""
                UPDATE reviews SET deleted_at = ? WHERE source = ? AND deleted_at IS NULL
                AND merge_key NOT IN (SELECT merge_key FROM \(ImportSession.seenTable))
                """, snapshot.capturedAt.utcISO, source)
        }
        try recordImport(snapshot, snapshotID: snapshotID, descriptor: descriptor, importedAt: importedAt, counts: counts, in: db)
        return (counts, page)
    }

    /// The payload's row in `snapshots` (kept once per source and hash), its id.
    static func snapshotRow(_ snapshot: SnapshotArchive.Snapshot, origin: String, in db: any SQLConnection) throws -> Int64 {
        try db.execute("""
            INSERT INTO snapshots (source, sha256, path, origin, bytes, captured_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (source, sha256) DO NOTHING
            """, snapshot.source, snapshot.sha256, snapshot.relativePath, origin, snapshot.byteCount,
            snapshot.capturedAt.utcISO)
        guard let id: Int64 = try db.fetchOne("SELECT id FROM snapshots WHERE source = ? AND sha256 = ?",
                                              snapshot.source, snapshot.sha256)?["id"] else {
            throw StoreError(place: snapshot.relativePath, message: "the snapshot row was neither inserted nor found")
        }
        return id
    }

    /// The ledger row that makes the same bytes a no-op next time.
    static func recordImport(_ snapshot: SnapshotArchive.Snapshot, snapshotID: Int64, descriptor: SourceDescriptor,
                             importedAt: Timestamp, counts: ImportCounts, in db: any SQLConnection) throws {
        let descriptorJSON = String(decoding: try JSONEncoder.sorted.encode(descriptor), as: UTF8.self)
        try db.execute("""
            INSERT INTO imports (source, sha256, snapshot_id, descriptor, imported_at, new_count, updated_count,
                                 unchanged_count, removed_count, skipped_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, descriptor.name, snapshot.sha256, snapshotID, descriptorJSON, importedAt.utcISO, counts.new,
            counts.updated, counts.unchanged, counts.removed, counts.skipped)
    }

    /// The sources that imported payloads: every review's `source` is one of them, so a query
    /// per source can use the `reviews_weekly` index's leading column.
    static func importingSources(_ db: any SQLConnection) throws -> [String] {
        try db.fetch("SELECT DISTINCT source FROM imports ORDER BY source").map { $0["source"] }
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}
